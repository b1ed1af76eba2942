import type { Core } from '@strapi/strapi';

import { withDefaultPhraseLists, type PluginConfig, type StoredPluginConfig } from '../config';
import { PLUGIN_ID } from './plugin-id';

export const getConfig = (strapi: Core.Strapi): PluginConfig =>
  withDefaultPhraseLists(strapi.config.get(`plugin::${PLUGIN_ID}`) as StoredPluginConfig);
