import os from 'os';
import path from 'path';

import qs from 'qs';

import { createTestDatabase, type TestDatabase } from '../test/helpers/database';
import { firstCorrectionOf, storyContent } from './content';
import { measureFloor } from './floor';
import { loadInRounds, type LoadResult } from './load';
import { mixedLoad, type MixedResult } from './mixed';
import type { CapturedQuery } from './protocol';
import { writeReport, type BenchResults, type QueryCountRow, type ScaleStep } from './report';
import { startServer, type ServerProcess } from './server-process';
import { benchSettings, type BenchSettings } from './settings';
import { purgeAll, startBenchVarnish } from './varnish';
import { plainListQuery, PLAIN_POPULATE, PLAIN_FIELDS, verifySeededContent } from './verify';

/**
 * `npm run bench`: what the plugin costs over plain Strapi, and how it scales. See
 * docs/benchmarks.md for the method. Boots the playground twice, each time on a fresh database
 * (SQLite, or PostgreSQL when DATABASE_CLIENT=postgres): once without the plugin (the memory
 * baseline), once with it for everything else.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

const PLAIN_READ_ACTIONS = ['plain-story', 'plain-source-document', 'plain-correction'].flatMap(
  (name) => ['find', 'findOne'].map((action) => `api::${name}.${name}.${action}`)
);
const PLUGIN_READ_ACTIONS = [
  'story.find',
  'story.findOne',
  'story.jsonld',
  'source-document.find',
  'source-document.findOne',
  'correction.find',
  'correction.rss',
  'correction.jsonFeed',
].map((action) => `plugin::intelligence-stories.${action}`);
// The floor route (playground/src/api/bench-floor), read by the Public role like the plugin's.
const FLOOR_READ_ACTION = 'api::bench-floor.bench-floor.find';

const log = (message: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

const parseArgs = () => {
  const argv = process.argv.slice(2);
  const smoke = argv.includes('--smoke') || process.env.BENCH_SMOKE === '1';
  const outIndex = argv.indexOf('--out');
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out =
    outIndex >= 0
      ? path.resolve(argv[outIndex + 1])
      : path.join(
          REPO_ROOT,
          'bench-results',
          `bench-${client}${smoke ? '-smoke' : ''}-${stamp}.json`
        );
  return { smoke, out };
};

const urls = (server: ServerProcess) => {
  const api = `${server.baseUrl}/api`;
  return {
    pluginList: (pageSize: number) =>
      `${api}/intelligence-stories/stories?pagination[pageSize]=${pageSize}`,
    pluginSingle: (slug: string) => `${api}/intelligence-stories/stories/${slug}`,
    plainList: (pageSize: number) => `${api}/plain-stories?${plainListQuery(pageSize)}`,
    plainSingle: (documentId: string) =>
      `${api}/plain-stories/${documentId}?${qs.stringify(
        { fields: PLAIN_FIELDS, populate: PLAIN_POPULATE },
        { encodeValuesOnly: true }
      )}`,
    pluginJsonLd: (slug: string) => `${api}/intelligence-stories/stories/${slug}/jsonld`,
    feed: `${api}/intelligence-stories/corrections?pagination[pageSize]=50`,
    rss: `${api}/intelligence-stories/corrections.rss`,
    jsonFeed: `${api}/intelligence-stories/corrections.json`,
  };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a quiet server: requests a load run left queued are still being answered. */
const settle = async (server: ServerProcess) => {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    await server.call('startQueryCount', {});
    await sleep(250);
    if ((await server.call('stopQueryCount', {})).count === 0) {
      return;
    }
  }
  throw new Error('the server never went quiet: cannot count queries per request');
};

/** Queries the server sends to answer one request (the request alone on the server). */
const countQueries = async (server: ServerProcess, url: string) => {
  await settle(server);
  await server.call('startQueryCount', {});
  const response = await fetch(url);
  await response.arrayBuffer();
  const { count, queries } = await server.call('stopQueryCount', {});
  if (!response.ok) {
    throw new Error(`GET ${url}: ${response.status}`);
  }
  return { count, queries };
};

const slowest = (queries: CapturedQuery[], n: number) =>
  [...queries].sort((a, b) => b.ms - a.ms).slice(0, n);

/** The slowest queries of a request, with their plans: where a scale step went, if it went. */
const diagnose = async (server: ServerProcess, url: string) => {
  const { queries } = await countQueries(server, url);
  const worst = slowest(queries, 2);
  return Promise.all(
    worst.map(async (query) => ({
      sql: query.sql,
      ms: Math.round(query.ms * 10) / 10,
      // A plan is for reading, not for the run to stand on: a query it cannot explain is noted.
      plan: await server
        .call('explain', { sql: query.sql, bindings: query.bindings })
        .catch((error: Error) => [`(no plan: ${error.message.split('\n')[0]})`]),
    }))
  );
};

const withDatabase = async <T>(run: (database: TestDatabase) => Promise<T>) => {
  const database = await createTestDatabase();
  try {
    return await run(database);
  } finally {
    await database.drop();
  }
};

const withServer = async <T>(
  env: Record<string, string>,
  run: (server: ServerProcess) => Promise<T>
) => {
  const server = await startServer(env);
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
};

/** Varnish (the shipped VCL) in front of the server for as long as `run` runs; null if skipped. */
const withVarnish = async <T>(server: ServerProcess, run: (url: string | null) => Promise<T>) => {
  const varnish = await startBenchVarnish(server.baseUrl);
  try {
    return await run(varnish?.url ?? null);
  } finally {
    await varnish?.stop();
  }
};

const sampleLoad = async <T>(run: () => Promise<T>) => {
  const [before] = os.loadavg();
  const result = await run();
  const [after] = os.loadavg();
  return { result, loadAverage: Math.round(((before + after) / 2) * 100) / 100 };
};

/** The plain type under the same load with and without the plugin: the memory question. */
const memoryAfterPlainLoad = async (server: ServerProcess, settings: BenchSettings) => {
  const u = urls(server);
  const middle = storyContent(Math.floor(settings.stories.small / 2));
  await loadInRounds([u.plainList(25), u.plainSingle(middle.documentId)], settings.load);
  const rss = server.rss();
  return { rss, afterGc: await server.call('memory', {}) };
};

const main = async () => {
  const { smoke, out } = parseArgs();
  const settings = benchSettings(smoke);
  const { small, large } = settings.stories;
  const started = Date.now();
  const loadAverages: Record<string, number> = { start: os.loadavg()[0] };
  log(`${smoke ? 'smoke run' : 'full run'} on ${process.env.DATABASE_CLIENT ?? 'sqlite'}`);

  // 1. Plain Strapi (the plugin disabled): memory after the plain type's load.
  const rssWithoutPlugin = await withDatabase((database) =>
    withServer({ ...database.env, BENCH_WITHOUT_PLUGIN: 'true' }, async (server) => {
      log('without the plugin: seeding the plain type');
      await server.call('grantPublicRead', { actions: PLAIN_READ_ACTIONS });
      await server.call('seed', {
        from: 0,
        stories: small,
        extraCorrections: 0,
        spreadOver: 1,
        plugin: false,
        plain: true,
      });
      await verifySeededContent(server.baseUrl, {
        stories: small,
        corrections: firstCorrectionOf(small),
        plugin: false,
      });
      log('without the plugin: load on the plain type');
      return memoryAfterPlainLoad(server, settings);
    })
  );

  // 2. The playground with the plugin: everything else.
  const results = await withDatabase((database) =>
    withServer(database.env, (server) =>
      withVarnish(server, async (varnishUrl) => {
        const u = urls(server);
        const databaseVersion = await server.call('databaseVersion', {});
        await server.call('grantPublicRead', {
          actions: [...PLAIN_READ_ACTIONS, ...PLUGIN_READ_ACTIONS, FLOOR_READ_ACTION],
        });

        log(`with the plugin: seeding the plain type (${small} stories)`);
        const seedTimes: Record<string, number> = {};
        seedTimes.plainSmall = (
          await server.call('seed', {
            from: 0,
            stories: small,
            extraCorrections: 0,
            spreadOver: 1,
            plugin: false,
            plain: true,
          })
        ).ms;
        log('with the plugin: load on the plain type (memory)');
        const rssWithPlugin = await memoryAfterPlainLoad(server, settings);

        log(`seeding the plugin's types (${small} stories)`);
        const seededSmall = await server.call('seed', {
          from: 0,
          stories: small,
          extraCorrections: 0,
          spreadOver: 1,
          plugin: true,
          plain: false,
        });
        seedTimes.pluginSmall = seededSmall.ms;
        await verifySeededContent(server.baseUrl, {
          stories: small,
          corrections: firstCorrectionOf(small),
          plugin: true,
        });

        const middle = storyContent(Math.floor(small / 2));
        log('overhead: story list and single story, plugin vs plain');
        const list = await sampleLoad(() =>
          loadInRounds([u.pluginList(25), u.plainList(25)], settings.load)
        );
        const single = await sampleLoad(() =>
          loadInRounds(
            [u.pluginSingle(middle.slug), u.plainSingle(middle.documentId)],
            settings.load
          )
        );
        loadAverages.overhead = (list.loadAverage + single.loadAverage) / 2;

        log('query counts');
        const queryCounts: QueryCountRow[] = [];
        const countRow = async (request: string, pluginUrl: string, plainUrl: string | null) => {
          const plugin = await countQueries(server, pluginUrl);
          const plain = plainUrl ? await countQueries(server, plainUrl) : null;
          queryCounts.push({
            request,
            plugin: plugin.count,
            plain: plain?.count ?? null,
            // What was sent, for whoever wants to see where the queries go.
            pluginSql: plugin.queries.map((query) => query.sql),
            plainSql: plain?.queries.map((query) => query.sql) ?? null,
          });
        };
        for (const pageSize of settings.pageSizes) {
          await countRow(
            `story list, page size ${pageSize}`,
            u.pluginList(pageSize),
            u.plainList(pageSize)
          );
        }
        await countRow(
          'single story',
          u.pluginSingle(middle.slug),
          u.plainSingle(middle.documentId)
        );
        await countRow('JSON-LD', u.pluginJsonLd(middle.slug), null);
        await countRow('corrections feed (JSON, page size 50)', u.feed, null);
        await countRow('corrections.rss', u.rss, null);
        await countRow('corrections.json (JSON Feed, 50)', u.jsonFeed, null);

        log(
          `the floor: public reads against /_health and a constant story, direct${varnishUrl ? ' and through Varnish' : ''} (${small} stories)`
        );
        const floorAtSmall = await sampleLoad(() =>
          measureFloor(server, {
            slug: middle.slug,
            stories: small,
            load: settings.floorLoad,
            varnishUrl,
          })
        );
        loadAverages.floorSmall = floorAtSmall.loadAverage;
        // What the floors themselves send: the users-permissions check is the floor's only query.
        await countRow(
          'the floor (GET /api/bench-floor)',
          `${server.baseUrl}/api/bench-floor`,
          null
        );
        await countRow("Strapi's GET /_health", `${server.baseUrl}/_health`, null);

        log('scale: at the small size');
        // The single story is looked up by slug: its cost must not grow with the table either.
        // The plain list shows what Strapi itself does with ten times the rows.
        const scaleUrls = [
          u.pluginList(25),
          u.plainList(25),
          u.pluginSingle(middle.slug),
          u.feed,
          u.jsonFeed,
        ];
        const atSmall = await sampleLoad(() => loadInRounds(scaleUrls, settings.load));

        log(`seeding up to ${large} stories`);
        const seededLarge = await server.call('seed', {
          from: small,
          stories: large - small,
          extraCorrections: 0,
          spreadOver: 1,
          plugin: true,
          plain: true,
        });
        seedTimes.bothToLarge = seededLarge.ms;
        await verifySeededContent(server.baseUrl, {
          stories: large,
          corrections: firstCorrectionOf(large),
          plugin: true,
        });
        log('scale: at the large size');
        const atLarge = await sampleLoad(() => loadInRounds(scaleUrls, settings.load));
        // Before ANALYZE, as Strapi leaves the database. Varnish's hits do not depend on the size.
        log(`the floor at ${large} stories`);
        const floorAtLarge = await sampleLoad(() =>
          measureFloor(server, {
            slug: middle.slug,
            stories: large,
            load: settings.floorLoad,
            varnishUrl: null,
          })
        );
        loadAverages.floorLarge = floorAtLarge.loadAverage;
        const listDiagnosis = await diagnose(server, u.pluginList(25));

        // Strapi never gathers planner statistics; SQLite without them may pick a poor index for
        // component joins. The same lists once the database has them (PostgreSQL's autovacuum
        // gathers them on its own, after a while), to tell Strapi's query plans from the plugin's.
        log('scale: at the large size, after ANALYZE');
        await server.call('analyze', {});
        const analyzedUrls = [u.pluginList(25), u.plainList(25)];
        const afterAnalyze = await sampleLoad(() => loadInRounds(analyzedUrls, settings.load));
        const listDiagnosisAfterAnalyze = await diagnose(server, u.pluginList(25));

        const extra = settings.corrections.large - firstCorrectionOf(large);
        log(`seeding up to ${settings.corrections.large} corrections`);
        const seededCorrections = await server.call('seed', {
          from: large,
          stories: 0,
          extraCorrections: extra,
          spreadOver: large,
          plugin: true,
          plain: false,
        });
        seedTimes.pluginCorrections = seededCorrections.ms;
        await verifySeededContent(server.baseUrl, {
          stories: large,
          corrections: settings.corrections.large,
          plugin: true,
          extra: { count: extra, spreadOver: large },
          plainExtra: { count: 0, spreadOver: 1 },
        });
        log('scale: with all the corrections');
        const atManyCorrections = await sampleLoad(() =>
          loadInRounds([u.feed, u.jsonFeed], settings.load)
        );
        const feedDiagnosis = await diagnose(server, u.feed);
        const feedQueriesAtScale = (await countQueries(server, u.feed)).count;
        loadAverages.scale =
          (atSmall.loadAverage +
            atLarge.loadAverage +
            afterAnalyze.loadAverage +
            atManyCorrections.loadAverage) /
          4;

        log('publish: with the gate vs every rule off');
        const publish = await sampleLoad(() => server.call('publish', settings.publish));
        loadAverages.publish = publish.loadAverage;

        // Last: the editors' stories are published now, so they head the list the checks above
        // compare with the plain type's.
        const setup = await server.call('prepareEditors', { stories: settings.mixed.editors });
        const mixed: MixedResult[] = [];
        log(`mixed load, ${settings.mixed.seconds} s: readers and editors on Strapi`);
        const direct = await sampleLoad(() =>
          mixedLoad({
            adminUrl: server.baseUrl,
            readUrl: server.baseUrl,
            via: 'strapi',
            setup,
            seededSlug: middle.slug,
            settings: settings.mixed,
          })
        );
        mixed.push(direct.result);
        loadAverages.mixed = direct.loadAverage;
        if (varnishUrl) {
          // The plugin purges Varnish after each change commits, as docs/behind-a-cache.md sets up.
          await server.call('setPurgeEndpoints', { urls: [varnishUrl] });
          // What the floor cases cached was never purged (bulk seeding bypasses the plugin).
          await purgeAll(varnishUrl);
          log(
            `mixed load, ${settings.mixed.seconds} s: readers through Varnish, editors on Strapi`
          );
          const cached = await sampleLoad(() =>
            mixedLoad({
              adminUrl: server.baseUrl,
              readUrl: varnishUrl,
              via: 'varnish',
              setup,
              seededSlug: middle.slug,
              settings: settings.mixed,
            })
          );
          mixed.push(cached.result);
          loadAverages.mixedVarnish = cached.loadAverage;
        }

        const byUrl = (results: LoadResult[], url: string) => results.find((r) => r.url === url)!;
        const scale: ScaleStep[] = [
          {
            what: 'story list (page size 25)',
            from: `${small} stories`,
            to: `${large} stories`,
            before: byUrl(atSmall.result, u.pluginList(25)),
            after: byUrl(atLarge.result, u.pluginList(25)),
          },
          {
            what: 'plain story list, core API (baseline)',
            from: `${small} stories`,
            to: `${large} stories`,
            before: byUrl(atSmall.result, u.plainList(25)),
            after: byUrl(atLarge.result, u.plainList(25)),
          },
          {
            what: 'story list (page size 25), after ANALYZE',
            from: `${small} stories`,
            to: `${large} stories`,
            before: byUrl(atSmall.result, u.pluginList(25)),
            after: byUrl(afterAnalyze.result, u.pluginList(25)),
          },
          {
            what: 'plain story list, core API, after ANALYZE',
            from: `${small} stories`,
            to: `${large} stories`,
            before: byUrl(atSmall.result, u.plainList(25)),
            after: byUrl(afterAnalyze.result, u.plainList(25)),
          },
          {
            what: 'single story (by slug)',
            from: `${small} stories`,
            to: `${large} stories`,
            before: byUrl(atSmall.result, u.pluginSingle(middle.slug)),
            after: byUrl(atLarge.result, u.pluginSingle(middle.slug)),
          },
          {
            what: 'corrections feed, JSON (page size 50)',
            from: `${firstCorrectionOf(small)} corrections`,
            to: `${settings.corrections.large} corrections`,
            before: byUrl(atSmall.result, u.feed),
            after: byUrl(atManyCorrections.result, u.feed),
          },
          {
            what: 'corrections.json (JSON Feed, latest 50)',
            from: `${firstCorrectionOf(small)} corrections`,
            to: `${settings.corrections.large} corrections`,
            before: byUrl(atSmall.result, u.jsonFeed),
            after: byUrl(atManyCorrections.result, u.jsonFeed),
          },
          {
            what: 'corrections feed, JSON (page size 50)',
            from: `${firstCorrectionOf(small)} corrections`,
            to: `${firstCorrectionOf(large)} corrections (${large} stories)`,
            before: byUrl(atSmall.result, u.feed),
            after: byUrl(atLarge.result, u.feed),
          },
        ];

        return {
          databaseVersion,
          seedTimes,
          rssWithPlugin,
          overhead: { list: list.result, single: single.result },
          queryCounts,
          feedQueriesAtScale,
          scale,
          diagnosis: {
            storyList: listDiagnosis,
            storyListAfterAnalyze: listDiagnosisAfterAnalyze,
            feed: feedDiagnosis,
          },
          publish: publish.result,
          floor: [floorAtSmall.result, floorAtLarge.result],
          mixed,
          varnish: varnishUrl !== null,
        };
      })
    )
  );
  loadAverages.end = os.loadavg()[0];

  const report: BenchResults = {
    date: new Date().toISOString(),
    smoke,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: {
      nproc: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      database: results.databaseVersion,
      loadAverages,
    },
    settings,
    ...results,
    memory: { withoutPlugin: rssWithoutPlugin, withPlugin: results.rssWithPlugin },
  };
  writeReport(report, out);
  log(`done in ${report.durationSeconds}s: ${out} and ${out.replace(/\.json$/, '.md')}`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
