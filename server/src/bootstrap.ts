import type { Core } from '@strapi/strapi';

import { ADMIN_ACTIONS } from './permissions';
import { assertRoutesGuarded } from './route-guards';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  assertRoutesGuarded(strapi);
  await strapi.service('admin::permission').actionProvider.registerMany(ADMIN_ACTIONS);
  await getService('correction-feed', { strapi }).prepare();
  await getService('text-extraction', { strapi }).start();
};

export default bootstrap;
