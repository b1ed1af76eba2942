import type { Core, Modules, UID } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import type { Context } from 'koa';

import {
  paginationMeta,
  paginationSchema,
  toPagination,
  type PaginationParams,
} from '../utils/pagination';
import { getService } from '../utils/get-service';
import type { PublicShape } from '../utils/public-fields';

/**
 * The Content API trio (validate query, sanitize query, sanitize output) for every public route
 * of the plugin, and the published-only reads behind them, so that each route gets the same
 * protection as Strapi's core controllers and no route can forget `status: 'published'`.
 */

// Strapi's own validators reject private fields in filters/sort/fields; this schema covers what
// the plugin adds on top: the public surface never serves drafts, and pagination is bounded.
const publicParamsSchema = yup
  .object({
    // Checked by Strapi's validators in parseQuery; listed so that noUnknown lets them through.
    filters: yup.mixed(),
    sort: yup.mixed(),
    fields: yup.mixed(),
    populate: yup
      .mixed()
      .test(
        'no-populate',
        'populate is not accepted: responses always include their full public shape',
        (value) => value === undefined
      ),
    status: yup
      .mixed()
      .oneOf(['published'], 'status: public routes serve published content only; omit status'),
    pagination: paginationSchema,
    // Checked against the app's locales in parseQuery, and only where the type is localized.
    locale: yup.string(),
  })
  // Stricter than Strapi's strictParams, which still admits `_q`, `locale`, `publicationFilter`…:
  // a parameter this route would not honour is refused rather than silently ignored.
  .noUnknown(true, 'unsupported query parameter(s): ${unknown}');

type SanitizedQuery<TUID extends UID.ContentType> = Pick<
  Modules.Documents.ServiceParams<TUID>['findMany'],
  'filters' | 'sort'
> & { fields?: string[] };

export type PublicQuery<TUID extends UID.ContentType> = SanitizedQuery<TUID> & {
  pagination: PaginationParams;
  isPaged: boolean;
  /** The locale read, for a localized type: the query's, or the app's default. */
  locale?: string;
};

const getOptions = (ctx: Context) => ({
  auth: ctx.state.auth ?? {},
  route: ctx.state.route,
  // Strapi's own check for unknown top-level keys (`where`, `lookup`, table aliases…): each of its
  // private-field advisories used a spelling that a lenient parser let through.
  strictParams: true,
});

const assertPublicFields = (fields: string[] | string | undefined, shape: PublicShape) => {
  // Strapi's sanitizer hands `fields=*` back as the string '*', not a list.
  const requested = typeof fields === 'string' ? [fields] : (fields ?? []);
  const unknown = requested.filter((field) => !shape.fields.includes(field));
  if (unknown.length > 0) {
    throw new errors.ValidationError(
      `fields: ${unknown.join(', ')} not served here; choose from ${shape.fields.join(', ')}`,
      { key: 'fields', source: 'query', param: 'fields' }
    );
  }
};

const publicApi = ({ strapi }: { strapi: Core.Strapi }) => ({
  async parseQuery<TUID extends UID.ContentType>(
    ctx: Context,
    uid: TUID,
    shape: PublicShape
  ): Promise<PublicQuery<TUID>> {
    const schema = strapi.getModel(uid);
    const options = getOptions(ctx);

    await strapi.contentAPI.validate.query(ctx.query, schema, options);
    const params = (await validateYupSchema(publicParamsSchema)(ctx.query)) as {
      pagination?: Record<string, string>;
      locale?: string;
    };
    if (params.locale !== undefined && !shape.localized) {
      throw new errors.ValidationError(
        'locale: this route serves one version per document in every language; omit locale',
        { key: 'locale', source: 'query', param: 'locale' }
      );
    }
    const locale = shape.localized
      ? await getService('locales', { strapi }).resolve(params.locale)
      : undefined;

    const { filters, sort, fields } = (await strapi.contentAPI.sanitize.query(
      ctx.query,
      schema,
      options
    )) as SanitizedQuery<TUID>;
    assertPublicFields(fields, shape);

    const { isPaged, ...paginationParams } = toPagination(params.pagination);
    return { filters, sort, fields, pagination: paginationParams, isPaged, locale };
  },

  /** A page of published documents in their public shape, and the total for pagination. */
  async findPublishedPage<TUID extends UID.ContentType>(
    uid: TUID,
    query: PublicQuery<TUID>,
    shape: PublicShape
  ) {
    const { filters, sort, fields, pagination: page, locale } = query;
    const documents = strapi.documents(uid);
    const [results, total] = await Promise.all([
      documents.findMany({
        filters,
        sort: sort ?? shape.defaultSort,
        fields: fields ?? shape.fields,
        populate: shape.populate,
        ...page,
        ...(locale ? { locale } : {}),
        status: 'published',
      } as Modules.Documents.ServiceParams<TUID>['findMany']),
      documents.count({
        filters,
        ...(locale ? { locale } : {}),
        status: 'published',
      } as Modules.Documents.ServiceParams<TUID>['count']),
    ]);
    return { results, total };
  },

  /** The first published document matching `filters`, in its public shape. */
  async findPublishedOne<TUID extends UID.ContentType>(
    uid: TUID,
    filters: Modules.Documents.ServiceParams<TUID>['findFirst']['filters'],
    query: Pick<PublicQuery<TUID>, 'fields' | 'locale'>,
    shape: PublicShape
  ) {
    return strapi.documents(uid).findFirst({
      filters,
      ...(query.locale ? { locale: query.locale } : {}),
      fields: query.fields ?? shape.fields,
      populate: shape.populate,
      status: 'published',
    } as Modules.Documents.ServiceParams<TUID>['findFirst']);
  },

  paginationMeta,

  async sanitizeOutput<T>(data: T, uid: UID.ContentType, ctx: Context): Promise<T> {
    return strapi.contentAPI.sanitize.output(data, strapi.getModel(uid), {
      auth: ctx.state.auth,
    }) as Promise<T>;
  },
});

export default publicApi;
