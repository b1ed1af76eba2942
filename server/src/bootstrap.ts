import type { Core } from '@strapi/strapi';

import { applyContentManagerViews } from './content-manager-views/apply';
import {
  grantDefaultLocaleOnCreate,
  grantDefaultLocaleWhereUnset,
} from './locales/story-permission-locales';
import { ADMIN_ACTIONS } from './permissions';
import { assertRoutesGuarded } from './route-guards';
import { actionProvider } from './strapi-internals/admin-permissions';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  assertRoutesGuarded(strapi);
  // Every register() has run: the house rules are all known, and the config is checked against them.
  getService('house-rules', { strapi }).close();
  await actionProvider(strapi).registerMany(ADMIN_ACTIONS);
  // Roles whose story permissions name no locale reach the default one (stories are localized).
  await grantDefaultLocaleWhereUnset(strapi);
  grantDefaultLocaleOnCreate(strapi);
  // Settings → Webhooks subscriptions to the plugin's events (docs/webhooks.md), as core plugins do.
  getService('webhook-events', { strapi }).register();
  // Labels, columns and main fields of the plugin's types, where the app's admin kept the defaults.
  await applyContentManagerViews(strapi);
  // The story form's source picker answers aliases: the Content Manager labels sources by them.
  await getService('source-picker', { strapi }).labelSourcesByAlias();
  await getService('correction-feed', { strapi }).prepare();
  await getService('public-correction-snapshot', { strapi }).prepare();
  await getService('text-extraction', { strapi }).start();
};

export default bootstrap;
