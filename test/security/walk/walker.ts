import type { Core } from '@strapi/strapi';

import type { Caller } from './callers';
import { leaksIn, isEntitled, type Leak } from './entitlement';
import type { Canary } from './fixture';
import { createClient, inPool, type WalkResponse } from './http';
import { STRAPI_5XX_DEFECTS, type FilledRoute } from './routes';
import { ALL_PRIVATE_FIELDS, bodiesFor, variantsFor, type Variant } from './variants';

export type Finding = {
  route: string;
  url: string;
  caller: string;
  variant: string;
  status: number;
  problem: string;
};

type Step = {
  filled: FilledRoute;
  caller: Caller;
  variant: Variant;
  body?: unknown;
};

// variantsFor puts its two variants that name nothing of the schema first.
const BASE_VARIANTS = 2;
const REFUSALS = new Set([401, 403, 404, 405]);

const onePairPerKind = (variants: Variant[]) => {
  const seen = new Set<string>();
  return variants.filter((variant) => {
    if (variant.kind !== 'pair' || seen.has(variant.reveals.kind)) {
      return false;
    }
    seen.add(variant.reveals.kind);
    return true;
  });
};

const sample = (variants: Variant[]) => [
  ...variants.filter(({ name }) => name === ALL_PRIVATE_FIELDS),
  ...onePairPerKind(variants),
];

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);
const routeKey = ({ route }: FilledRoute) => `${route.method} ${route.path}`;

// A write that removes or replaces what later calls read runs after every other call of its caller.
const isDestructive = ({ route }: FilledRoute) =>
  route.method === 'DELETE' || /delete|regenerate|discard|unpublish/i.test(route.path);

/**
 * Calls every filled route as every caller with every variant, and records each answer that holds
 * a canary the caller is not entitled to, differs between the two halves of an oracle pair, or is
 * a 5xx. Reads run first, all callers at once; then writes, caller by caller from the least
 * privileged, each caller's destructive calls last, so what a write changes is seen only by the
 * callers after it.
 */
export const walk = async ({
  strapi,
  baseUrl,
  routes,
  callers,
  canaries,
  idsOf,
  concurrency = 6,
  onFinding,
}: {
  strapi: Core.Strapi;
  baseUrl: string;
  routes: FilledRoute[];
  callers: Caller[];
  canaries: Canary[];
  idsOf: (uid: string | undefined) => string[];
  concurrency?: number;
  /** Called as each finding is made, so a long walk can be followed (ROUTE_WALK_LOG). */
  onFinding?: (finding: Finding) => void;
}) => {
  const client = createClient(baseUrl, { sockets: concurrency });
  const findings: Finding[] = [];
  let calls = 0;
  const variantCache = new Map<string, Variant[]>();
  const variantsOf = (subject: string | undefined) => {
    const key = subject ?? '';
    if (!variantCache.has(key)) {
      variantCache.set(key, variantsFor(strapi, subject));
    }
    return variantCache.get(key)!;
  };

  const perRoute = new Map<string, number>();
  // Milliseconds each route's calls took, summed: what makes the walk long, reported by the test.
  const timePerRoute = new Map<string, number>();
  const strapiDefects = new Map<string, number>();
  const call = async (step: Step, query: string): Promise<WalkResponse> => {
    calls += 1;
    const route = routeKey(step.filled);
    perRoute.set(route, (perRoute.get(route) ?? 0) + 1);
    const started = performance.now();
    try {
      return await client.send({
        method: step.filled.route.method,
        url: withQuery(step.filled.path, query),
        headers: step.caller.headers,
        body: step.body,
      });
    } catch (error) {
      return { status: 0, text: `no answer: ${(error as Error).message}` };
    } finally {
      timePerRoute.set(route, (timePerRoute.get(route) ?? 0) + performance.now() - started);
    }
  };

  const record = (step: Step, query: string, res: WalkResponse, problem: string) => {
    const finding = {
      route: routeKey(step.filled),
      url: withQuery(step.filled.path, query),
      caller: step.caller.name,
      variant:
        step.body === undefined
          ? step.variant.name
          : `${step.variant.name}, body ${JSON.stringify(step.body)}`,
      status: res.status,
      problem,
    };
    findings.push(finding);
    onFinding?.(finding);
  };

  const check = (step: Step, query: string, res: WalkResponse) => {
    const route = routeKey(step.filled);
    if ((res.status >= 500 || res.status === 0) && STRAPI_5XX_DEFECTS[route]) {
      strapiDefects.set(route, (strapiDefects.get(route) ?? 0) + 1);
    } else if (res.status >= 500 || res.status === 0) {
      record(step, query, res, `server error: ${res.text.slice(0, 200)}`);
    }
    const leaks: Leak[] = leaksIn(res.text, step.caller, routeKey(step.filled), canaries);
    for (const leak of leaks) {
      record(step, query, res, `leaked ${leak.canary} (${leak.what})`);
    }
  };

  const runAndResponse = async (step: Step) => {
    const { variant } = step;
    const first = await call(step, variant.query);
    check(step, variant.query, first);
    if (variant.kind !== 'pair') {
      return first;
    }
    const second = await call(step, variant.other);
    check(step, variant.other, second);
    if (isEntitled(step.caller, variant.reveals, routeKey(step.filled))) {
      return first;
    }
    // Two refusals answer nothing, even when their messages name the key each was refused for.
    const same = (a: WalkResponse, b: WalkResponse) =>
      a.status === b.status && (a.status >= 400 || a.text === b.text);
    if (!same(first, second)) {
      // Answers that change by themselves (a token's lastUsedAt, a clock) are no oracle.
      const again = await call(step, variant.other);
      if (same(second, again)) {
        record(
          step,
          variant.query,
          first,
          `oracle: answers differ from ${variant.other} (${variant.reveals.kind})`
        );
      }
    }
    return first;
  };
  const run = async (step: Step) => {
    await runAndResponse(step);
  };
  let skippedAsRefused = 0;

  const reads = routes.filter(({ route }) => route.method === 'GET');
  const writes = routes.filter(({ route }) => route.method !== 'GET');
  const pairs = reads.flatMap((filled) => callers.map((caller) => ({ filled, caller })));
  const [base, rest] = [
    (subject?: string) => variantsOf(subject).slice(0, BASE_VARIANTS),
    (subject?: string) => variantsOf(subject).slice(BASE_VARIANTS),
  ];
  // The base variants first, for every caller: a caller refused at the door by both is not
  // asked the rest (a permission check that read the query before refusing would still be seen
  // in them), which is what keeps tens of thousands of calls within minutes.
  const answers = await inPool(pairs, concurrency, async ({ filled, caller }) => {
    const responses: WalkResponse[] = [];
    for (const variant of base(filled.subject)) {
      responses.push(await runAndResponse({ filled, caller, variant }));
    }
    return responses;
  });
  const fullyAsked = new Set<string>();
  const readSteps = pairs.flatMap(({ filled, caller }, index) => {
    const responses = answers[index];
    if (responses.every(({ status }) => REFUSALS.has(status))) {
      skippedAsRefused += 1;
      return [];
    }
    const variants = rest(filled.subject);
    // A route that answers `populate=*` and `fields=*` exactly as it answers nothing reads no
    // query (a configuration, a schema); and a route that answers the caller about a schema it
    // has already been asked everything about (a second `createdBy` relation, a second id) adds
    // little with the same questions. Both get the sample: every private field at once and one
    // oracle pair per kind of secret.
    const ignoresQuery = responses.every(
      ({ status, text }) => status === responses[0].status && text === responses[0].text
    );
    const key = `${caller.name}|${routeKey(filled)}|${filled.subject ?? ''}`;
    const asked = ignoresQuery || fullyAsked.has(key) ? sample(variants) : variants;
    fullyAsked.add(key);
    return asked.map((variant) => ({ filled, caller, variant }));
  });
  await inPool(readSteps, concurrency, run);

  const writeVariants: Variant[] = [
    { kind: 'single', name: 'none', query: '' },
    { kind: 'single', name: 'populate=*', query: 'populate=*' },
  ];
  for (const caller of callers) {
    for (const group of [writes.filter((w) => !isDestructive(w)), writes.filter(isDestructive)]) {
      // An empty body as it is, then, unless that was refused at the door, the body that tries
      // to read with `populate=*` on the query.
      // One write at a time: concurrent writes to related documents race in Strapi's relation
      // re-linking (a source document's publish re-links the stories citing it while another
      // write replaces a story's row: a foreign-key 500 on PostgreSQL). That is concurrency, which
      // test/concurrency covers, not what a request carries, which this walk is about.
      await inPool(group, 1, async (filled) => {
        const [empty, reading] = bodiesFor(strapi, filled.subject, idsOf(filled.subject));
        const first = await runAndResponse({
          filled,
          caller,
          variant: writeVariants[0],
          body: empty,
        });
        if (!REFUSALS.has(first.status)) {
          await run({ filled, caller, variant: writeVariants[1], body: reading });
        }
      });
    }
  }
  client.close();
  return {
    findings,
    calls,
    perRoute,
    timePerRoute,
    strapiDefects,
    refusedAtTheDoor: skippedAsRefused,
  };
};
