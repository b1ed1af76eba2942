/**
 * The `pagination` of the plugin's list routes, as Strapi's REST API spells it: asked for by page
 * or by offset, and answered in the form it was asked for.
 */

/** `pagination[page|pageSize|start|limit]`: query values arrive as strings. */
export type PaginationQuery = {
  page?: string;
  pageSize?: string;
  start?: string;
  limit?: string;
};

/** `meta.pagination` of a list asked for by page (the admin panel always asks so). */
export type PagePagination = { page: number; pageSize: number; pageCount: number; total: number };

/** `meta.pagination` of a list asked for by offset (`start`, `limit`). */
export type OffsetPagination = { start: number; limit: number; total: number };

/** One page of a list route. */
export type Paginated<T, P = PagePagination | OffsetPagination> = {
  data: T[];
  meta: { pagination: P };
};
