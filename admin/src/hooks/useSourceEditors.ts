import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

import type { GetEditors } from '../../../shared/contracts/sources';
import type { Editor } from '../utils/api';

/** The admin users a source can be known to, for those who may edit the register. */
export const useSourceEditors = (enabled: boolean) => {
  const { get } = useFetchClient();
  const [editors, setEditors] = useState<Editor[]>([]);

  useEffect(() => {
    if (!enabled) {
      return;
    }
    const controller = new AbortController();
    get<GetEditors.Response>('/intelligence-stories/confidential-sources/editors', {
      signal: controller.signal,
    })
      .then(({ data }) => setEditors(data.data))
      .catch(() => setEditors([]));
    return () => controller.abort();
  }, [get, enabled]);

  return editors;
};
