import type { StrapiApp } from '@strapi/strapi/admin';

import { ChecklistPanel } from './components/ChecklistPanel';
import { PluginIcon } from './components/PluginIcon';
import { withApprovalCount } from './components/approval-queue/withApprovalCount';
import {
  contentManagerTranslations,
  registerContentManagerHooks,
  registerCustomFieldInputs,
} from './content-manager';
import { PERMISSIONS } from './permissions';
import { registerSourceField } from './source-field';
import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';
import { prefixPluginTranslations } from './utils/prefixPluginTranslations';
import { sharedTranslations } from './utils/shared-translations';

type ContentManagerApis = { addEditViewSidePanel?: (panels: unknown[]) => void };

const plugin: StrapiApp['appPlugins'][string] = {
  register(app) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      // The icon carries the count of quotes awaiting the standards editor (withApprovalCount).
      icon: withApprovalCount(PluginIcon),
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Intelligence stories' },
      permissions: PERMISSIONS.main,
      Component: () => import('./pages/App'),
    });

    app.addSettingsLink('global', {
      id: PLUGIN_ID,
      to: PLUGIN_ID,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Intelligence stories' },
      permissions: PERMISSIONS.readSettings,
      Component: () => import('./pages/SettingsPage'),
    });

    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    // The quote's confidential source: picked and shown by alias, opening the register's page.
    registerSourceField(app);
    // The attestation checkbox and the slug that follows the title (shared/contracts/custom-fields).
    registerCustomFieldInputs(app);
  },

  bootstrap(app) {
    // The checklist sits beside the Content Manager's edit view of a story.
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerApis;
    contentManager.addEditViewSidePanel?.([ChecklistPanel]);
    // Descriptions and placeholders in the admin's language; corrections listed by story title.
    registerContentManagerHooks(app);
  },

  async registerTrads({ locales }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          // The Content Manager looks the plugin's field labels up under its own ids.
          return {
            data: {
              ...prefixPluginTranslations({ ...sharedTranslations(locale), ...data }),
              ...contentManagerTranslations(locale),
            },
            locale,
          };
        } catch {
          return {
            data: {
              ...prefixPluginTranslations(sharedTranslations(locale)),
              ...contentManagerTranslations(locale),
            },
            locale,
          };
        }
      })
    );
  },
};

export default plugin;
