import type { StrapiApp } from '@strapi/strapi/admin';

import { Feather } from '@strapi/icons';

import { ChecklistPanel } from './components/ChecklistPanel';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';
import { prefixPluginTranslations } from './utils/prefixPluginTranslations';

type ContentManagerApis = { addEditViewSidePanel?: (panels: unknown[]) => void };

const plugin: StrapiApp['appPlugins'][string] = {
  register(app) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Feather,
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
  },

  bootstrap(app) {
    // The checklist sits beside the Content Manager's edit view of a story.
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerApis;
    contentManager.addEditViewSidePanel?.([ChecklistPanel]);
  },

  async registerTrads({ locales }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixPluginTranslations(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};

export default plugin;
