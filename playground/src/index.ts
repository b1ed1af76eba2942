import type { Core } from '@strapi/strapi';

import { createDemoAdmin } from './demo-admin';
import { seedExampleStory } from './seed';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Only `strapi develop` (autoReload) gets the demo account; tests and `strapi start` never do.
    if (strapi.config.get('autoReload')) {
      await createDemoAdmin(strapi);
    }

    // The example story on first start with an empty database; the test harness turns this off.
    // Its quote is approved by an admin, so it waits until one exists (`npm run seed` then).
    if (process.env.PLAYGROUND_SEED !== 'false') {
      const anyStory = await strapi.documents('plugin::intelligence-stories.story').findFirst({});
      if (!anyStory && (await strapi.service('admin::user').exists())) {
        await seedExampleStory(strapi);
        strapi.log.info('Playground: loaded the example story (ODNI 2021 interference report)');
      }
    }

    if (strapi.config.get('autoReload')) {
      // Strapi's own banner omits the admin URL in develop mode once an admin exists.
      strapi.server.httpServer.once('listening', () => {
        strapi.log.info(`Admin panel: ${strapi.config.get('admin.absoluteUrl')}`);
      });
    }
  },
};
