/**
 * The keys that protect confidential sources at rest, read from INTELLIGENCE_STORIES_ENCRYPTION_KEY:
 * a comma-separated list of `<id>:<base64 32-byte key>`, newest first. The first key encrypts every
 * new value; every key listed decrypts, so a key can be rotated in (prepend it, run the rotation
 * script) and the old one dropped once nothing is encrypted under it any more.
 */

export const ENCRYPTION_KEY_ENV = 'INTELLIGENCE_STORIES_ENCRYPTION_KEY';

const KEY_BYTES = 32; // AES-256
// Ids travel inside every stored value, delimited by ':', so they stay short and plain.
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+$/;

export type Keyring = {
  /** The id stored with every value encrypted from now on. */
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
};

const fail = (message: string): never => {
  throw new Error(`${ENCRYPTION_KEY_ENV}: ${message}`);
};

const parseEntry = (entry: string, position: number): [string, Buffer] => {
  const separator = entry.indexOf(':');
  if (separator === -1) {
    return fail(
      `key ${position} must be written <id>:<base64 key>, e.g. k2026:${'A'.repeat(43)}= (generate one with \`node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"\`)`
    );
  }
  const id = entry.slice(0, separator).trim();
  const encoded = entry.slice(separator + 1).trim();
  if (!KEY_ID.test(id)) {
    fail(`key ${position}: the id "${id}" must be 1 to 32 letters, digits, '-' or '_'`);
  }
  if (!BASE64.test(encoded)) {
    fail(`key ${position} ("${id}") is not base64`);
  }
  const key = Buffer.from(
    encoded,
    encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64'
  );
  if (key.length !== KEY_BYTES) {
    fail(
      `key ${position} ("${id}") must decode to ${KEY_BYTES} bytes for AES-256, got ${key.length}`
    );
  }
  return [id, key];
};

/** The keyring in `value`, or null when no key is configured. Any malformed entry throws. */
export const parseKeyring = (value: string | undefined): Keyring | null => {
  if (value === undefined || value.trim() === '') {
    return null;
  }
  const entries = value.split(',').map((entry, index) => parseEntry(entry.trim(), index + 1));
  const keys = new Map<string, Buffer>();
  for (const [id, key] of entries) {
    if (keys.has(id)) {
      fail(`the id "${id}" is used twice; each key needs its own id`);
    }
    keys.set(id, key);
  }
  return { currentKeyId: entries[0][0], keys };
};
