import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../utils/plugin-id';
import { MIGRATIONS } from './index';
import type { Migration } from './types';

/** The plugin store's key for the record of migrations done (see MigrationRecord). */
export const MIGRATIONS_STORE_KEY = 'migrations';

/** Each migration done on this database, by name: when, and how many rows it changed. */
export type MigrationRecord = Record<string, { doneAt: string; changed: number }>;

const record = (strapi: Core.Strapi) =>
  strapi.store({ type: 'plugin', name: PLUGIN_ID, key: MIGRATIONS_STORE_KEY });

const readRecord = async (strapi: Core.Strapi) =>
  ((await record(strapi).get({})) ?? {}) as MigrationRecord;

/**
 * Runs, in order, the migrations this database has not had, each once: its changes and its entry
 * in the record are one transaction, so a migration that fails leaves neither and stops the boot
 * (the data would otherwise be read with a meaning it does not have yet). Registered on
 * `strapi::content-types.afterSync`, as Strapi's own plugins run theirs: the columns a migration
 * fills exist by then. That hook runs its handlers in parallel, hence one handler for them all.
 */
export const runMigrations = async (
  strapi: Core.Strapi,
  migrations: readonly Migration[] = MIGRATIONS
) => {
  const done = await readRecord(strapi);
  for (const migration of migrations.filter(({ name }) => !done[name])) {
    let changed: number;
    try {
      changed = await strapi.db.transaction(async () => {
        const rows = await migration.up(strapi);
        // Read again: an instance booting alongside may have recorded others meanwhile.
        await record(strapi).set({
          value: {
            ...(await readRecord(strapi)),
            [migration.name]: { doneAt: new Date().toISOString(), changed: rows },
          },
        });
        return rows;
      });
    } catch (error) {
      const failed = `intelligence-stories: data migration "${migration.name}" failed and was rolled back`;
      if (error instanceof Error) {
        // Kept as it is (its class, its stack), named.
        error.message = `${failed}: ${error.message}`;
        throw error;
      }
      throw new Error(`${failed}: ${String(error)}`);
    }
    strapi.log.info(
      `intelligence-stories: data migration "${migration.name}" done, ${changed} row(s) changed`
    );
  }
};
