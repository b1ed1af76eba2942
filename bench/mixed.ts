import autocannon from 'autocannon';

import type { EditorsSetup } from './protocol';

/**
 * The mixed load (issue 18): readers on the story list, single stories, the JSON-LD and the feeds
 * while editors, over the admin HTTP API as the admin panel does, edit, issue corrections and republish
 * their stories. Afterwards every write the server acknowledged must be visible to readers: a
 * correction answered 201 must be in its story and in the feeds once the publish of the fix it
 * explains was acknowledged (until then it is held), and the dek of the last
 * acknowledged republish must be the story's. Readers go to `readUrl` (Strapi, or the Varnish in
 * front of it); the check afterwards reads through the same address.
 */

export type MixedSettings = { seconds: number; readers: number; editors: number };

type Latencies = number[];

export type MixedResult = {
  via: 'strapi' | 'varnish';
  seconds: number;
  readers: number;
  editors: number;
  reads: {
    requests: number;
    requestsPerSecond: number;
    p50: number;
    p99: number;
    errors: number;
    non2xx: number;
    timeouts: number;
  };
  writes: {
    corrections: { attempted: number; acknowledged: number; refused: string[] };
    republishes: { attempted: number; acknowledged: number; refused: string[] };
    p50: number;
    p99: number;
  };
  /** Acknowledged writes readers do not see afterwards. */
  lostWrites: { corrections: number; republishes: number; details: string[] };
};

const percentile = (values: Latencies, p: number) => {
  if (values.length === 0) {
    return NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const round1 = (value: number) => Math.round(value * 10) / 10;

const login = async (adminUrl: string, { email, password }: EditorsSetup) => {
  const response = await fetch(`${adminUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) {
    throw new Error(`POST /admin/login: ${response.status} ${await response.text()}`);
  }
  return ((await response.json()) as { data: { token: string } }).data.token;
};

type EditorLog = {
  documentId: string;
  slug: string;
  corrections: Array<{ documentId: string; text: string }>;
  /** The dek of the last acknowledged republish (null: none acknowledged). */
  publishedDek: string | null;
};

/**
 * One editor, alone on their story: edit the dek, issue the correction for it, republish, until
 * the deadline. A correction is expected public once the publish of its fix is acknowledged.
 */
const runEditor = async (
  adminUrl: string,
  token: string,
  story: { documentId: string; slug: string },
  editor: number,
  deadline: number,
  result: MixedResult['writes'],
  latencies: Latencies
): Promise<EditorLog> => {
  const log: EditorLog = { ...story, corrections: [], publishedDek: null };
  const call = async (method: string, path: string, body: unknown) => {
    const started = performance.now();
    try {
      const response = await fetch(`${adminUrl}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, text };
    } catch (error) {
      return { status: 0, text: error instanceof Error ? error.message : String(error) };
    } finally {
      latencies.push(performance.now() - started);
    }
  };
  const refusal = (what: string, response: { status: number; text: string }) =>
    `${what}: ${response.status} ${response.text.slice(0, 200)}`;
  const cm = `/content-manager/collection-types/plugin::intelligence-stories.story/${story.documentId}`;

  let draftDek: string | null = null;
  // Corrections issued for a draft readers have not seen yet are held until its publish.
  let held: EditorLog['corrections'] = [];
  for (let n = 1; Date.now() < deadline; n += 1) {
    // A desk's order: fix the text, issue the correction that explains it, publish both.
    const dek = `Mixed load: editor ${editor}, revision ${n} of the dek.`;
    result.republishes.attempted += 1;
    const updated = await call('PUT', cm, { dek });
    if (updated.status === 200) {
      draftDek = dek;
    }

    const text = `Mixed load: editor ${editor}, correction ${n}; an earlier version misstated the figure.`;
    result.corrections.attempted += 1;
    const issued = await call(
      'POST',
      `/intelligence-stories/stories/${story.documentId}/corrections`,
      {
        kind: 'correction',
        text,
      }
    );
    if (issued.status === 201) {
      result.corrections.acknowledged += 1;
      const { data } = JSON.parse(issued.text) as { data: { documentId: string; held: boolean } };
      (data.held ? held : log.corrections).push({ documentId: data.documentId, text });
    } else {
      result.corrections.refused.push(refusal('correction', issued));
    }

    const published = await call('POST', `${cm}/actions/publish`, {});
    if (published.status === 200) {
      log.publishedDek = draftDek;
      log.corrections.push(...held);
      held = [];
    }
    if (updated.status === 200 && published.status === 200) {
      result.republishes.acknowledged += 1;
    } else {
      result.republishes.refused.push(
        refusal(
          updated.status === 200 ? 'publish' : 'update',
          updated.status === 200 ? published : updated
        )
      );
    }
  }
  return log;
};

/** What readers see of each editor's story once the load is over, through `readUrl`. */
const findLostWrites = async (readUrl: string, logs: EditorLog[]) => {
  const api = `${readUrl}/api/intelligence-stories`;
  const lost: MixedResult['lostWrites'] = { corrections: 0, republishes: 0, details: [] };
  const feeds = await Promise.all(
    ['/corrections?pagination[pageSize]=100', '/corrections.rss', '/corrections.json'].map(
      async (path) => ({ path, body: await (await fetch(`${api}${path}`)).text() })
    )
  );
  for (const log of logs) {
    const response = await fetch(`${api}/stories/${log.slug}`);
    const story = (await response.json()) as {
      data: { dek: string; corrections: Array<{ documentId: string; text: string }> };
    };
    const seen = new Set(story.data.corrections.map((correction) => correction.documentId));
    for (const correction of log.corrections) {
      if (!seen.has(correction.documentId)) {
        lost.corrections += 1;
        lost.details.push(`${log.slug}: correction ${correction.documentId} not in the story`);
      }
    }
    // The feeds list the latest corrections first: each editor's last one must be in all three.
    const last = log.corrections[log.corrections.length - 1];
    for (const feed of last ? feeds : []) {
      if (!feed.body.includes(last!.text)) {
        lost.corrections += 1;
        lost.details.push(`${log.slug}: its last correction is not in ${feed.path}`);
      }
    }
    if (log.publishedDek !== null && story.data.dek !== log.publishedDek) {
      lost.republishes += 1;
      lost.details.push(
        `${log.slug}: dek ${JSON.stringify(story.data.dek)}, last republished ${JSON.stringify(log.publishedDek)}`
      );
    }
  }
  return lost;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const mixedLoad = async ({
  adminUrl,
  readUrl,
  via,
  setup,
  seededSlug,
  settings,
}: {
  /** Strapi itself: editors always write to it. */
  adminUrl: string;
  readUrl: string;
  via: MixedResult['via'];
  setup: EditorsSetup;
  /** A seeded story, read alongside the editors' own. */
  seededSlug: string;
  settings: MixedSettings;
}): Promise<MixedResult> => {
  const token = await login(adminUrl, setup);
  const stories = setup.stories.slice(0, settings.editors);
  const prefix = '/api/intelligence-stories';
  const readPaths = [
    `${prefix}/stories?pagination[pageSize]=25`,
    ...stories.map((story) => `${prefix}/stories/${story.slug}`),
    `${prefix}/corrections.json`,
    `${prefix}/stories/${seededSlug}`,
    `${prefix}/corrections?pagination[pageSize]=50`,
    `${prefix}/stories/${stories[0].slug}/jsonld`,
    `${prefix}/corrections.rss`,
  ];

  const writes: MixedResult['writes'] = {
    corrections: { attempted: 0, acknowledged: 0, refused: [] },
    republishes: { attempted: 0, acknowledged: 0, refused: [] },
    p50: NaN,
    p99: NaN,
  };
  const latencies: Latencies = [];
  const deadline = Date.now() + settings.seconds * 1000;
  const [readers, logs] = await Promise.all([
    autocannon({
      url: readUrl,
      connections: settings.readers,
      duration: settings.seconds,
      requests: readPaths.map((path) => ({ method: 'GET', path })),
    }),
    Promise.all(
      stories.map((story, editor) =>
        runEditor(adminUrl, token, story, editor, deadline, writes, latencies)
      )
    ),
  ]);
  writes.p50 = round1(percentile(latencies, 50));
  writes.p99 = round1(percentile(latencies, 99));
  // Purges are sent once each change commits; the issue asks for a correction to show within 1 s.
  await sleep(1000);

  // Not a timing: a mixed load in which no editor's write went through measured nothing.
  if (
    readers.requests.total === 0 ||
    writes.corrections.acknowledged === 0 ||
    writes.republishes.acknowledged === 0
  ) {
    throw new Error(
      `mixed load (${via}): ${readers.requests.total} reads, ${writes.corrections.acknowledged} corrections and ${writes.republishes.acknowledged} republishes acknowledged; ${[...writes.corrections.refused, ...writes.republishes.refused][0] ?? ''}`
    );
  }
  return {
    via,
    seconds: settings.seconds,
    readers: settings.readers,
    editors: stories.length,
    reads: {
      requests: readers.requests.total,
      requestsPerSecond: round1(readers.requests.average),
      p50: readers.latency.p50,
      p99: readers.latency.p99,
      errors: readers.errors,
      non2xx: readers.non2xx,
      timeouts: readers.timeouts,
    },
    writes,
    lostWrites: await findLostWrites(readUrl, logs),
  };
};
