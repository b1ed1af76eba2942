import { yup } from '@strapi/utils';

import { notBlank, requiredReaderText } from './rules';

const text = (max: number) =>
  yup.string().nullable().max(max, '${path} must be at most ${max} characters');

/**
 * The encrypted fields have no maxLength in schema.json, where Strapi would measure the
 * ciphertext: their limits on what the editor types are checked here, before encryption.
 */
export const CONFIDENTIAL_SOURCE_LIMITS = {
  identity: 1000,
  role: 1000,
  affiliation: 1000,
  contact: 2000,
  verificationNotes: 10000,
} as const;

export const confidentialSourceRules: yup.AnyObjectSchema = yup.object({
  alias: requiredReaderText(),
  identity: notBlank(text(CONFIDENTIAL_SOURCE_LIMITS.identity)),
  role: text(CONFIDENTIAL_SOURCE_LIMITS.role),
  affiliation: text(CONFIDENTIAL_SOURCE_LIMITS.affiliation),
  contact: text(CONFIDENTIAL_SOURCE_LIMITS.contact),
  verificationNotes: text(CONFIDENTIAL_SOURCE_LIMITS.verificationNotes),
});
