import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';

/**
 * One fresh database per test file: a temp SQLite file by default, or a throw-away PostgreSQL
 * database when DATABASE_CLIENT=postgres (the usual DATABASE_* variables say where the server is).
 */
export type TestDatabase = {
  client: 'sqlite' | 'postgres';
  env: Record<string, string>;
  exists(): Promise<boolean>;
  drop(): Promise<void>;
};

const postgresAdminConfig = () => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  user: process.env.DATABASE_USERNAME ?? 'postgres',
  password: process.env.DATABASE_PASSWORD ?? '',
  // The maintenance database: the test database cannot be created from inside itself.
  database: process.env.DATABASE_ADMIN_NAME ?? 'postgres',
});

const withPostgres = async <T>(run: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client(postgresAdminConfig());
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
};

const createPostgresDatabase = async (): Promise<TestDatabase> => {
  const name = `intel_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await withPostgres((pg) => pg.query(`CREATE DATABASE "${name}"`));
  const { host, port, user, password } = postgresAdminConfig();

  return {
    client: 'postgres',
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: host,
      DATABASE_PORT: String(port),
      DATABASE_USERNAME: user,
      DATABASE_PASSWORD: password,
      DATABASE_NAME: name,
    },
    exists: () =>
      withPostgres(async (pg) => {
        const { rowCount } = await pg.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        return rowCount === 1;
      }),
    drop: async () => {
      await withPostgres((pg) => pg.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
};

const createSqliteDatabase = async (): Promise<TestDatabase> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intel-stories-test-'));
  return {
    client: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
    exists: async () => fs.existsSync(dir),
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
};

export const createTestDatabase = (): Promise<TestDatabase> => {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  if (client === 'postgres') {
    return createPostgresDatabase();
  }
  if (client === 'sqlite') {
    return createSqliteDatabase();
  }
  throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres" for the tests, got "${client}"`);
};
