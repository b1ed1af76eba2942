import type { Core, Modules, UID } from '@strapi/strapi';
import { pagination, validateYupSchema, yup } from '@strapi/utils';
import type { Context } from 'koa';

/**
 * The Content API trio (validate query, sanitize query, sanitize output) for every public route
 * of the plugin, so each controller gets the same protection as Strapi's core controllers.
 */

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 25;

// Query values arrive as strings; the schema runs in strict mode so that noUnknown refuses extra
// keys (outside strict mode yup would strip them silently).
const wholeNumber = (path: string, min: 0 | 1) =>
  yup
    .string()
    .matches(
      min === 0 ? /^\d+$/ : /^[1-9]\d*$/,
      `${path} must be a whole number of at least ${min}`
    );

// Strapi's own validators reject private fields in filters/sort/fields/populate; this schema covers
// what the plugin adds on top: the public surface never serves drafts, and pagination is bounded.
const publicParamsSchema = yup
  .object({
    // Checked by Strapi's validators in parseQuery; listed so that noUnknown lets them through.
    filters: yup.mixed(),
    sort: yup.mixed(),
    fields: yup.mixed(),
    populate: yup.mixed(),
    status: yup
      .mixed()
      .oneOf(['published'], 'status: public routes serve published content only; omit status'),
    pagination: yup
      .object({
        page: wholeNumber('pagination.page', 1),
        pageSize: wholeNumber('pagination.pageSize', 1),
        start: wholeNumber('pagination.start', 0),
        limit: wholeNumber('pagination.limit', 1),
      })
      .noUnknown(true, 'pagination accepts page, pageSize, start and limit only'),
  })
  // Stricter than Strapi's strictParams, which still admits `_q`, `locale`, `publicationFilter`…:
  // a parameter this route would not honour is refused rather than silently ignored.
  .noUnknown(true, 'unsupported query parameter(s): ${unknown}');

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

const toPagination = (
  raw: Record<string, string> = {}
): PaginationParams & { isPaged: boolean } => {
  const numbers = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, Number(value)])
  );
  const { start, limit } = pagination.withDefaultPagination(numbers, {
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
    const params = (await validateYupSchema(publicParamsSchema)(ctx.query)) as {
      pagination?: Record<string, string>;
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
