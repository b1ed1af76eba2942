import http from 'http';

export type WalkRequest = {
  method: string;
  /** Path with its query string, e.g. `/content-manager/init?fields[0]=alias`. */
  url: string;
  headers: Record<string, string>;
  body?: unknown;
};

export type WalkResponse = { status: number; text: string };

/**
 * One keep-alive agent for the whole walk: thousands of calls over a handful of sockets, instead
 * of a TCP handshake each (supertest opens a connection per request).
 */
export const createClient = (baseUrl: string, { sockets = 6, timeoutMs = 15_000 } = {}) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const { hostname, port } = new URL(baseUrl);

  const send = ({ method, url, headers, body }: WalkRequest): Promise<WalkResponse> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = http.request(
        {
          agent,
          hostname,
          port,
          method,
          path: url,
          headers: {
            ...headers,
            ...(payload === undefined
              ? {}
              : {
                  'Content-Type': 'application/json',
                  'Content-Length': String(Buffer.byteLength(payload)),
                }),
          },
          timeout: timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
            })
          );
          response.on('error', reject);
        }
      );
      // A route that never answers is a finding of its own, not a hung walk.
      request.on('timeout', () => request.destroy(new Error(`timeout after ${timeoutMs} ms`)));
      request.on('error', reject);
      request.end(payload);
    });

  return { send, close: () => agent.destroy() };
};

/** Runs `work` over `items` with at most `size` in flight, keeping the items' order in the result. */
export const inPool = async <T, R>(
  items: T[],
  size: number,
  work: (item: T) => Promise<R>
): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
};
