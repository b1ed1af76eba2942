import { CONFIDENTIAL_SOURCE_UID } from '../utils/plugin-id';
import type { Binding } from './envelope';

/**
 * The confidential source's fields stored encrypted. `alias` stays plaintext: it is the internal
 * handle editors see, the Content Manager's label for the quote's source, and what they search.
 */
export const ENCRYPTED_SOURCE_FIELDS = [
  'identity',
  'role',
  'affiliation',
  'contact',
  'verificationNotes',
] as const;

export type EncryptedSourceField = (typeof ENCRYPTED_SOURCE_FIELDS)[number];

/**
 * Bound into each ciphertext, so a value moved to another field, type or source fails to decrypt.
 * The scope's spelling is what v1 envelopes were written with: it must not change.
 */
export const bindingOf = (field: EncryptedSourceField, documentId: string): Binding => ({
  scope: `${CONFIDENTIAL_SOURCE_UID}#${field}`,
  record: documentId,
});
