import type { Context } from 'koa';

/** What @strapi/plugin-graphql hands every resolver: the Koa request of `POST /graphql`. */
export type GraphqlContext = { state: Context['state']; koaContext: Context };

export type PaginationArg = { page?: number | null; pageSize?: number | null };

/**
 * The public services take a request as the REST routes hand it over: the caller in `state.auth`
 * (Strapi's output sanitizer and query validators decide by it), the origin for absolute links,
 * and the query as REST spells it, which the same validators and yup schemas then check. A
 * GraphQL query's arguments become that query on a context that is otherwise the GraphQL
 * request's own; nothing is written to it, so the GraphQL response's headers stay untouched.
 */
export const asRestRequest = (context: GraphqlContext, query: Record<string, unknown>): Context =>
  Object.create(context.koaContext, {
    query: { value: query, enumerable: true },
    params: { value: {}, enumerable: true },
  }) as Context;

/** Query values arrive as strings in REST: GraphQL's Int arguments are spelled the same way. */
export const restPagination = (pagination?: PaginationArg | null) => {
  const given = Object.entries(pagination ?? {}).filter(
    ([, value]) => value !== null && value !== undefined
  );
  return given.length > 0
    ? { pagination: Object.fromEntries(given.map(([key, value]) => [key, String(value)])) }
    : {};
};

/** `?locale=` when the query names one; none lets the service pick the app's default locale. */
export const restLocale = (locale?: string | null) =>
  locale === null || locale === undefined ? {} : { locale };
