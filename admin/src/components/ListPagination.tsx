import { Pagination, useQueryParams } from '@strapi/strapi/admin';

import type { Paginated } from '../utils/api';

/**
 * The page size a list opens with, Strapi's own (its Pagination defaults to 10): the rows fetched
 * and the picker under them must agree, or page 2 repeats part of page 1.
 */
export const DEFAULT_PAGE_SIZE = 10;

/** The page and page size the URL asks for, with the same defaults as the picker. */
export const usePageParams = () => {
  const [{ query }] = useQueryParams<{ page?: string; pageSize?: string }>();
  return { page: query.page ?? '1', pageSize: query.pageSize ?? String(DEFAULT_PAGE_SIZE) };
};

/** Strapi's own page-size picker and page links, which keep `page` and `pageSize` in the URL. */
export const ListPagination = ({ meta }: { meta: Paginated<unknown>['meta'] }) => (
  <Pagination.Root
    defaultPageSize={DEFAULT_PAGE_SIZE}
    pageCount={meta.pagination.pageCount}
    total={meta.pagination.total}
  >
    <Pagination.PageSize />
    <Pagination.Links />
  </Pagination.Root>
);
