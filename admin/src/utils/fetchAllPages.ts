import type { useFetchClient } from '@strapi/strapi/admin';

import type { Paginated } from './api';

type Get = ReturnType<typeof useFetchClient>['get'];

// The largest page the plugin's list routes serve (server/src/utils/pagination.ts).
const PAGE_SIZE = 100;

/**
 * Every item of one of the plugin's paged list routes, page after page, where a screen needs the
 * whole list (a story's corrections). An item met twice, because the list grew between two pages,
 * is kept once.
 */
export const fetchAllPages = async <T extends { documentId: string }>(
  get: Get,
  path: string,
  /** The route's other parameters, e.g. `{ locale }`. */
  params: Record<string, unknown> = {}
): Promise<T[]> => {
  const items = new Map<string, T>();
  for (let page = 1; ; page += 1) {
    const { data } = await get<Paginated<T>>(path, {
      params: { ...params, pagination: { page, pageSize: PAGE_SIZE } },
    });
    for (const item of data.data) {
      items.set(item.documentId, items.get(item.documentId) ?? item);
    }
    if (page >= data.meta.pagination.pageCount) {
      return [...items.values()];
    }
  }
};
