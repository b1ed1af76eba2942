import type { TestApp } from './strapi';

/**
 * Makes the database itself refuse a write, with a trigger, on SQLite and PostgreSQL alike: a real
 * failure in the middle of a multi-step write, to check that nothing of it is left behind.
 * Returns a function that removes the trigger.
 */
export const failWritesTo = async (
  app: TestApp,
  { table, on }: { table: string; on: 'INSERT' | 'UPDATE' }
) => {
  const knex = app.strapi.db.connection;
  const name = `intel_test_fault_${table}`.slice(0, 60);
  if (app.database.client === 'postgres') {
    await knex.raw(
      `CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$ LANGUAGE plpgsql`
    );
    await knex.raw(
      `CREATE TRIGGER ${name} BEFORE ${on} ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`
    );
    return async () => {
      await knex.raw(`DROP TRIGGER ${name} ON "${table}"`);
      await knex.raw(`DROP FUNCTION ${name}()`);
    };
  }
  await knex.raw(
    `CREATE TRIGGER ${name} BEFORE ${on} ON "${table}" BEGIN SELECT RAISE(ABORT, 'injected fault'); END`
  );
  return async () => {
    await knex.raw(`DROP TRIGGER ${name}`);
  };
};
