import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../config';
import { PLUGIN_ID } from './plugin-id';

export const getConfig = (strapi: Core.Strapi): PluginConfig =>
  strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginConfig;
