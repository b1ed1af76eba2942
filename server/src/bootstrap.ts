import type { Core } from '@strapi/strapi';

import { ADMIN_ACTIONS } from './permissions';
import { assertRoutesGuarded } from './route-guards';
import { actionProvider } from './strapi-internals/admin-permissions';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  assertRoutesGuarded(strapi);
  // Every register() has run: the house rules are all known, and the config is checked against them.
  getService('house-rules', { strapi }).close();
  await actionProvider(strapi).registerMany(ADMIN_ACTIONS);
  await getService('correction-feed', { strapi }).prepare();
  await getService('public-correction-snapshot', { strapi }).prepare();
  await getService('text-extraction', { strapi }).start();
};

export default bootstrap;
