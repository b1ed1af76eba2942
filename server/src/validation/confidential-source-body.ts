import { yup } from '@strapi/utils';

import { firstRow } from '../utils/pagination';
import { CONFIDENTIAL_SOURCE_LIMITS } from './confidential-source';
import { notBlank, requiredReaderText } from './rules';

const text = (field: keyof typeof CONFIDENTIAL_SOURCE_LIMITS) =>
  yup
    .string()
    .nullable()
    .max(CONFIDENTIAL_SOURCE_LIMITS[field], `${field} must be at most \${max} characters`);

const fields = {
  alias: requiredReaderText(yup.string().max(120, 'alias must be at most ${max} characters')),
  identity: notBlank(text('identity')),
  role: text('role'),
  affiliation: text('affiliation'),
  contact: text('contact'),
  verificationNotes: text('verificationNotes'),
  editorsWhoKnow: yup
    .array()
    .of(yup.number().integer().positive().required())
    .typeError('editorsWhoKnow must be a list of admin user ids'),
};

const UNKNOWN = 'unknown field(s): ${unknown}';

/** The body of `POST /confidential-sources`: a new source needs its handle and who it is. */
export const createSourceBody: yup.AnyObjectSchema = yup
  .object({
    ...fields,
    alias: fields.alias.required('alias is required: the handle editors know the source by'),
    identity: fields.identity.required('identity is required: who the source really is'),
  })
  .noUnknown(true, UNKNOWN);

/**
 * The body of `PUT /confidential-sources/:documentId`: the revision the editor loaded, and only
 * the fields that change.
 */
export const updateSourceBody: yup.AnyObjectSchema = yup
  .object({
    ...fields,
    revision: yup
      .string()
      .nullable()
      .defined('revision is required: send the revision of the source you loaded'),
  })
  .noUnknown(true, UNKNOWN)
  .test('not-empty', 'the body names no field to change', (value) =>
    Object.keys(value ?? {}).some((key) => key !== 'revision')
  );

export const accessLogQuery: yup.AnyObjectSchema = yup
  .object({
    sourceDocumentId: yup.string(),
    page: yup.string().matches(/^[1-9]\d*$/, 'page must be a whole number of at least 1'),
    pageSize: yup
      .string()
      .matches(/^[1-9]\d*$/, 'pageSize must be a whole number of at least 1')
      .test(
        'max',
        'pageSize must be at most 100',
        (value) => value === undefined || Number(value) <= 100
      ),
  })
  .noUnknown(true, 'unsupported query parameter(s): ${unknown}')
  .test(
    'first-row',
    `page: a page must start before row ${Number.MAX_SAFE_INTEGER}`,
    (value) => !value || !(firstRow(value) > Number.MAX_SAFE_INTEGER)
  );
