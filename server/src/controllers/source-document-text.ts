import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import type { Context } from 'koa';

import type { GetDocumentText, SearchDocumentText } from '../../../shared/contracts/library';
import { getService } from '../utils/get-service';

const MAX_QUERY_LENGTH = 200;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

// Query strings arrive as strings; validated strictly so an unknown parameter is refused, not
// silently dropped as a cast would.
const searchQuery = yup
  .object({
    q: yup
      .string()
      .required('q: enter the words to search for')
      .test(
        'not-blank',
        'q: enter the words to search for',
        (value) => value === undefined || value.trim().length > 0
      )
      .test(
        'max-length',
        `q must be at most ${MAX_QUERY_LENGTH} characters`,
        (value) => (value ?? '').trim().length <= MAX_QUERY_LENGTH
      ),
    limit: yup
      .string()
      .matches(/^\d+$/, 'limit must be a whole number')
      .test(
        'range',
        `limit must be between 1 and ${MAX_LIMIT}`,
        (value) =>
          value === undefined ||
          !/^\d+$/.test(value) ||
          (Number(value) >= 1 && Number(value) <= MAX_LIMIT)
      ),
  })
  .noUnknown(true, 'unknown query parameter(s): ${unknown}');

/** Admin routes on the text the server read from a source document's PDF. */
const sourceDocumentText = ({ strapi }: { strapi: Core.Strapi }) => {
  const texts = () => getService('document-text', { strapi });

  return {
    async status(ctx: Context) {
      ctx.body = {
        data: await texts().status(ctx.params.documentId),
      } satisfies GetDocumentText.Response;
    },

    async search(ctx: Context) {
      const { q, limit } = await validateYupSchema(searchQuery)(ctx.query);
      const query = q.trim();
      ctx.body = {
        data: await texts().search(
          ctx.params.documentId,
          query,
          limit ? Number(limit) : DEFAULT_LIMIT
        ),
        meta: { query },
      } satisfies SearchDocumentText.Response;
    },
  };
};

export default sourceDocumentText;
