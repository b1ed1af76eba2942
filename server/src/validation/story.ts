import { yup } from '@strapi/utils';

import { notBlank, slug } from './rules';

export const storyRules: yup.AnyObjectSchema = yup.object({
  title: notBlank(),
  slug: slug(),
  bylines: yup
    .array()
    .nullable()
    .of(yup.object({ name: notBlank() })),
  citations: yup
    .array()
    .nullable()
    .of(yup.object({ passage: notBlank() })),
  anonymousQuotes: yup
    .array()
    .nullable()
    .of(
      yup.object({
        quote: notBlank(),
        attribution: notBlank(),
        anonymityReason: notBlank(),
      })
    ),
});
