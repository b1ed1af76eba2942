import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import type { Context } from 'koa';

import { getService } from '../utils/get-service';

const MAX_QUERY_LENGTH = 200;

const searchQuery = yup
  .object({
    q: yup
      .string()
      .trim()
      .required('q: enter the words to search for')
      .max(MAX_QUERY_LENGTH, `q must be at most \${max} characters`),
    limit: yup
      .number()
      .integer('limit must be a whole number')
      .min(1, 'limit must be at least ${min}')
      .max(100, 'limit must be at most ${max}')
      .default(20),
  })
  .noUnknown(true, 'unknown query parameter(s): ${unknown}');

/** Admin routes on the text the server read from a source document's PDF. */
const sourceDocumentText = ({ strapi }: { strapi: Core.Strapi }) => {
  const texts = () => getService('document-text', { strapi });

  return {
    async status(ctx: Context) {
      ctx.body = { data: await texts().status(ctx.params.documentId) };
    },

    async search(ctx: Context) {
      const { q, limit } = await validateYupSchema(searchQuery, { strict: false })(ctx.query);
      ctx.body = {
        data: await texts().search(ctx.params.documentId, q, limit),
        meta: { query: q },
      };
    },
  };
};

export default sourceDocumentText;
