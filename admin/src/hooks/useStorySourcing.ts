import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';

import type { GetReadiness } from '../../../shared/contracts/stories';
import { describeError, type DeskCorrection, type Readiness } from '../utils/api';
import { fetchAllPages } from '../utils/fetchAllPages';

/** A story's readiness (with the revision it is for) and its corrections, reloaded on demand. */
export const useStorySourcing = (
  documentId: string | undefined,
  { canRead }: { canRead: boolean },
  version?: string
) => {
  const { get } = useFetchClient();
  const [readiness, setReadiness] = useState<Readiness | null>(null);
  const [corrections, setCorrections] = useState<DeskCorrection[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const reload = useCallback(async () => {
    if (!documentId || !canRead) {
      return;
    }
    setLoading(true);
    try {
      const [ready, list] = await Promise.all([
        get<GetReadiness.Response>(`/intelligence-stories/stories/${documentId}/readiness`),
        // All of them: the timeline is the whole public record, and any may be superseded.
        fetchAllPages<DeskCorrection>(
          get,
          `/intelligence-stories/stories/${documentId}/corrections`
        ),
      ]);
      setReadiness(ready.data.data);
      setCorrections(list);
      setError(null);
    } catch (caught) {
      setError(describeError(caught).message);
    } finally {
      setLoading(false);
    }
  }, [documentId, canRead, get]);

  // Live for the current draft: reloaded whenever the edit view saves a new version.
  useEffect(() => {
    void reload();
  }, [reload, version]);

  return { readiness, corrections, error, loading, reload, setReadiness };
};
