import { Pagination } from '@strapi/strapi/admin';

import type { Paginated } from '../utils/api';

/** Strapi's own page-size picker and page links, which keep `page` and `pageSize` in the URL. */
export const ListPagination = ({ meta }: { meta: Paginated<unknown>['meta'] }) => (
  <Pagination.Root pageCount={meta.pagination.pageCount} total={meta.pagination.total}>
    <Pagination.PageSize />
    <Pagination.Links />
  </Pagination.Root>
);
