import type { Core } from '@strapi/strapi';

import { ADMIN_ACTIONS } from './permissions';
import { assertRoutesGuarded } from './route-guards';
import { actionProvider } from './strapi-internals/admin-permissions';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  assertRoutesGuarded(strapi);
  await actionProvider(strapi).registerMany(ADMIN_ACTIONS);
  await getService('correction-feed', { strapi }).prepare();
  await getService('text-extraction', { strapi }).start();
};

export default bootstrap;
