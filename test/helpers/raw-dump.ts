import type { UID } from '@strapi/strapi';
import { execFileSync } from 'child_process';
import fs from 'fs';

import type { TestApp } from './strapi';

/**
 * Everything the database holds, as an attacker with the disk or a backup would see it: the SQLite
 * file's bytes with its journal and write-ahead log, or `pg_dump`'s output on PostgreSQL.
 * Read as latin1 so that any ASCII marker appears as itself whatever the surrounding bytes.
 */
export const rawDatabaseDump = async (app: TestApp): Promise<string> => {
  const { env } = app.database;
  if (app.database.client === 'sqlite') {
    const file = env.DATABASE_FILENAME;
    return ['', '-wal', '-journal', '-shm']
      .map((suffix) => `${file}${suffix}`)
      .filter((path) => fs.existsSync(path))
      .map((path) => fs.readFileSync(path).toString('latin1'))
      .join('\n');
  }
  return execFileSync(
    'pg_dump',
    [
      '--no-owner',
      '-h',
      env.DATABASE_HOST,
      '-p',
      env.DATABASE_PORT,
      '-U',
      env.DATABASE_USERNAME,
      env.DATABASE_NAME,
    ],
    {
      env: { ...process.env, PGPASSWORD: env.DATABASE_PASSWORD },
      maxBuffer: 256 * 1024 * 1024,
    }
  ).toString('latin1');
};

/** The row as stored, bypassing every service: what the database really holds. */
export const rawRows = (app: TestApp, uid: UID.ContentType) => {
  const table = app.strapi.getModel(uid).collectionName!;
  return app.strapi.db.connection(table).select('*') as Promise<Array<Record<string, unknown>>>;
};

/**
 * Every row of every table the plugin's types and components own, join tables included: what
 * "nothing was written" is compared against.
 */
export const pluginTables = async (app: TestApp) => {
  const tables = new Set<string>();
  for (const [uid, meta] of app.strapi.db.metadata) {
    if (
      !uid.startsWith('plugin::intelligence-stories.') &&
      !uid.startsWith('intelligence-stories.')
    ) {
      continue;
    }
    tables.add(meta.tableName);
    for (const attribute of Object.values(meta.attributes) as Array<{
      joinTable?: { name: string };
    }>) {
      if (attribute.joinTable) {
        tables.add(attribute.joinTable.name);
      }
    }
  }
  const rows: Record<string, unknown[]> = {};
  for (const table of [...tables].sort()) {
    rows[table] = await app.strapi.db.connection(table).select('*').orderBy('id');
  }
  return rows;
};

/** The SQL run while `work` runs, e.g. to show that a refused request never reached a table. */
export const queriesDuring = async (app: TestApp, work: () => Promise<unknown>) => {
  const statements: string[] = [];
  const record = (query: { sql: string }) => statements.push(query.sql);
  app.strapi.db.connection.client.on('query', record);
  try {
    await work();
  } finally {
    app.strapi.db.connection.client.removeListener('query', record);
  }
  return statements;
};
