import { CONFIDENTIAL_SOURCE_UID } from '../utils/plugin-id';

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

/** Bound into each ciphertext, so a value moved to another field or type fails to decrypt. */
export const encryptionContext = (field: EncryptedSourceField) =>
  `${CONFIDENTIAL_SOURCE_UID}#${field}`;
