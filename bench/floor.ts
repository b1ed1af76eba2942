import { isDeepStrictEqual } from 'util';

import { loadInRounds, type LoadResult, type LoadSettings } from './load';
import type { ServerProcess } from './server-process';
import { warmUntilHit } from './varnish';

/**
 * The framework's floor (issue 18): the plugin's public reads against what Strapi itself answers
 * through the same global middlewares, in the same alternating rounds. Two floors: Strapi's own
 * `GET /_health` (an empty 204), and `GET /api/bench-floor`, a constant JSON that is the plugin's
 * own single-story answer (playground/src/api/bench-floor), so it costs the routing, the
 * users-permissions check and the serialization of a story-sized payload and nothing else. With a
 * Varnish in front, the same public reads through it (cache hits) against the direct floor.
 */

export type FloorCase = {
  label: string;
  via: 'strapi' | 'varnish';
  /** Minimum requests/s as a ratio of the floor (issue 18's targets); null for the floors. */
  target: number | null;
  result: LoadResult;
};

export type FloorStep = {
  stories: number;
  /** Bytes of the floor's payload (= the single story's JSON as the plugin serves it). */
  payloadBytes: number;
  health: LoadResult;
  floor: LoadResult;
  cases: FloorCase[];
};

const PLUGIN_READS = (slug: string) => [
  { label: 'single story', path: `/stories/${slug}`, target: 0.5 },
  { label: 'story list, page size 25', path: '/stories?pagination[pageSize]=25', target: 0.3 },
  { label: 'JSON-LD', path: `/stories/${slug}/jsonld`, target: 0.5 },
  {
    label: 'corrections feed (JSON, 50)',
    path: '/corrections?pagination[pageSize]=50',
    target: 0.5,
  },
  { label: 'corrections.rss', path: '/corrections.rss', target: 0.5 },
  { label: 'corrections.json (JSON Feed)', path: '/corrections.json', target: 0.5 },
];

const VARNISH_TARGET = 10;

const readJson = async (url: string) => {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`GET ${url}: ${response.status}`);
  }
  return response.json() as Promise<unknown>;
};

/** Sets the floor's payload to the single story's answer and checks both floors answer. */
const prepareFloor = async (server: ServerProcess, singleUrl: string) => {
  const payload = await readJson(singleUrl);
  const { bytes } = await server.call('setFloorPayload', { payload });
  const floorUrl = `${server.baseUrl}/api/bench-floor`;
  if (!isDeepStrictEqual(await readJson(floorUrl), payload)) {
    throw new Error(`GET ${floorUrl} does not answer the single story's payload`);
  }
  const health = await fetch(`${server.baseUrl}/_health`);
  if (health.status !== 204) {
    throw new Error(`GET /_health: ${health.status}`);
  }
  return { floorUrl, healthUrl: `${server.baseUrl}/_health`, bytes };
};

export const measureFloor = async (
  server: ServerProcess,
  {
    slug,
    stories,
    load,
    varnishUrl,
  }: { slug: string; stories: number; load: LoadSettings; varnishUrl: string | null }
): Promise<FloorStep> => {
  const api = (base: string) => `${base}/api/intelligence-stories`;
  const reads = PLUGIN_READS(slug);
  const { floorUrl, healthUrl, bytes } = await prepareFloor(
    server,
    `${api(server.baseUrl)}${reads[0].path}`
  );

  const cases: Array<Omit<FloorCase, 'result'> & { url: string }> = reads.map((read) => ({
    label: read.label,
    via: 'strapi',
    target: read.target,
    url: `${api(server.baseUrl)}${read.path}`,
  }));
  if (varnishUrl) {
    for (const read of reads) {
      const url = `${api(varnishUrl)}${read.path}`;
      await warmUntilHit(url);
      cases.push({ label: read.label, via: 'varnish', target: VARNISH_TARGET, url });
    }
  }

  const results = await loadInRounds([healthUrl, floorUrl, ...cases.map((c) => c.url)], load);
  const [health, floor, ...measured] = results;
  return {
    stories,
    payloadBytes: bytes,
    health,
    floor,
    cases: cases.map(({ label, via, target }, index) => ({
      label,
      via,
      target,
      result: measured[index],
    })),
  };
};
