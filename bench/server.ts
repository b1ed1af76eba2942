import type { Core } from '@strapi/strapi';
import { createStrapi } from '@strapi/strapi';
import type { AddressInfo } from 'net';
import path from 'path';

import type { CapturedQuery, CommandMessage, Commands, ReplyMessage } from './protocol';
import { prepareEditors } from './editors';
import { cpuProfiler } from './profiler';
import { benchPublish } from './publish';
import { seedContent } from './seed';

/**
 * The server under test, in a process of its own (forked by bench/run.ts): the playground app
 * loaded as the tests load it, listening on an ephemeral loopback port. The bench talks to it over
 * the IPC channel only, so the app serves exactly its own routes.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const PLAYGROUND_DIR = path.join(REPO_ROOT, 'playground');

const send = (message: ReplyMessage) => process.send?.(message);

type KnexQueryEvent = { sql: string; bindings?: unknown[]; __knexQueryUid: string };

/** Counts (and times) every query knex sends while a window is open. */
export type QueryCounter = ReturnType<typeof queryCounter>;

const queryCounter = (strapi: Core.Strapi) => {
  let window: { queries: CapturedQuery[]; started: Map<string, [number, CapturedQuery]> } | null =
    null;
  const connection = strapi.db.connection;
  connection.on('query', (event: KnexQueryEvent) => {
    if (window) {
      const captured = { sql: event.sql, bindings: event.bindings ?? [], ms: 0 };
      window.queries.push(captured);
      window.started.set(event.__knexQueryUid, [performance.now(), captured]);
    }
  });
  const finish = (_response: unknown, event: KnexQueryEvent) => {
    const started = window?.started.get(event.__knexQueryUid);
    if (started) {
      started[1].ms = performance.now() - started[0];
    }
  };
  connection.on('query-response', finish);
  connection.on('query-error', (_error: unknown, event: KnexQueryEvent) => finish(null, event));
  return {
    start() {
      window = { queries: [], started: new Map() };
    },
    stop() {
      const queries = window?.queries ?? [];
      window = null;
      return { count: queries.length, queries };
    },
  };
};

const explain = async (strapi: Core.Strapi, sql: string, bindings: unknown[]) => {
  const client = strapi.db.dialect.client;
  const prefix = client === 'postgres' ? 'EXPLAIN ANALYZE ' : 'EXPLAIN QUERY PLAN ';
  // knex reports PostgreSQL's SQL with native $1, $2… placeholders; raw() binds `?`, in order.
  const text = client === 'postgres' ? sql.replace(/\$\d+/g, '?') : sql;
  const result = await strapi.db.connection.raw(prefix + text, bindings as never[]);
  const rows: Array<Record<string, unknown>> = client === 'postgres' ? result.rows : result;
  return rows.map((row) =>
    client === 'postgres' ? String(row['QUERY PLAN']) : `${String(row.id)} ${String(row.detail)}`
  );
};

const grantPublicRead = async (strapi: Core.Strapi, actions: string[]) => {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const action of actions) {
    await permissions.create({ data: { action, role: role.id } });
  }
  return { granted: actions.length };
};

const databaseVersion = async (strapi: Core.Strapi) => {
  if (strapi.db.dialect.client === 'postgres') {
    const result = await strapi.db.connection.raw('SELECT version() AS v');
    return String(result.rows[0].v);
  }
  const [row] = await strapi.db.connection.raw('SELECT sqlite_version() AS v');
  return `SQLite ${String(row.v)}`;
};

const main = async () => {
  const strapi = await createStrapi({
    appDir: PLAYGROUND_DIR,
    distDir: path.join(PLAYGROUND_DIR, 'dist'),
  }).load();
  const counter = queryCounter(strapi);
  const profiler = cpuProfiler();

  const handlers: { [K in keyof Commands]: (args: Commands[K]['args']) => unknown } = {
    seed: (args) => seedContent(strapi, args),
    grantPublicRead: ({ actions }) => grantPublicRead(strapi, actions),
    startQueryCount: () => {
      counter.start();
      return null;
    },
    stopQueryCount: () => counter.stop(),
    explain: ({ sql, bindings }) => explain(strapi, sql, bindings),
    publish: (args) => benchPublish(strapi, args, counter),
    memory: () => {
      // After a full collection, so the heap figure is what is live rather than what is garbage.
      global.gc?.();
      const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
      return { rss, heapUsed, heapTotal, external };
    },
    databaseVersion: () => databaseVersion(strapi),
    analyze: async () => {
      await strapi.db.connection.raw('ANALYZE');
      return null;
    },
    setFloorPayload: ({ payload }) => {
      (
        strapi.service('api::bench-floor.bench-floor') as { setPayload(value: unknown): void }
      ).setPayload(payload);
      return { bytes: Buffer.byteLength(JSON.stringify(payload)) };
    },
    prepareEditors: (args) => prepareEditors(strapi, args),
    startProfile: async () => {
      await profiler.start();
      return null;
    },
    stopProfile: () => profiler.stop(),
    setPurgeEndpoints: ({ urls }) => {
      // The purge service reads its config at each purge, as the publish gate reads the rules.
      const key = 'plugin::intelligence-stories.cache.purge.endpoints';
      strapi.config.set(
        key,
        urls.map((url) => ({ url }))
      );
      return null;
    },
  };

  process.on('message', async (message: CommandMessage) => {
    try {
      const handler = handlers[message.command] as (args: unknown) => unknown;
      send({ id: message.id, ok: true, result: await handler(message.args) });
    } catch (error) {
      const text =
        error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
      send({ id: message.id, ok: false, error: text });
    }
  });
  process.on('disconnect', () => {
    void strapi.destroy().finally(() => process.exit(0));
  });

  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  send({ ready: true, port });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
