import { yup } from '@strapi/utils';

import { requiredReaderText } from './rules';

/** Why a change needed no correction: shown to the desk, and kept as the record of it. */
export const changeLogEntryRules: yup.AnyObjectSchema = yup.object({
  reason: requiredReaderText(),
});
