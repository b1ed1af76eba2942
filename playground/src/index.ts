import type { Core } from '@strapi/strapi';

import { createDemoAdmin } from './demo-admin';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Only `strapi develop` (autoReload) gets the demo account; tests and `strapi start` never do.
    if (strapi.config.get('autoReload')) {
      await createDemoAdmin(strapi);
    }
  },
};
