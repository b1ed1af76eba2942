import type { Core } from '@strapi/strapi';

import { getService } from './utils/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // A PDF being read is left pending; whichever instance boots or sweeps next reads it again.
  await getService('text-extraction', { strapi }).stop();
};

export default destroy;
