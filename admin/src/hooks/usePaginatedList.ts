import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';

import { describeError, type Paginated } from '../utils/api';

/**
 * One page of a plugin list route, fetched again whenever the path or the params change, and on
 * `reload`; a request overtaken by a newer one is aborted, so a slow answer never replaces a newer
 * one.
 */
export const usePaginatedList = <T>(path: string, params: Record<string, unknown>) => {
  const { get } = useFetchClient();
  const [result, setResult] = useState<Paginated<T> | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Compared by value: callers build the params object afresh on every render.
  const key = JSON.stringify(params);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((current) => current + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    get<Paginated<T>>(path, { params: JSON.parse(key), signal: controller.signal })
      .then(({ data }) => {
        setResult(data);
        setError(null);
      })
      .catch((caught) => {
        if (!controller.signal.aborted) {
          setError(describeError(caught).message);
        }
      });
    return () => controller.abort();
  }, [get, path, key, version]);

  return { result, error, reload };
};
