import { yup } from '@strapi/utils';

import { notBlank, requiredReaderText } from './rules';

export const correctionRules: yup.AnyObjectSchema = yup.object({
  storyDocumentId: notBlank(),
  text: requiredReaderText(),
  lateReason: requiredReaderText(),
});
