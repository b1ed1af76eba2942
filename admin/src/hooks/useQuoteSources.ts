import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useRef, useState } from 'react';

import { ANONYMOUS_QUOTE_UID } from '../../../shared/contracts/uids';
import { describeError } from '../utils/api';

/** A source as the story form's picker may show it: its ids and alias, nothing of who it is. */
export type PickedSource = { id: number; documentId: string; alias: string };

type Page = {
  results: PickedSource[];
  pagination?: { page: number; pageCount: number };
};

// The Content Manager's relation routes, which the plugin answers for this field with aliases
// (server/src/route-guards/relation-routes.ts): the same routes Strapi's own picker calls.
const AVAILABLE = `/content-manager/relations/${ANONYMOUS_QUOTE_UID}/confidentialSource`;
const linkedPath = (quoteId: number) =>
  `/content-manager/relations/${ANONYMOUS_QUOTE_UID}/${quoteId}/confidentialSource`;

const PAGE_SIZE = 10;

type Failure = { status?: number; message: string };

/**
 * The source a saved quote links (re-read whenever `reloadKey` changes, e.g. after a save) and
 * the sources it may link, searched by alias and paged as the picker scrolls.
 */
export const useQuoteSources = ({
  quoteId,
  reloadKey,
  omit,
  include,
}: {
  /** The anonymous-quote component's row id; undefined for a quote not saved yet. */
  quoteId?: number;
  reloadKey: unknown;
  /** Row ids picked in the form, not offered again. */
  omit: number[];
  /** Row ids unlinked in the form, offered again. */
  include: number[];
}) => {
  const { get } = useFetchClient();
  const [linked, setLinked] = useState<PickedSource | null>(null);
  const [options, setOptions] = useState<PickedSource[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const search = useRef({ text: '', page: 1 });
  const latest = useRef(0);

  useEffect(() => {
    let current = true;
    if (quoteId === undefined) {
      setLinked(null);
      return;
    }
    get<Page>(linkedPath(quoteId))
      .then(({ data }) => current && setLinked(data.results[0] ?? null))
      .catch((error) => {
        const failure = describeError(error);
        if (current) {
          setLinked(null);
          // A quote row gone since the form loaded (a save re-creates rows) links nothing yet.
          setFailure(failure.status === 404 ? null : failure);
        }
      });
    return () => {
      current = false;
    };
  }, [get, quoteId, reloadKey]);

  const omitKey = omit.join(',');
  const includeKey = include.join(',');
  const load = useCallback(
    async (text: string, page: number) => {
      const request = ++latest.current;
      search.current = { text, page };
      setLoading(true);
      try {
        const { data } = await get<Page>(AVAILABLE, {
          params: {
            // The admin's fetch client does not encode parameters: an alias may hold `&` or `#`.
            ...(text ? { _q: encodeURIComponent(text) } : {}),
            page,
            pageSize: PAGE_SIZE,
            ...(quoteId !== undefined ? { id: String(quoteId) } : {}),
            ...(omitKey ? { idsToOmit: omitKey.split(',') } : {}),
            ...(includeKey ? { idsToInclude: includeKey.split(',') } : {}),
          },
        });
        // An answer for an older search must not replace a newer one.
        if (request === latest.current) {
          setOptions((now) => (page === 1 ? data.results : [...now, ...data.results]));
          setHasMore(Boolean(data.pagination && data.pagination.page < data.pagination.pageCount));
          setFailure(null);
        }
      } catch (error) {
        if (request === latest.current) {
          setOptions([]);
          setFailure(describeError(error));
        }
      } finally {
        if (request === latest.current) {
          setLoading(false);
        }
      }
    },
    [get, quoteId, omitKey, includeKey]
  );

  return {
    linked,
    options,
    hasMore,
    loading,
    failure,
    searchFor: (text: string) => load(text, 1),
    loadMore: () => load(search.current.text, search.current.page + 1),
  };
};
