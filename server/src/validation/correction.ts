import { yup } from '@strapi/utils';

import { notBlank } from './rules';

export const correctionRules: yup.AnyObjectSchema = yup.object({
  storyDocumentId: notBlank(),
  text: notBlank(),
  lateReason: notBlank(),
});
