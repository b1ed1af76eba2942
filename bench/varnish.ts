import path from 'path';

import { findVarnishd, startVarnish, type Varnish } from '../test/helpers/varnish';

/**
 * Debian's varnishd with the shipped docs/deploy/varnish.vcl in front of the bench's Strapi, started
 * as the cache test starts it (test/helpers/varnish.ts). A run without varnishd fails and says what
 * to install, unless BENCH_SKIP_VARNISH=1 asks to leave the Varnish cases out.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SHIPPED_VCL = path.join(REPO_ROOT, 'docs', 'deploy', 'varnish.vcl');

export const varnishSkipped = () => process.env.BENCH_SKIP_VARNISH === '1';

export const startBenchVarnish = async (baseUrl: string): Promise<Varnish | null> => {
  if (varnishSkipped()) {
    return null;
  }
  const varnishd = findVarnishd();
  if (!varnishd) {
    throw new Error(
      'varnishd was not found: `apt-get install -y varnish varnish-modules` (Debian), or BENCH_SKIP_VARNISH=1 to leave the Varnish cases out'
    );
  }
  const { hostname, port } = new URL(baseUrl);
  return startVarnish(varnishd, { host: hostname, port: Number(port) }, SHIPPED_VCL);
};

/** Reads `url` through Varnish until it is a cache hit: the cached-read cases measure hits. */
export const warmUntilHit = async (url: string) => {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) {
      throw new Error(`GET ${url} through Varnish: ${response.status}`);
    }
    if (response.headers.get('x-cache') === 'HIT') {
      return;
    }
  }
  throw new Error(`GET ${url} through Varnish: never a cache hit (X-Cache is not HIT)`);
};

/** Empties Varnish of the plugin's answers (every one carries this key), as a purge would. */
export const purgeAll = async (varnishUrl: string) => {
  const response = await fetch(varnishUrl, {
    method: 'PURGE',
    headers: { xkey: 'intelligence-stories' },
  });
  await response.arrayBuffer();
  if (!response.ok) {
    throw new Error(`PURGE ${varnishUrl}: ${response.status}`);
  }
};
