import type { Core } from '@strapi/strapi';

import { createDemoAdmin } from './demo-admin';
import { registerHouseRules } from './house-rules/leaked-document-hash';
import { seedExampleStory } from './seed';

// The bench's baseline (`npm run bench`): ordinary types holding the plugin's public shape. They
// are no part of the app's public surface, so GraphQL's generated schema leaves them out too.
const BENCH_BASELINE = [
  'api::plain-story.plain-story',
  'api::plain-source-document.plain-source-document',
  'api::plain-correction.plain-correction',
  'plain.byline',
  'plain.citation',
  'plain.quote',
  'plain.key-judgment',
];

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // The newsroom's own publish checks: in register(), so the plugin's bootstrap knows them all.
    registerHouseRules(strapi);
    const graphql = strapi.plugin('graphql');
    if (graphql) {
      const shadowCRUD = graphql.service('extension').shadowCRUD as (uid: string) => {
        disable(): unknown;
      };
      BENCH_BASELINE.forEach((uid) => shadowCRUD(uid).disable());
    }
  },

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
