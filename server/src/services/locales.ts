import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * The app's locales (Strapi's i18n plugin) as the plugin reads them: stories exist per locale, and
 * every public read names one (the app's default when it names none). The list and the default are
 * kept for a few seconds: the public routes ask on every request, and both change only when an
 * administrator edits Settings → Internationalization. A locale missing from the kept list is
 * looked up again before it is refused, so a locale just added is served at once.
 */
const KEEP_MS = 30_000;

type Known = { codes: string[]; defaultLocale: string; readAt: number };

const locales = ({ strapi }: { strapi: Core.Strapi }) => {
  let known: Known | null = null;

  const read = async (): Promise<Known> => {
    const i18n = strapi.plugin('i18n').service('locales');
    const [found, defaultLocale] = await Promise.all([i18n.find(), i18n.getDefaultLocale()]);
    const read: Known = {
      codes: (found as Array<{ code: string }>).map(({ code }) => code).sort(),
      defaultLocale: (defaultLocale as string | null) ?? 'en',
      readAt: Date.now(),
    };
    // Read before i18n made its default locale (a migration at the first boot): not kept.
    known = defaultLocale && read.codes.length > 0 ? read : null;
    return read;
  };

  const current = async () => (known && Date.now() - known.readAt < KEEP_MS ? known : await read());

  return {
    async defaultLocale(): Promise<string> {
      return (await current()).defaultLocale;
    },

    async codes(): Promise<string[]> {
      return (await current()).codes;
    },

    /**
     * The locale a request names, checked against the app's, or the default one when it names
     * none. `param` names the parameter in the refusal (a query's `locale`, a body's field).
     */
    async resolve(locale: unknown, param = 'locale'): Promise<string> {
      if (locale === undefined || locale === null || locale === '') {
        return this.defaultLocale();
      }
      let { codes } = await current();
      if (typeof locale === 'string' && !codes.includes(locale)) {
        ({ codes } = await read());
      }
      if (typeof locale !== 'string' || !codes.includes(locale)) {
        throw new errors.ValidationError(
          `${param}: this site has no locale ${JSON.stringify(locale)}; choose from ${codes.join(', ')}`,
          { key: param, param, source: 'query' }
        );
      }
      return locale;
    },
  };
};

export default locales;
