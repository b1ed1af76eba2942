import { yup } from '@strapi/utils';

import { someString } from '../utils/json-walk';
import {
  BIDI_CONTROLS,
  BIDI_CONTROLS_MESSAGE,
  readerText,
  requiredReaderText,
  slug,
} from './rules';

// The body's size and depth are capped before this runs (validation/list-limits.ts).
const body = yup
  .mixed()
  .test('no-bidi-controls', BIDI_CONTROLS_MESSAGE, (value) =>
    Array.isArray(value) ? !someString(value, (text) => BIDI_CONTROLS.test(text)) : true
  );

export const storyRules: yup.AnyObjectSchema = yup.object({
  title: requiredReaderText(),
  slug: slug(),
  dek: readerText(),
  body,
  dateline: readerText(),
  backstory: readerText(),
  bylines: yup
    .array()
    .nullable()
    .of(yup.object({ name: requiredReaderText(), role: readerText() })),
  citations: yup
    .array()
    .nullable()
    .of(yup.object({ passage: requiredReaderText() })),
  anonymousQuotes: yup
    .array()
    .nullable()
    .of(
      yup.object({
        quote: requiredReaderText(),
        attribution: requiredReaderText(),
        anonymityReason: requiredReaderText(),
      })
    ),
});
