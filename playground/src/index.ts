import type { Core } from '@strapi/strapi';

import { createDemoAdmin } from './demo-admin';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Only `strapi develop` (autoReload) gets the demo account; tests and `strapi start` never do.
    if (!strapi.config.get('autoReload')) {
      return;
    }
    await createDemoAdmin(strapi);

    // Strapi's own banner omits the admin URL in develop mode once an admin exists.
    strapi.server.httpServer.once('listening', () => {
      strapi.log.info(`Admin panel: ${strapi.config.get('admin.absoluteUrl')}`);
    });
  },
};
