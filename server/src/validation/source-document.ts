import { yup } from '@strapi/utils';

import { httpUrl, notBlank } from './rules';

export const sourceDocumentRules: yup.AnyObjectSchema = yup.object({
  title: notBlank(),
  issuer: notBlank(),
  officialUrl: httpUrl(),
  keyJudgments: yup
    .array()
    .nullable()
    .of(yup.object({ text: notBlank() })),
});
