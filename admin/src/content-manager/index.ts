import type { StrapiApp } from '@strapi/strapi/admin';
import type { ComponentType } from 'react';

import { CUSTOM_FIELDS } from '../../../shared/contracts/custom-fields';
import { PLUGIN_ID } from '../pluginId';
import { getTranslation } from '../utils/getTranslation';
import { showStoryTitles } from './correction-story-column';
import { translateFieldHints } from './field-hints';

/**
 * The plugin's part of the Content Manager: its custom fields' inputs (registered in register(),
 * before the Content Manager reads them) and its hooks on the edit and list views (bootstrap()).
 */
/**
 * Strapi types a custom field's Input as a component without props; the Content Manager renders
 * it with the field's props (name, label, hint, value, onChange…), which the inputs declare.
 */
const asInput = async (module: Promise<{ default: unknown }>) => ({
  default: (await module).default as ComponentType,
});

export const registerCustomFieldInputs = (app: StrapiApp) => {
  app.customFields.register([
    {
      name: CUSTOM_FIELDS.attestation.name,
      pluginId: PLUGIN_ID,
      type: CUSTOM_FIELDS.attestation.type,
      intlLabel: {
        id: getTranslation('customField.attestation.label'),
        defaultMessage: 'Attestation (checkbox)',
      },
      intlDescription: {
        id: getTranslation('customField.attestation.description'),
        defaultMessage: 'A checkbox with the sentence it attests',
      },
      components: { Input: () => asInput(import('./AttestationInput')) },
    },
    {
      name: CUSTOM_FIELDS.slug.name,
      pluginId: PLUGIN_ID,
      type: CUSTOM_FIELDS.slug.type,
      intlLabel: {
        id: getTranslation('customField.slug.label'),
        defaultMessage: 'Slug following the title',
      },
      intlDescription: {
        id: getTranslation('customField.slug.description'),
        defaultMessage: 'Filled from the title as it is typed',
      },
      components: { Input: () => asInput(import('./SlugInput')) },
    },
  ]);
};

export const registerContentManagerHooks = (app: Pick<StrapiApp, 'registerHook'>) => {
  app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', translateFieldHints);
  app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', showStoryTitles);
};

export { contentManagerTranslations } from './translations';
