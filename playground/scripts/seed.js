'use strict';

/**
 * `npm run seed`: loads the example story into the playground's database (SQLite by default, or
 * whatever DATABASE_* says), unless it is already there.
 */
const { runWithStrapi } = require('./with-strapi');

runWithStrapi(async (app) => {
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
});
