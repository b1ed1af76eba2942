import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { decrypt, encrypt, keyIdOf, parseEnvelope } from '../encryption/envelope';
import {
  ENCRYPTED_SOURCE_FIELDS,
  encryptionContext,
  type EncryptedSourceField,
} from '../encryption/fields';
import { ENCRYPTION_KEY_ENV, parseKeyring, type Keyring } from '../encryption/keyring';

type SourceValues = Partial<Record<EncryptedSourceField, string | null>>;

/**
 * Encryption at rest of confidential sources' identities. The keyring comes from the environment
 * only (never from config files, which are committed): a key must not sit next to the data.
 */
const sourceEncryption = ({ strapi }: { strapi: Core.Strapi }) => {
  let keyring: Keyring | null = parseKeyring(process.env[ENCRYPTION_KEY_ENV]);

  const requireKeyring = (): Keyring => {
    if (!keyring) {
      // ApplicationError, not ValidationError: nothing is wrong with the editor's input.
      throw new errors.ApplicationError(
        `Confidential sources cannot be saved: no encryption key is configured (${ENCRYPTION_KEY_ENV}), and identities are never stored in plain text.`
      );
    }
    return keyring;
  };

  /** A value already encrypted under one of our keys for this field, or null. */
  const plaintextOfEnvelope = (ring: Keyring, field: EncryptedSourceField, value: string) => {
    if (!parseEnvelope(value)) {
      return null;
    }
    try {
      return decrypt(ring, value, encryptionContext(field));
    } catch {
      return null;
    }
  };

  return {
    /** Refuses to run in production without a key; elsewhere, says loudly what will not work. */
    assertConfigured() {
      // Re-read at boot: the service may have been built before the environment was complete.
      keyring = parseKeyring(process.env[ENCRYPTION_KEY_ENV]);
      if (keyring) {
        return;
      }
      const message = `${ENCRYPTION_KEY_ENV} is not set: confidential sources cannot be encrypted at rest.`;
      if (process.env.NODE_ENV === 'production') {
        throw new Error(
          `intelligence-stories: ${message} Set it to <id>:<base64 32-byte key> before starting in production.`
        );
      }
      strapi.log.warn(
        `\n\n  intelligence-stories: ${message}\n  Creating or editing a confidential source will be refused until a key is set.\n`
      );
    },

    /** Re-reads the keyring from the environment (after a rotation in a running process). */
    reloadKeys() {
      keyring = parseKeyring(process.env[ENCRYPTION_KEY_ENV]);
      return keyring?.currentKeyId ?? null;
    },

    currentKeyId: () => keyring?.currentKeyId ?? null,

    /**
     * The write's data with every sensitive field encrypted under the current key. A value that is
     * already one of our envelopes for that field (a caller writing back what it read) is
     * re-encrypted from its plaintext rather than wrapped twice.
     */
    encryptFields<T extends Record<string, unknown>>(data: T): T {
      const ring = requireKeyring();
      const encrypted: Record<string, unknown> = { ...data };
      for (const field of ENCRYPTED_SOURCE_FIELDS) {
        const value = data[field];
        if (typeof value !== 'string' || value === '') {
          continue;
        }
        const plaintext = plaintextOfEnvelope(ring, field, value) ?? value;
        encrypted[field] = encrypt(ring, plaintext, encryptionContext(field));
      }
      return encrypted as T;
    },

    decryptFields(record: SourceValues): SourceValues {
      const ring = requireKeyring();
      const values: SourceValues = {};
      for (const field of ENCRYPTED_SOURCE_FIELDS) {
        const value = record[field];
        values[field] =
          typeof value === 'string' && value !== ''
            ? decrypt(ring, value, encryptionContext(field))
            : (value ?? null);
      }
      return values;
    },

    /** Whether the stored value is encrypted under the current key (rotation is then done). */
    isCurrent(value: unknown) {
      return typeof value !== 'string' || value === '' || keyIdOf(value) === keyring?.currentKeyId;
    },
  };
};

export default sourceEncryption;
