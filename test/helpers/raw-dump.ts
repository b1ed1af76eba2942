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
