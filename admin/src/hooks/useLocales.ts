import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

type Locale = { code: string; name: string; isDefault: boolean };

/**
 * The app's locales (Settings → Internationalization), from the i18n plugin's own admin route: the
 * desk lists one language version of the stories at a time. Empty until loaded, or if it fails.
 */
export const useLocales = (): Locale[] => {
  const { get } = useFetchClient();
  const [locales, setLocales] = useState<Locale[]>([]);
  useEffect(() => {
    let current = true;
    get<Locale[]>('/i18n/locales')
      .then(({ data }) => current && setLocales(Array.isArray(data) ? data : []))
      .catch(() => current && setLocales([]));
    return () => {
      current = false;
    };
  }, [get]);
  return locales;
};
