import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';

import type {
  CarryOverCorrection,
  GetCarryOverCorrections,
} from '../../../shared/contracts/corrections';
import type { GetReadiness } from '../../../shared/contracts/stories';
import { describeError, type DeskCorrection, type Readiness } from '../utils/api';
import { fetchAllPages } from '../utils/fetchAllPages';
import { localeParams, useStoryLocale } from './useStoryLocale';

/** A story's readiness (with the revision it is for) and its corrections, reloaded on demand. */
export const useStorySourcing = (
  documentId: string | undefined,
  { canRead }: { canRead: boolean },
  version?: string
) => {
  const { get } = useFetchClient();
  const locale = useStoryLocale();
  const [readiness, setReadiness] = useState<Readiness | null>(null);
  const [corrections, setCorrections] = useState<DeskCorrection[]>([]);
  const [carryOver, setCarryOver] = useState<CarryOverCorrection[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const reload = useCallback(async () => {
    if (!documentId || !canRead) {
      return;
    }
    setLoading(true);
    try {
      const [ready, list, offered] = await Promise.all([
        get<GetReadiness.Response>(`/intelligence-stories/stories/${documentId}/readiness`, {
          params: localeParams(locale),
        }),
        // All of them: the timeline is the whole public record, and any may be superseded. The
        // edit view's language version only: corrections are per locale.
        fetchAllPages<DeskCorrection>(
          get,
          `/intelligence-stories/stories/${documentId}/corrections`,
          localeParams(locale)
        ),
        // Factual corrections of the other language versions, offered to this one's editors.
        get<GetCarryOverCorrections.Response>(
          `/intelligence-stories/stories/${documentId}/corrections/carry-over`,
          { params: localeParams(locale) }
        ),
      ]);
      setReadiness(ready.data.data);
      setCorrections(list);
      setCarryOver(offered.data.data);
      setError(null);
    } catch (caught) {
      setError(describeError(caught).message);
    } finally {
      setLoading(false);
    }
  }, [documentId, canRead, get, locale]);

  // Live for the current draft: reloaded whenever the edit view saves a new version.
  useEffect(() => {
    void reload();
  }, [reload, version]);

  return { readiness, corrections, carryOver, error, loading, reload, setReadiness };
};
