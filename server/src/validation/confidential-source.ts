import { yup } from '@strapi/utils';

import { notBlank } from './rules';

export const confidentialSourceRules: yup.AnyObjectSchema = yup.object({
  alias: notBlank(),
  identity: notBlank(),
});
