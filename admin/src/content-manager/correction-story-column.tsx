import { Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';

import { CORRECTION_UID, STORY_UID } from '../../../shared/contracts/uids';

/**
 * A correction holds its story by document id (`storyDocumentId`), which the Content Manager's
 * list would show as such. This list-view hook shows the story's title in that column instead,
 * read for all the page's rows in one request by the Content Manager's own route (so the user's
 * read permission on stories applies; without it, the id stays).
 */

type Fetch = ReturnType<typeof useFetchClient>['get'];

// One request per page of rows: the cells rendered in the same tick ask together.
type Waiting = { title: Promise<string | null>; resolve: (title: string | null) => void };
let pending: Map<string, Waiting> | null = null;

const flush = async (get: Fetch, batch: Map<string, Waiting>) => {
  const ids = [...batch.keys()];
  let found = new Map<string, string | null>();
  try {
    const { data } = await get<{ results: { documentId: string; title?: string }[] }>(
      `/content-manager/collection-types/${STORY_UID}`,
      { params: { page: 1, pageSize: ids.length, filters: { documentId: { $in: ids } } } }
    );
    found = new Map(data.results.map((story) => [story.documentId, story.title ?? null]));
  } finally {
    batch.forEach(({ resolve }, id) => resolve(found.get(id) ?? null));
  }
};

const titleOf = (get: Fetch, id: string) => {
  if (!pending) {
    const batch = new Map<string, Waiting>();
    pending = batch;
    queueMicrotask(() => {
      pending = null;
      flush(get, batch).catch(() => undefined);
    });
  }
  const waiting = pending.get(id);
  if (waiting) {
    return waiting.title;
  }
  let resolve: (title: string | null) => void = () => undefined;
  const title = new Promise<string | null>((done) => {
    resolve = done;
  });
  pending.set(id, { title, resolve });
  return title;
};

const StoryTitle = ({ documentId }: { documentId: string }) => {
  const { get } = useFetchClient();
  const [title, setTitle] = React.useState<string | null>(null);
  React.useEffect(() => {
    let current = true;
    titleOf(get, documentId).then((found) => current && setTitle(found));
    return () => {
      current = false;
    };
  }, [get, documentId]);
  return (
    <Typography textColor="neutral800" ellipsis>
      {title ?? documentId}
    </Typography>
  );
};

type Header = { name: string; cellFormatter?: unknown } & Record<string, unknown>;
type Row = Record<string, unknown>;

export const showStoryTitles = <TArgs extends { displayedHeaders: Header[] }>(
  args: TArgs
): TArgs => ({
  ...args,
  displayedHeaders: args.displayedHeaders.map((header) =>
    header.name !== 'storyDocumentId' || header.cellFormatter
      ? header
      : {
          ...header,
          // The hook does not say which type the list is of; the cell does.
          cellFormatter: (row: Row, _header: unknown, { model }: { model: string }) => {
            const id = typeof row.storyDocumentId === 'string' ? row.storyDocumentId : '';
            return model === CORRECTION_UID && id ? (
              <StoryTitle documentId={id} />
            ) : (
              <Typography textColor="neutral800">{id || '-'}</Typography>
            );
          },
        }
  ),
});
