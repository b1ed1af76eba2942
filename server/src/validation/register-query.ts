import { yup } from '@strapi/utils';

/**
 * `GET /confidential-sources`: `q`, searched in the alias only (see the service's `list`). The
 * register answers every source at once, so it takes no pagination.
 */
export const registerQuerySchema: yup.AnyObjectSchema = yup
  .object({
    q: yup.string().max(120, 'q must be at most ${max} characters (an alias is at most 120)'),
  })
  .noUnknown(true, 'unsupported query parameter(s): ${unknown}');
