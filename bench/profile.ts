import fs from 'fs';
import os from 'os';
import path from 'path';

import { createTestDatabase } from '../test/helpers/database';
import { storyContent } from './content';
import { fire } from './load';
import type { CpuSummary } from './profiler';
import { startServer } from './server-process';

/**
 * `npm run bench:profile`: where a public read's time goes, for BENCHMARKS.md's account of the
 * targets the reads miss. Boots the playground as the bench does (SQLite, or PostgreSQL with
 * DATABASE_CLIENT=postgres), seeds 1,000 stories, and for each read below runs 10 s of load with
 * V8's sampling profiler on in the server (bench/profiler.ts), then writes a summary of each
 * profile (self time by package and function, time in each stage) to bench-results/. The floor
 * route is profiled too, as the yardstick: what any Strapi route pays.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const STORIES = 1_000;
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const CONNECTIONS = 8;

const log = (message: string) =>
  console.log(`[profile ${new Date().toISOString().slice(11, 19)}] ${message}`);

const READ_ACTIONS = [
  'story.find',
  'story.findOne',
  'story.jsonld',
  'correction.find',
  'correction.rss',
  'correction.jsonFeed',
].map((action) => `plugin::intelligence-stories.${action}`);

const table = (rows: Array<{ name: string; ms: number; share: number }>) => [
  '| Where | ms | Share of busy time |',
  '| --- | ---: | ---: |',
  ...rows.map((row) => `| \`${row.name.replace(/\|/g, '\\|')}\` | ${row.ms} | ${row.share}% |`),
];

const main = async () => {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  const database = await createTestDatabase();
  const server = await startServer(database.env);
  const results: Array<{ name: string; url: string; requests: number; cpu: CpuSummary }> = [];
  try {
    await server.call('grantPublicRead', {
      actions: [...READ_ACTIONS, 'api::bench-floor.bench-floor.find'],
    });
    log(`seeding ${STORIES} stories`);
    await server.call('seed', {
      from: 0,
      stories: STORIES,
      extraCorrections: 0,
      spreadOver: 1,
      plugin: true,
      plain: false,
    });
    const api = `${server.baseUrl}/api/intelligence-stories`;
    const slug = storyContent(0).slug;
    const single = await (await fetch(`${api}/stories/${slug}`)).json();
    await server.call('setFloorPayload', { payload: single });
    const reads: Array<[string, string]> = [
      ['the floor (a constant story-sized JSON)', `${server.baseUrl}/api/bench-floor`],
      ['single story', `${api}/stories/${slug}`],
      ['story list, page size 25', `${api}/stories?pagination[pageSize]=25`],
      ['JSON-LD', `${api}/stories/${slug}/jsonld`],
      ['corrections feed (JSON, 50)', `${api}/corrections?pagination[pageSize]=50`],
      ['corrections.rss', `${api}/corrections.rss`],
    ];
    for (const [name, url] of reads) {
      log(`${name}: warming up, then ${SECONDS} s under the profiler`);
      await fire(url, CONNECTIONS, 2);
      await server.call('startProfile', {});
      const load = await fire(url, CONNECTIONS, SECONDS);
      const cpu = await server.call('stopProfile', {});
      results.push({ name, url, requests: load.requests.total, cpu });
    }
  } finally {
    await server.stop();
    await database.drop();
  }

  const lines = [
    `CPU profiles of the public reads, ${new Date().toISOString()}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node.js ${process.version}, ${client}, ${STORIES} stories, ${CONNECTIONS} connections for ${SECONDS} s each, V8's sampling profiler at 0.2 ms in the server.`,
    '',
  ];
  for (const { name, requests, cpu } of results) {
    const perRequest = (cpu.busyMs / Math.max(requests, 1)).toFixed(2);
    lines.push(
      `### ${name}`,
      '',
      `${requests} requests; the server busy ${cpu.busyMs} ms of ${cpu.totalMs} (${perRequest} ms of CPU a request), garbage collection ${cpu.gcMs} ms.`,
      '',
      '**Self time by package**',
      '',
      ...table(cpu.byPackage),
      '',
      '**Time in each stage** (with its callees)',
      '',
      ...table(cpu.stages),
      '',
      '**Self time by function** (the 20 busiest)',
      '',
      ...table(cpu.byFunction),
      ''
    );
  }
  const outDir = path.join(REPO_ROOT, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `profile-${client}.md`);
  fs.writeFileSync(out, lines.join('\n'));
  fs.writeFileSync(out.replace(/\.md$/, '.json'), JSON.stringify(results, null, 2));
  log(`written: ${out}`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
