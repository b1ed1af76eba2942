import type { TestApp } from './strapi';

type MigrationRecord = Record<string, { doneAt: string; changed: number }>;

const recordOf = (app: TestApp) =>
  app.strapi.store({ type: 'plugin', name: 'intelligence-stories', key: 'migrations' });

/** The plugin's record of the data migrations done on this database, by name. */
export const migrationRecord = async (app: TestApp) =>
  ((await recordOf(app).get({})) ?? {}) as MigrationRecord;

/** Forgets that the named migrations ran, as on a database an earlier version wrote. */
export const forgetMigrations = async (app: TestApp, ...names: string[]) => {
  const record = await migrationRecord(app);
  for (const name of names) {
    delete record[name];
  }
  await recordOf(app).set({ value: record });
};

/** Runs the hook Strapi calls after each schema sync at boot, where the migrations run. */
export const afterSchemaSync = (app: TestApp) =>
  app.strapi.hook('strapi::content-types.afterSync').call({
    oldContentTypes: app.strapi.contentTypes,
    contentTypes: app.strapi.contentTypes,
  });

/** Runs the named migrations again, as a boot on a database an earlier version wrote would. */
export const rerunMigrations = async (app: TestApp, ...names: string[]) => {
  await forgetMigrations(app, ...names);
  await afterSchemaSync(app);
};
