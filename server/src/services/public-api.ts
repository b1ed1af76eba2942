import type { Core, Modules, UID } from '@strapi/strapi';
import { pagination, validateYupSchema, yup } from '@strapi/utils';
import type { Context } from 'koa';

/**
 * The Content API trio (validate query, sanitize query, sanitize output) for every public route
 * of the plugin, so each controller gets the same protection as Strapi's core controllers.
 */

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 25;

// Strapi's own validators reject private fields in filters/sort/fields/populate; this schema covers
// what the plugin adds on top: the public surface never serves drafts, and pagination is bounded.
const publicParamsSchema = yup.object({
  status: yup
    .mixed()
    .oneOf(['published'], 'status: public routes serve published content only; omit status'),
  pagination: yup
    .object({
      page: yup.number().integer('pagination.page must be a whole number').min(1),
      pageSize: yup.number().integer('pagination.pageSize must be a whole number').min(1),
      start: yup.number().integer('pagination.start must be a whole number').min(0),
      limit: yup.number().integer('pagination.limit must be a whole number').min(1),
    })
    .noUnknown(true, 'pagination accepts page, pageSize, start and limit only'),
});

type PaginationParams = { start: number; limit: number };

type SanitizedQuery<TUID extends UID.ContentType> = Pick<
  Modules.Documents.ServiceParams<TUID>['findMany'],
  'filters' | 'sort' | 'fields' | 'populate'
>;

export type PublicQuery<TUID extends UID.ContentType> = SanitizedQuery<TUID> & {
  pagination: PaginationParams;
  isPaged: boolean;
};

const getOptions = (ctx: Context) => ({
  auth: ctx.state.auth ?? {},
  route: ctx.state.route,
  // Unknown top-level keys (`where`, `lookup`, table aliases...) are refused rather than ignored:
  // each of Strapi's private-field advisories used a spelling that a lenient parser let through.
  strictParams: true,
});

const toPagination = (raw: Record<string, number> = {}): PaginationParams & { isPaged: boolean } => {
  const { start, limit } = pagination.withDefaultPagination(raw, {
    defaults: { page: { pageSize: DEFAULT_PAGE_SIZE }, offset: { limit: DEFAULT_PAGE_SIZE } },
    maxLimit: MAX_PAGE_SIZE,
  });
  const isOffset = raw.start !== undefined || raw.limit !== undefined;
  return { start, limit, isPaged: !isOffset };
};

const publicApi = ({ strapi }: { strapi: Core.Strapi }) => ({
  async parseQuery<TUID extends UID.ContentType>(
    ctx: Context,
    uid: TUID
  ): Promise<PublicQuery<TUID>> {
    const schema = strapi.getModel(uid);
    const options = getOptions(ctx);

    await strapi.contentAPI.validate.query(ctx.query, schema, options);
    const params = (await validateYupSchema(publicParamsSchema, { strict: false })(ctx.query)) as {
      pagination?: Record<string, number>;
    };

    const { filters, sort, fields, populate } = (await strapi.contentAPI.sanitize.query(
      ctx.query,
      schema,
      options
    )) as SanitizedQuery<TUID>;

    const { isPaged, ...paginationParams } = toPagination(params.pagination);
    return { filters, sort, fields, populate, pagination: paginationParams, isPaged };
  },

  paginationMeta(
    { pagination: params, isPaged }: Pick<PublicQuery<UID.ContentType>, 'pagination' | 'isPaged'>,
    total: number
  ) {
    return isPaged
      ? pagination.transformPagedPaginationInfo(params, total)
      : pagination.transformOffsetPaginationInfo(params, total);
  },

  async sanitizeOutput<T>(data: T, uid: UID.ContentType, ctx: Context): Promise<T> {
    return strapi.contentAPI.sanitize.output(data, strapi.getModel(uid), {
      auth: ctx.state.auth,
    }) as Promise<T>;
  },
});

export default publicApi;
