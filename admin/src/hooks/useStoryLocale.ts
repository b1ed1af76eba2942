import { useQueryParams } from '@strapi/strapi/admin';

/**
 * The language version the Content Manager's edit view shows (`plugins[i18n][locale]` in its
 * address): the checklist, the approvals and the corrections beside it act on that version.
 * Undefined outside the edit view, where the server takes the app's default locale.
 */
export const useStoryLocale = (): string | undefined => {
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query?.plugins?.i18n?.locale;
  return typeof locale === 'string' && locale !== '' ? locale : undefined;
};

/** `?locale=` for a plugin route acting on that version, or nothing for the default one. */
export const localeParams = (locale: string | undefined) => (locale ? { locale } : undefined);
