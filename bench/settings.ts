import type { LoadSettings } from './load';
import type { MixedSettings } from './mixed';

/**
 * What a run measures. The full run answers the questions (1,000 and 10,000 stories,
 * 100,000 corrections, the floor and Varnish cases, a 60 s mixed load); the smoke run (`--smoke` or BENCH_SMOKE=1) goes through every step on
 * small sizes in about a minute, so CI keeps the bench working. Neither asserts any timing.
 */
export type BenchSettings = {
  smoke: boolean;
  stories: { small: number; large: number };
  corrections: { large: number };
  load: LoadSettings;
  /** The floor cases (14 URLs at the small size, 8 at the large): the smoke's are shorter still. */
  floorLoad: LoadSettings;
  publish: { stories: number; rounds: number };
  pageSizes: number[];
  /** The mixed load of readers and editors, run directly on Strapi and through Varnish. */
  mixed: MixedSettings;
};

export const benchSettings = (smoke: boolean): BenchSettings =>
  smoke
    ? {
        smoke,
        stories: { small: 100, large: 400 },
        corrections: { large: 2_000 },
        load: { connections: 4, seconds: 1, rounds: 1, warmup: 1 },
        floorLoad: { connections: 4, seconds: 1, rounds: 1, warmup: 0 },
        publish: { stories: 2, rounds: 2 },
        pageSizes: [10, 25, 100],
        mixed: { seconds: 3, readers: 4, editors: 2 },
      }
    : {
        smoke,
        stories: { small: 1_000, large: 10_000 },
        corrections: { large: 100_000 },
        load: { connections: 8, seconds: 5, rounds: 3, warmup: 2 },
        floorLoad: { connections: 8, seconds: 5, rounds: 3, warmup: 2 },
        publish: { stories: 5, rounds: 8 },
        pageSizes: [10, 25, 100],
        mixed: { seconds: 60, readers: 20, editors: 2 },
      };
