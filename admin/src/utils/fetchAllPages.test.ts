import type { useFetchClient } from '@strapi/strapi/admin';

import type { Paginated } from './api';
import { fetchAllPages } from './fetchAllPages';

type Get = ReturnType<typeof useFetchClient>['get'];
type Item = { documentId: string };

/** A list route over `rows` that serves pages as the plugin's routes do. */
const pagedRoute = (rows: () => Item[]) => {
  const asked: Array<{ page: number; pageSize: number }> = [];
  const get = (async (_path: string, options?: { params?: Record<string, unknown> }) => {
    const { page, pageSize } = (options?.params?.pagination ?? {}) as {
      page: number;
      pageSize: number;
    };
    asked.push({ page, pageSize });
    const all = rows();
    const data: Paginated<Item> = {
      data: all.slice((page - 1) * pageSize, page * pageSize),
      meta: {
        pagination: {
          page,
          pageSize,
          pageCount: Math.ceil(all.length / pageSize),
          total: all.length,
        },
      },
    };
    return { data };
  }) as unknown as Get;
  return { get, asked };
};

const items = (count: number, from = 0) =>
  Array.from({ length: count }, (_, n) => ({ documentId: `c${from + n}` }));

describe('fetchAllPages', () => {
  it('reads every page, beyond the largest page size', async () => {
    const rows = items(250);
    const { get, asked } = pagedRoute(() => rows);
    expect(await fetchAllPages(get, '/corrections')).toEqual(rows);
    expect(asked).toEqual([1, 2, 3].map((page) => ({ page, pageSize: 100 })));
  });

  it('reads one page for an empty or short list', async () => {
    for (const count of [0, 3]) {
      const { get, asked } = pagedRoute(() => items(count));
      expect(await fetchAllPages(get, '/corrections')).toHaveLength(count);
      expect(asked).toHaveLength(1);
    }
  });

  it('keeps an item once when the list grows between two pages', async () => {
    // Newest first: a correction issued after page 1 pushes page 1's last item onto page 2.
    let rows = items(150, 1);
    const { get } = pagedRoute(() => {
      const current = rows;
      rows = [{ documentId: 'c0' }, ...items(150, 1)];
      return current;
    });
    const all = await fetchAllPages(get, '/corrections');
    expect(all.map(({ documentId }) => documentId)).toEqual(
      items(150, 1).map(({ documentId }) => documentId)
    );
  });
});
