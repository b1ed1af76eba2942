import fs from 'fs';
import path from 'path';

import type { FloorStep } from './floor';
import type { LoadResult } from './load';
import type { MixedResult } from './mixed';
import type { MemorySample, PublishTimings } from './protocol';
import type { BenchSettings } from './settings';

/** The run's results as JSON (everything) and Markdown (the tables docs/benchmarks.md shows). */

export type QueryCountRow = {
  request: string;
  plugin: number;
  plain: number | null;
  pluginSql: string[];
  plainSql: string[] | null;
};

export type ScaleStep = {
  what: string;
  from: string;
  to: string;
  before: LoadResult;
  after: LoadResult;
};

type Diagnosis = Array<{ sql: string; ms: number; plan: string[] }>;

export type BenchResults = {
  date: string;
  smoke: boolean;
  durationSeconds: number;
  machine: {
    nproc: number;
    cpu: string;
    memoryGiB: number;
    node: string;
    database: string;
    loadAverages: Record<string, number>;
  };
  settings: BenchSettings;
  seedTimes: Record<string, number>;
  overhead: { list: LoadResult[]; single: LoadResult[] };
  queryCounts: QueryCountRow[];
  feedQueriesAtScale: number;
  scale: ScaleStep[];
  diagnosis: { storyList: Diagnosis; storyListAfterAnalyze: Diagnosis; feed: Diagnosis };
  publish: PublishTimings;
  memory: { withoutPlugin: MemoryAfterLoad; withPlugin: MemoryAfterLoad };
  /** The floor step at the small and at the large size (issue 18). */
  floor: FloorStep[];
  /** The mixed load, on Strapi and (unless Varnish was skipped) through Varnish. */
  mixed: MixedResult[];
  varnish: boolean;
};

/** RSS as the OS saw it right after the load, and the process's own figures after a full GC. */
export type MemoryAfterLoad = { rss: number; afterGc: MemorySample };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const fixed = (value: number, digits = 2) => value.toFixed(digits);
const mib = (bytes: number) => `${fixed(bytes / 1024 ** 2, 0)} MiB`;
const signedMib = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${mib(Math.abs(bytes))}`;
const verdict = (met: boolean) => (met ? 'met' : '**missed**');

export const summarize = (results: BenchResults) => {
  const [pluginList, plainList] = results.overhead.list;
  const [pluginSingle, plainSingle] = results.overhead.single;
  const listRatio = pluginList.requestsPerSecond / plainList.requestsPerSecond;
  const singleRatio = pluginSingle.requestsPerSecond / plainSingle.requestsPerSecond;
  const listCounts = results.queryCounts
    .filter((row) => row.request.startsWith('story list'))
    .map((row) => row.plugin);
  const gate = median(results.publish.gate);
  const rulesOff = median(results.publish.rulesOff);
  const scale = results.scale.map((step) => ({ ...step, ratio: step.after.p50 / step.before.p50 }));
  return {
    listRatio,
    singleRatio,
    listCounts,
    sameCountAtEveryPageSize: new Set(listCounts).size === 1,
    scale,
    publish: { gate, rulesOff, ratio: gate / rulesOff },
    floor: results.floor.map((step) => ({
      ...step,
      cases: step.cases.map((c) => ({
        ...c,
        ratio: c.result.requestsPerSecond / step.floor.requestsPerSecond,
      })),
    })),
    mixed: results.mixed.map((run) => ({
      ...run,
      met:
        run.reads.errors + run.reads.non2xx + run.reads.timeouts === 0 &&
        run.writes.corrections.refused.length + run.writes.republishes.refused.length === 0 &&
        run.lostWrites.corrections + run.lostWrites.republishes === 0 &&
        run.reads.p99 <= 10 * run.reads.p50,
    })),
    memoryRatio: results.memory.withPlugin.rss / results.memory.withoutPlugin.rss,
  };
};

export const toMarkdown = (results: BenchResults) => {
  const s = summarize(results);
  const { machine } = results;
  const lines: string[] = [];
  const row = (...cells: Array<string | number>) => lines.push(`| ${cells.join(' | ')} |`);

  lines.push(
    `Run of ${results.date} (${results.smoke ? 'smoke' : 'full'}, ${results.durationSeconds} s): ` +
      `${machine.nproc} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node.js ${machine.node}, ${machine.database}. ` +
      `Load average (1 min) at start ${fixed(machine.loadAverages.start)}, during the overhead cases ` +
      `${fixed(machine.loadAverages.overhead ?? NaN)}, the scale cases ${fixed(machine.loadAverages.scale ?? NaN)}, ` +
      `the publish cases ${fixed(machine.loadAverages.publish ?? NaN)}, the floor cases ` +
      `${fixed(machine.loadAverages.floorSmall ?? NaN)} and ${fixed(machine.loadAverages.floorLarge ?? NaN)}, ` +
      `the mixed loads ${fixed(machine.loadAverages.mixed ?? NaN)} and ${fixed(machine.loadAverages.mixedVarnish ?? NaN)}.`,
    ''
  );

  lines.push(
    '**1. Overhead over plain Strapi** (same content, same shape; ratio = plugin ÷ plain requests/s; target ≥ 0.9)',
    ''
  );
  row(
    'Request',
    'Plugin req/s',
    'Plugin p50 / p99 (ms)',
    'Plain req/s',
    'Plain p50 / p99 (ms)',
    'Ratio',
    'Target'
  );
  row('---', '---:', '---:', '---:', '---:', '---:', '---');
  const overheadRow = (label: string, plugin: LoadResult, plain: LoadResult, ratio: number) =>
    row(
      label,
      fixed(plugin.requestsPerSecond, 1),
      `${plugin.p50} / ${plugin.p99}`,
      fixed(plain.requestsPerSecond, 1),
      `${plain.p50} / ${plain.p99}`,
      `${fixed(ratio)}x`,
      verdict(ratio >= 0.9)
    );
  overheadRow(
    'Story list, page size 25',
    results.overhead.list[0],
    results.overhead.list[1],
    s.listRatio
  );
  overheadRow(
    'Single story',
    results.overhead.single[0],
    results.overhead.single[1],
    s.singleRatio
  );
  lines.push('');

  lines.push('**2. Database queries per request** (target: the same count at every page size)', '');
  row('Request', 'Plugin', 'Plain Strapi');
  row('---', '---:', '---:');
  for (const count of results.queryCounts) {
    row(count.request, count.plugin, count.plain ?? '–');
  }
  row(
    `corrections feed (JSON, 50) at ${results.settings.corrections.large} corrections`,
    results.feedQueriesAtScale,
    '–'
  );
  // Every public read once: the list at page size 25 only.
  const publicReads = results.queryCounts.filter(
    (count) =>
      !/^(the floor|Strapi's)/.test(count.request) &&
      (!count.request.startsWith('story list') || count.request.endsWith(' 25'))
  );
  const mostQueries = Math.max(...publicReads.map((count) => count.plugin));
  lines.push(
    '',
    `Story list: ${verdict(s.sameCountAtEveryPageSize)} (${s.listCounts.join(', ')}). ` +
      `Queries per public read (issue 18's target ≤ 2; knex \`query\` events, BEGIN/COMMIT included): ` +
      `at most ${mostQueries}, ${verdict(mostQueries <= 2)}.`,
    ''
  );

  lines.push('**3. Scale** (target: p50 at most 2x across each step)', '');
  row(
    'Request',
    'From',
    'To',
    'p50 before (ms)',
    'p50 after (ms)',
    'req/s before → after',
    'p50 ratio',
    'Target'
  );
  row('---', '---', '---', '---:', '---:', '---:', '---:', '---');
  for (const step of s.scale) {
    row(
      step.what,
      step.from,
      step.to,
      step.before.p50,
      step.after.p50,
      `${fixed(step.before.requestsPerSecond, 1)} → ${fixed(step.after.requestsPerSecond, 1)}`,
      `${fixed(step.ratio)}x`,
      verdict(step.ratio <= 2)
    );
  }
  lines.push('');

  lines.push(
    "**4. Publish cost** (same stories republished through the Document Service; issue 18's target: the gate plus snapshot writing at most 1.5x a publish with every rule off and no snapshot)",
    ''
  );
  row('Rules', 'Median ms', 'Publishes', 'Queries per publish');
  row('---', '---:', '---:', '---:');
  const { queries } = results.publish;
  row(
    'Defaults (the gate), snapshot written',
    fixed(s.publish.gate, 1),
    results.publish.gate.length,
    queries.gate
  );
  row(
    "All 'off', no snapshot",
    fixed(s.publish.rulesOff, 1),
    results.publish.rulesOff.length,
    queries.rulesOff
  );
  lines.push(
    '',
    `Gate and snapshot ÷ rules off without: ${fixed(s.publish.ratio)}x, ${verdict(s.publish.ratio <= 1.5)}. ` +
      `A story breaking R8 was ${results.publish.refusedWithGate ? 'refused' : '**not refused**'} with the defaults (the gate was on).`,
    ''
  );

  lines.push('**5. Memory** (server RSS after the same load on the plain type)', '');
  row('Playground', 'RSS after the load', 'RSS after a full GC', 'JS heap used after GC');
  row('---', '---:', '---:', '---:');
  const memoryRow = (label: string, memory: MemoryAfterLoad) =>
    row(label, mib(memory.rss), mib(memory.afterGc.rss), mib(memory.afterGc.heapUsed));
  memoryRow('Without the plugin', results.memory.withoutPlugin);
  memoryRow('With the plugin', results.memory.withPlugin);
  const { withPlugin, withoutPlugin } = results.memory;
  lines.push(
    '',
    `RSS with ÷ without: ${fixed(s.memoryRatio)}x (${signedMib(withPlugin.rss - withoutPlugin.rss)}); ` +
      `JS heap after GC: ${signedMib(withPlugin.afterGc.heapUsed - withoutPlugin.afterGc.heapUsed)}.`,
    ''
  );
  lines.push(...floorMarkdown(results, s.floor), ...mixedMarkdown(s.mixed));
  return lines.join('\n');
};

const floorMarkdown = (
  results: BenchResults,
  steps: ReturnType<typeof summarize>['floor']
): string[] => {
  const lines: string[] = [];
  const row = (...cells: Array<string | number>) => lines.push(`| ${cells.join(' | ')} |`);
  // Counted once, at the small size (section 2); the list at page size 25.
  const queries = (label: string) =>
    results.queryCounts.find((count) => count.request.startsWith(label.split(' (')[0]))?.plugin ??
    '–';
  lines.push(
    "**6. The floor** (issue 18: requests/s as a ratio of `GET /api/bench-floor`, a constant JSON of the single story's size served by Strapi through the same global middlewares, in the same alternating rounds; targets: single story and JSON-LD ≥ 0.5x, list ≥ 0.3x, feeds ≥ 0.5x, through Varnish ≥ 10x)",
    ''
  );
  for (const step of steps) {
    lines.push(
      `At ${step.stories} stories: Strapi's \`GET /_health\` ${fixed(step.health.requestsPerSecond, 1)} req/s ` +
        `(p50 / p99 ${step.health.p50} / ${step.health.p99} ms); the floor (${step.payloadBytes} bytes) ` +
        `${fixed(step.floor.requestsPerSecond, 1)} req/s (p50 / p99 ${step.floor.p50} / ${step.floor.p99} ms), ` +
        `${fixed(step.floor.requestsPerSecond / step.health.requestsPerSecond)}x \`/_health\`.`,
      ''
    );
    row('Request', 'Via', 'req/s', 'p50 / p99 (ms)', 'Queries', '÷ floor', '÷ /_health', 'Target');
    row('---', '---', '---:', '---:', '---:', '---:', '---:', '---');
    for (const c of step.cases) {
      row(
        c.label,
        c.via === 'varnish' ? 'Varnish (hits)' : 'Strapi',
        fixed(c.result.requestsPerSecond, 1),
        `${c.result.p50} / ${c.result.p99}`,
        c.via === 'strapi' ? queries(c.label) : 0,
        `${fixed(c.ratio)}x`,
        `${fixed(c.result.requestsPerSecond / step.health.requestsPerSecond)}x`,
        c.target === null ? '–' : `≥ ${c.target}x: ${verdict(c.ratio >= c.target)}`
      );
    }
    lines.push('');
  }
  if (!results.varnish) {
    lines.push('Varnish was skipped (BENCH_SKIP_VARNISH=1).', '');
  }
  return lines;
};

const mixedMarkdown = (runs: ReturnType<typeof summarize>['mixed']): string[] => {
  const lines: string[] = [];
  const row = (...cells: Array<string | number>) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(
    "**7. Mixed load** (readers on the list, single stories, JSON-LD and feeds while editors correct and republish over the admin API; issue 18's target: 0 errors, 0 lost writes, p99 ≤ 10x p50)",
    ''
  );
  row(
    'Readers via',
    'Seconds',
    'Readers / editors',
    'Reads',
    'Read req/s',
    'Read p50 / p99 (ms)',
    'Read errors',
    'Corrections ack / tried',
    'Republishes ack / tried',
    'Write p50 / p99 (ms)',
    'Lost writes',
    'Target'
  );
  row('---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---');
  for (const run of runs) {
    row(
      run.via === 'varnish' ? 'Varnish (purged)' : 'Strapi',
      run.seconds,
      `${run.readers} / ${run.editors}`,
      run.reads.requests,
      fixed(run.reads.requestsPerSecond, 1),
      `${run.reads.p50} / ${run.reads.p99}`,
      run.reads.errors + run.reads.non2xx + run.reads.timeouts,
      `${run.writes.corrections.acknowledged} / ${run.writes.corrections.attempted}`,
      `${run.writes.republishes.acknowledged} / ${run.writes.republishes.attempted}`,
      `${run.writes.p50} / ${run.writes.p99}`,
      run.lostWrites.corrections + run.lostWrites.republishes,
      verdict(run.met)
    );
  }
  lines.push('');
  const notes = runs.flatMap((run) =>
    [
      ...run.writes.corrections.refused,
      ...run.writes.republishes.refused,
      ...run.lostWrites.details,
    ]
      .slice(0, 6)
      .map((line) => `- ${run.via}: ${line}`)
  );
  if (notes.length > 0) {
    lines.push(...notes, '');
  }
  return lines;
};

export const writeReport = (results: BenchResults, jsonPath: string) => {
  fs.mkdirSync(path.dirname(jsonPath), { recursive: true });
  fs.writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(jsonPath.replace(/\.json$/, '.md'), `${toMarkdown(results)}\n`);
  console.log(`\n${toMarkdown(results)}`);
};
