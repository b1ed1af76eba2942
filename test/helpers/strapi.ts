import type { Core } from '@strapi/strapi';
import { createStrapi } from '@strapi/strapi';
import fs from 'fs';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import supertest from 'supertest';

import { generateSecrets } from '../../playground/scripts/prepare-env';
import { createTestDatabase, type TestDatabase } from './database';
import { PLAYGROUND_DIR, PLAYGROUND_DIST } from './paths';

export type TestApp = {
  strapi: Core.Strapi;
  /** supertest bound to the running server, e.g. `app.request().get('/api/...')` */
  request: () => supertest.Agent;
  baseUrl: string;
  database: TestDatabase;
  /** The app's secrets (keys, salts): pass them to a later boot of the same app. */
  secrets: Record<string, string>;
  destroy(): Promise<void>;
};

type Pool = { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number };

/**
 * Waits, a few seconds at most, for the database's queries to finish. The Document Service sends
 * its `entry.*` events without awaiting them, and each first re-reads the entry with its relations
 * (@strapi/core's document-service/events.js): a write answered just before the app is torn down
 * still has queries running, which destroying the pool aborts ("aborted").
 */
const settled = async (strapi: Core.Strapi, timeoutMs = 5_000) => {
  const pool = (strapi.db.connection.client as unknown as { pool?: Pool }).pool;
  const deadline = Date.now() + timeoutMs;
  const busy = () =>
    pool ? pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0 : false;
  while (busy() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/**
 * Boots the playground app with the plugin, against a database of its own, and starts its HTTP
 * server on an ephemeral loopback port. Call once per test file (beforeAll) and destroy in afterAll:
 * Strapi keeps module-level registries, so only one app can be loaded per test file at a time.
 */
export const bootStrapi = async ({
  distDir = PLAYGROUND_DIST,
  database: existing,
  secrets = generateSecrets(),
}: {
  /** The compiled app to boot, by default the playground's (see plugin-entry.ts for another). */
  distDir?: string;
  /**
   * A database an earlier boot left, to restart on (the caller drops it); by default a fresh one,
   * dropped by destroy().
   */
  database?: TestDatabase;
  /** The secrets of the app restarted on `database`; fresh ones by default. */
  secrets?: Record<string, string>;
} = {}): Promise<TestApp> => {
  const database = existing ?? (await createTestDatabase());
  const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intel-stories-public-'));
  // Strapi refuses to start without public/uploads; the local upload provider writes there.
  fs.mkdirSync(path.join(publicDir, 'uploads'));
  const removeDatabaseAndFiles = async () => {
    if (!existing) {
      await database.drop();
    }
    fs.rmSync(publicDir, { recursive: true, force: true });
  };

  // Each boot gets fresh secrets and its own database, unless it restarts an earlier one; values
  // already in the environment win over the playground's .env because dotenv never overrides them.
  Object.assign(process.env, secrets, database.env, {
    STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'error',
    // Tests start from an empty database; those that want the example story seed it themselves.
    PLAYGROUND_SEED: 'false',
    PUBLIC_DIR: publicDir,
  });

  let strapi: Core.Strapi | undefined;
  try {
    strapi = await createStrapi({ appDir: PLAYGROUND_DIR, distDir }).load();
    await new Promise<void>((resolve) => strapi!.server.listen(0, '127.0.0.1', resolve));
  } catch (error) {
    await strapi?.destroy();
    await removeDatabaseAndFiles();
    throw error;
  }

  const booted = strapi;
  const { port } = booted.server.httpServer.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  let destroyed = false;
  return {
    strapi: booted,
    request: () => supertest.agent(baseUrl),
    baseUrl,
    database,
    secrets,
    async destroy() {
      if (destroyed) {
        return;
      }
      destroyed = true;
      await settled(booted);
      await booted.destroy();
      await removeDatabaseAndFiles();
    },
  };
};
