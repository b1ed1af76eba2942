import type { Core } from '@strapi/strapi';

import type services from '../services';
import { PLUGIN_ID } from './plugin-id';

type Services = {
  [K in keyof typeof services]: ReturnType<(typeof services)[K]>;
};

export const getService = <TName extends keyof Services>(
  name: TName,
  { strapi }: { strapi: Core.Strapi } = { strapi: global.strapi }
): Services[TName] => strapi.plugin(PLUGIN_ID).service(name) as Services[TName];
