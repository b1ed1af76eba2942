import { pagination, yup } from '@strapi/utils';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

export type PaginationParams = { start: number; limit: number };

// Query values arrive as strings; schemas using this run in strict mode so that noUnknown refuses
// extra keys (outside strict mode yup would strip them silently).
const wholeNumber = (path: string, min: 0 | 1) =>
  yup
    .string()
    .matches(
      min === 0 ? /^\d+$/ : /^[1-9]\d*$/,
      `${path} must be a whole number of at least ${min}`
    );

/**
 * The first row a page starts at. Past 2^53 it is no longer an exact number, and the database
 * driver reads a JavaScript number like 1e21 as 1 (parseInt of its string form): a page far
 * beyond the end would come back as the first rows.
 */
export const firstRow = ({ page, pageSize, start }: Record<string, string | undefined>) =>
  start !== undefined
    ? Number(start)
    : (Number(page ?? 1) - 1) * Math.min(Number(pageSize ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);

/** `pagination[page|pageSize|start|limit]` as Strapi's REST API spells it. */
export const paginationSchema: yup.AnyObjectSchema = yup
  .object({
    page: wholeNumber('pagination.page', 1),
    pageSize: wholeNumber('pagination.pageSize', 1),
    start: wholeNumber('pagination.start', 0),
    limit: wholeNumber('pagination.limit', 1),
  })
  .noUnknown(true, 'pagination accepts page, pageSize, start and limit only')
  .test(
    'first-row',
    `pagination: a page must start before row ${Number.MAX_SAFE_INTEGER}`,
    // A value that is not a number at all is named by its own field's test.
    (value) => !value || !(firstRow(value) > Number.MAX_SAFE_INTEGER)
  );

/** Offset and limit for the database, with the page size capped at MAX_PAGE_SIZE. */
export const toPagination = (
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

/** The `meta.pagination` of a list response, in the form the client asked for. */
export const paginationMeta = (
  { pagination: params, isPaged }: { pagination: PaginationParams; isPaged: boolean },
  total: number
) =>
  isPaged
    ? pagination.transformPagedPaginationInfo(params, total)
    : pagination.transformOffsetPaginationInfo(params, total);
