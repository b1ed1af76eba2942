import { yup } from '@strapi/utils';

import { DESK_STATES } from '../../../shared/contracts/desk';
import { paginationSchema } from '../utils/pagination';

const unknownKeys = 'unsupported query parameter(s): ${unknown}';

/** The desk's story list: search by title, one publication state, pages. */
export const deskQuerySchema: yup.AnyObjectSchema = yup
  .object({
    q: yup.string().max(200, 'q must be at most ${max} characters'),
    state: yup.mixed().oneOf([...DESK_STATES], 'state must be one of: ${values}'),
    pagination: paginationSchema,
  })
  .noUnknown(true, unknownKeys);

/** The desk's lists of corrections: pages only. */
export const deskPageSchema: yup.AnyObjectSchema = yup
  .object({ pagination: paginationSchema })
  .noUnknown(true, unknownKeys);
