import crypto from 'crypto';

import type { Keyring } from './keyring';

/**
 * One encrypted value as stored: `isenc:v1:<keyId>:<nonce>:<tag>:<ciphertext>` (base64url parts).
 * AES-256-GCM with a fresh 96-bit nonce per value; the field it belongs to is bound in as
 * additional authenticated data, so a ciphertext copied into another field does not decrypt.
 */

const PREFIX = 'isenc';
const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

type Envelope = { keyId: string; nonce: Buffer; tag: Buffer; ciphertext: Buffer };

export const parseEnvelope = (value: string): Envelope | null => {
  const parts = value.split(':');
  if (parts.length !== 6 || parts[0] !== PREFIX || parts[1] !== VERSION) {
    return null;
  }
  const [, , keyId, nonce, tag, ciphertext] = parts;
  const envelope = {
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

export const encrypt = (keyring: Keyring, plaintext: string, context: string): string => {
  const keyId = keyring.currentKeyId;
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const cipher = crypto.createCipheriv(ALGORITHM, keyring.keys.get(keyId)!, nonce, {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    PREFIX,
    VERSION,
    keyId,
    nonce.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    ciphertext.toString('base64url'),
  ].join(':');
};

export class DecryptionError extends Error {}

export const decrypt = (keyring: Keyring, value: string, context: string): string => {
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
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(envelope.tag);
    return Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptionError(
      `the value does not authenticate under key "${envelope.keyId}" (tampered, or copied from another field)`
    );
  }
};

export const keyIdOf = (value: string) => parseEnvelope(value)?.keyId ?? null;
