import autocannon from 'autocannon';

/**
 * HTTP load from the bench process (the server runs in a process of its own), with autocannon.
 * Cases compared with each other run in alternating rounds, so a burst of noise on a shared
 * machine falls on both sides instead of on one.
 */

export type LoadSettings = { connections: number; seconds: number; rounds: number; warmup: number };

export type LoadResult = {
  url: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  rounds: number;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

const round1 = (value: number) => Math.round(value * 10) / 10;

export const fire = async (url: string, connections: number, seconds: number) => {
  const result = await autocannon({ url, connections, duration: seconds });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) {
    throw new Error(
      `${url}: ${failed} failed request(s) of ${result.requests.total} (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`
    );
  }
  return result;
};

/** Each URL under load for `rounds` rounds of `seconds`, in turn; medians across rounds. */
export const loadInRounds = async (
  urls: string[],
  { connections, seconds, rounds, warmup }: LoadSettings
): Promise<LoadResult[]> => {
  for (const url of warmup > 0 ? urls : []) {
    await fire(url, connections, warmup);
  }
  const runs = urls.map(() => [] as autocannon.Result[]);
  for (let round = 0; round < rounds; round += 1) {
    // Alternate who goes first, so neither side always follows the other.
    const order = urls.map((_, index) => index);
    if (round % 2 === 1) {
      order.reverse();
    }
    for (const index of order) {
      runs[index].push(await fire(urls[index], connections, seconds));
    }
  }
  return urls.map((url, index) => ({
    url,
    requestsPerSecond: round1(mean(runs[index].map((run) => run.requests.average))),
    p50: round1(median(runs[index].map((run) => run.latency.p50))),
    p99: round1(median(runs[index].map((run) => run.latency.p99))),
    requests: runs[index].reduce((sum, run) => sum + run.requests.total, 0),
    rounds,
  }));
};
