import crypto from 'crypto';

import type { Keyring } from './keyring';

/**
 * One encrypted value as stored: `isenc:<version>:<keyId>:<nonce>:<tag>:<ciphertext>` (base64url
 * parts). AES-256-GCM with a fresh 96-bit nonce per value. What the value belongs to is bound in as
 * additional authenticated data, so a ciphertext copied elsewhere does not decrypt:
 * - `v2` (written today): the field (`scope`) and the record (`record`, its documentId);
 * - `v1` (written by earlier versions, still read): the field only. Rotation rewrites them as v2.
 */

const PREFIX = 'isenc';
const VERSIONS = ['v1', 'v2'] as const;
const CURRENT_VERSION: EnvelopeVersion = 'v2';
const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export type EnvelopeVersion = (typeof VERSIONS)[number];

/** The field a value belongs to (`scope`) and the record it is stored on. */
export type Binding = { scope: string; record: string };

type Envelope = {
  version: EnvelopeVersion;
  keyId: string;
  nonce: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
};

const additionalData = (version: EnvelopeVersion, { scope, record }: Binding) =>
  Buffer.from(version === 'v1' ? scope : JSON.stringify([scope, record]), 'utf8');

const isVersion = (value: string): value is EnvelopeVersion =>
  (VERSIONS as readonly string[]).includes(value);

export const parseEnvelope = (value: string): Envelope | null => {
  const parts = value.split(':');
  const [prefix, version, keyId, nonce, tag, ciphertext] = parts;
  if (parts.length !== 6 || prefix !== PREFIX || !isVersion(version)) {
    return null;
  }
  const envelope = {
    version,
    keyId,
    nonce: Buffer.from(nonce, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
  return envelope.nonce.length === NONCE_BYTES && envelope.tag.length === TAG_BYTES
    ? envelope
    : null;
};

export const isEnvelope = (value: unknown): value is string =>
  typeof value === 'string' && parseEnvelope(value) !== null;

/**
 * Whether a value presents itself as one of our envelopes, well-formed or not. Such a value is
 * never taken for plain text: it either authenticates where it is written or is refused.
 */
export const looksLikeEnvelope = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(`${PREFIX}:`);

export const encrypt = (keyring: Keyring, plaintext: string, binding: Binding): string => {
  const keyId = keyring.currentKeyId;
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const cipher = crypto.createCipheriv(ALGORITHM, keyring.keys.get(keyId)!, nonce, {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(additionalData(CURRENT_VERSION, binding));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    PREFIX,
    CURRENT_VERSION,
    keyId,
    nonce.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    ciphertext.toString('base64url'),
  ].join(':');
};

export class DecryptionError extends Error {}

export const decrypt = (keyring: Keyring, value: string, binding: Binding): string => {
  const envelope = parseEnvelope(value);
  if (!envelope) {
    throw new DecryptionError('the stored value is not an encrypted envelope');
  }
  const key = keyring.keys.get(envelope.keyId);
  if (!key) {
    throw new DecryptionError(
      `the value is encrypted with key "${envelope.keyId}", which is not in the keyring`
    );
  }
  try {
    const decipher = crypto.createDecipheriv(ALGORITHM, key, envelope.nonce, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(additionalData(envelope.version, binding));
    decipher.setAuthTag(envelope.tag);
    return Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptionError(
      `the value does not authenticate under key "${envelope.keyId}" (tampered, or copied from another field or record)`
    );
  }
};

export const keyIdOf = (value: string) => parseEnvelope(value)?.keyId ?? null;

/** Whether a stored value is written the current way: under `keyId`, bound to its record. */
export const isCurrentEnvelope = (value: string, keyId: string | null) => {
  const envelope = parseEnvelope(value);
  return envelope !== null && envelope.keyId === keyId && envelope.version === CURRENT_VERSION;
};
