import type { Core } from '@strapi/strapi';

import type { PublisherSettings } from '../../../shared/contracts/settings';
import { getService } from '../utils/get-service';
import { PLUGIN_ID } from '../utils/plugin-id';
import { SURROGATE_KEYS } from '../utils/surrogate-keys';
import { settingsSchema } from '../validation/settings';
import { validateInLanguage } from '../validation/localized-errors';
import { editorLanguage } from '../utils/editor-language';

export type { PublisherSettings };

export const EMPTY_SETTINGS: PublisherSettings = {
  publisherName: null,
  publisherUrl: null,
  publisherLogoUrl: null,
  correctionsPolicyUrl: null,
  unnamedSourcesPolicyUrl: null,
  storyUrlTemplate: null,
};

/**
 * Publisher settings in Strapi's plugin store (the database, so every instance behind a load
 * balancer reads the same values; nothing is cached in the process).
 */
const settings = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'settings' });

  return {
    async get(): Promise<PublisherSettings> {
      const stored = (await store().get({})) as Partial<PublisherSettings> | null;
      return { ...EMPTY_SETTINGS, ...stored };
    },

    /**
     * Validates and replaces the settings whole; a refused input writes nothing. A change purges
     * the JSON-LD and the feeds, which show them.
     */
    async set(input: unknown): Promise<PublisherSettings> {
      const valid = (await validateInLanguage(
        settingsSchema,
        input ?? {},
        editorLanguage(strapi)
      )) as Partial<Record<keyof PublisherSettings, string | null | undefined>>;
      const value = Object.fromEntries(
        (Object.keys(EMPTY_SETTINGS) as Array<keyof PublisherSettings>).map((key) => [
          key,
          valid[key] || null,
        ])
      ) as PublisherSettings;
      const before = await this.get();
      await store().set({ value });
      if (JSON.stringify(before) !== JSON.stringify(value)) {
        await getService('cache-purge', { strapi }).afterCommit([SURROGATE_KEYS.settings]);
      }
      return value;
    },
  };
};

export default settings;
