'use strict';

const { compileStrapi, createStrapi } = require('@strapi/strapi');

/**
 * Runs a one-off task against the playground's Strapi (its database is whatever DATABASE_* says),
 * then destroys the app and exits: 0 when the task succeeded, 1 with the error printed otherwise.
 */
const runWithStrapi = (task) => {
  const main = async () => {
    // The bootstrap's own first-start seeding is skipped: each task reports what it did itself.
    process.env.PLAYGROUND_SEED = 'false';
    const app = await createStrapi(await compileStrapi()).load();
    try {
      await task(app);
    } finally {
      await app.destroy();
    }
  };
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );
};

module.exports = { runWithStrapi };
