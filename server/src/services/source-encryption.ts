import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import {
  decrypt,
  encrypt,
  isCurrentEnvelope,
  looksLikeEnvelope,
  parseEnvelope,
} from '../encryption/envelope';
import {
  bindingOf,
  ENCRYPTED_SOURCE_FIELDS,
  type EncryptedSourceField,
} from '../encryption/fields';
import { ENCRYPTION_KEY_ENV, parseKeyring, type Keyring } from '../encryption/keyring';
import { CONFIDENTIAL_SOURCE_UID } from '../utils/plugin-id';

type SourceValues = Partial<Record<EncryptedSourceField, string | null>>;

const refuseForeignEnvelope = (field: EncryptedSourceField) => {
  const message = `${field}: this value is an encrypted envelope that does not belong to this source's ${field} (copied from another source or field, or altered); send the plain text instead`;
  throw new errors.ValidationError(message, {
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });
};

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

  /** What this source stores today, for telling its own legacy (v1) envelopes from copies. */
  const storedValues = async (documentId: string) =>
    ((await strapi.db.query(CONFIDENTIAL_SOURCE_UID).findOne({
      select: [...ENCRYPTED_SOURCE_FIELDS],
      where: { documentId },
    })) ?? {}) as SourceValues;

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
     * The write's data with every sensitive field encrypted under the current key and bound to the
     * source `documentId`. A value that is already an envelope is accepted only when it is this
     * source's own for that field (a caller writing back what it read), and then re-encrypted from
     * its plaintext rather than wrapped twice. Any other envelope (another source's, another
     * field's, altered) is refused with a ValidationError naming the field: storing it as-is
     * would keep a value that never decrypts here, and re-encrypting it would move a copied
     * identity onto this source.
     */
    async encryptFields<T extends Record<string, unknown>>(
      data: T,
      documentId: string
    ): Promise<T> {
      const ring = requireKeyring();
      const encrypted: Record<string, unknown> = { ...data };
      let stored: SourceValues | null = null;
      for (const field of ENCRYPTED_SOURCE_FIELDS) {
        const value = data[field];
        if (typeof value !== 'string' || value === '') {
          continue;
        }
        let plaintext = value;
        if (looksLikeEnvelope(value)) {
          const envelope = parseEnvelope(value);
          // A v1 envelope names no record: it is this source's only if this source stores it.
          if (envelope?.version === 'v1') {
            stored ??= await storedValues(documentId);
            if (stored[field] !== value) {
              refuseForeignEnvelope(field);
            }
          }
          try {
            plaintext = decrypt(ring, value, bindingOf(field, documentId));
          } catch {
            refuseForeignEnvelope(field);
          }
        }
        encrypted[field] = encrypt(ring, plaintext, bindingOf(field, documentId));
      }
      return encrypted as T;
    },

    decryptFields(
      record: SourceValues & { documentId: string }
    ): Record<EncryptedSourceField, string | null> {
      const ring = requireKeyring();
      const values: SourceValues = {};
      for (const field of ENCRYPTED_SOURCE_FIELDS) {
        const value = record[field];
        values[field] =
          typeof value === 'string' && value !== ''
            ? decrypt(ring, value, bindingOf(field, record.documentId))
            : (value ?? null);
      }
      return values as Record<EncryptedSourceField, string | null>;
    },

    /**
     * Whether the stored value is written the current way (under the current key, bound to its
     * record): rotation is then done with it.
     */
    isCurrent(value: unknown) {
      return (
        typeof value !== 'string' ||
        value === '' ||
        isCurrentEnvelope(value, keyring?.currentKeyId ?? null)
      );
    },
  };
};

export default sourceEncryption;
