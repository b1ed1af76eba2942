import type { Core } from '@strapi/strapi';

import { CUSTOM_FIELDS } from '../../shared/contracts/custom-fields';
import { PLUGIN_ID } from './utils/plugin-id';

/**
 * The plugin's custom fields (shared/contracts/custom-fields). Registered in register(): Strapi
 * swaps each `customField` attribute for its underlying type right after the plugins' register,
 * so `strapi.getModel()` reports `boolean` and `uid` to the rules, the validation and the
 * Content Manager's uid routes alike.
 */
export const registerCustomFields = (strapi: Core.Strapi) => {
  strapi.customFields.register(
    Object.values(CUSTOM_FIELDS).map(({ name, type }) => ({ name, type, plugin: PLUGIN_ID }))
  );
};
