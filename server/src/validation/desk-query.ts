import { yup } from '@strapi/utils';

import { DESK_STATES } from '../../../shared/contracts/desk';
import { paginationSchema } from '../utils/pagination';

const unknownKeys = 'unsupported query parameter(s): ${unknown}';

/** The desk's story list: search by title, one publication state, pages. */
export const deskQuerySchema: yup.AnyObjectSchema = yup
  .object({
    q: yup.string().max(200, 'q must be at most ${max} characters'),
    state: yup.mixed().oneOf([...DESK_STATES], 'state must be one of: ${values}'),
    // One language version of the stories; checked against the app's locales by the route.
    locale: yup.string().max(16, 'locale must be at most ${max} characters'),
    pagination: paginationSchema,
  })
  .noUnknown(true, unknownKeys);

/** The desk's lists of corrections: pages only. */
export const deskPageSchema: yup.AnyObjectSchema = yup
  .object({ pagination: paginationSchema })
  .noUnknown(true, unknownKeys);

/** One quote of the queue: the story's documentId and the quote's position in its draft. */
export const queueItemParamsSchema: yup.AnyObjectSchema = yup.object({
  documentId: yup
    .string()
    .required('documentId is required: the story whose quote you review')
    .max(64, 'documentId must be a story documentId'),
  quoteIndex: yup
    .string()
    .required('quoteIndex is required')
    .matches(/^\d{1,4}$/, 'quoteIndex must be the position of the quote in the story, from 0'),
});

/** The queue's count takes no parameter. */
export const noQuerySchema: yup.AnyObjectSchema = yup.object({}).noUnknown(true, unknownKeys);
