import { yup } from '@strapi/utils';

import { httpUrl, readerText, requiredReaderText } from './rules';

export const sourceDocumentRules: yup.AnyObjectSchema = yup.object({
  title: requiredReaderText(),
  issuer: requiredReaderText(),
  documentNumber: readerText(),
  summary: readerText(),
  officialUrl: httpUrl(),
  keyJudgments: yup
    .array()
    .nullable()
    .of(yup.object({ text: requiredReaderText(), minorityView: readerText() })),
});
