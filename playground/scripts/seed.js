'use strict';

/**
 * `npm run seed`: loads the example story into the playground's database (SQLite by default, or
 * whatever DATABASE_* says), unless it is already there.
 */
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  // The bootstrap's own first-start seeding is skipped so this script reports what it did.
  process.env.PLAYGROUND_SEED = 'false';
  const app = await createStrapi(await compileStrapi()).load();
  try {
    const { seedExampleStory } = require('../dist/src/seed');
    const { createDemoAdmin } = require('../dist/src/demo-admin');
    // The example's anonymous quote is approved by an admin; on a fresh database that is the demo one.
    await createDemoAdmin(app);
    const result = await seedExampleStory(app);
    console.log(
      result === 'created'
        ? 'playground: example story loaded'
        : 'playground: example story already present; nothing to do'
    );
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
