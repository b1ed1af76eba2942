import { yup } from '@strapi/utils';

import { CONFIDENCE_LEVELS, LIKELIHOODS } from '../../../shared/contracts/icd203';
import { paginationSchema } from '../utils/pagination';
import { readerText, requiredReaderText } from './rules';

/** `GET /source-documents`: search over title, issuer and number, and pages. */
export const libraryQuerySchema: yup.AnyObjectSchema = yup
  .object({
    q: yup.string().max(200, 'q must be at most ${max} characters'),
    pagination: paginationSchema,
  })
  .noUnknown(true, 'unsupported query parameter(s): ${unknown}');

const keyJudgment = yup
  .object({
    text: requiredReaderText(
      yup.string().required('${path} is required: the judgment as the report words it')
    ),
    page: yup
      .number()
      .nullable()
      .integer('${path} must be a whole number')
      .min(1, '${path} must be at least ${min}'),
    confidence: yup
      .mixed()
      .required("${path} is required: the analysts' confidence (high, moderate or low)")
      .oneOf([...CONFIDENCE_LEVELS], '${path} must be one of: ${values}'),
    likelihood: yup
      .mixed()
      .nullable()
      .oneOf([...LIKELIHOODS, null], "${path} must be one of ICD 203's terms: ${values}"),
    minorityView: readerText(),
  })
  .noUnknown(true, '${path} has unknown field(s): ${unknown}');

/**
 * `PUT /source-documents/:documentId/key-judgments`: the whole list as it should be, and the
 * revision of the document it was edited from. Lengths are the Document Service's write
 * validation's to check, from schema.json.
 */
export const keyJudgmentsBody: yup.AnyObjectSchema = yup
  .object({
    revision: yup
      .string()
      .nullable()
      .defined('revision is required: send the revision of the document you loaded'),
    // Capped in validation/limits.ts, checked before this schema runs.
    keyJudgments: yup
      .array()
      .of(keyJudgment)
      .required('keyJudgments is required: the full list (empty to remove them all)'),
  })
  .noUnknown(true, 'unknown field(s): ${unknown}');
