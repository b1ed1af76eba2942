import fc from 'fast-check';

import { createAdminUser, grantPublicPermission } from '../helpers/auth';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

/**
 * The public routes read each story from its publish-time snapshot (services/public-snapshot).
 * This property runs random sequences of every action that changes what readers see (publish,
 * unpublish, edit and republish with a correction, a correction issued, a cited source document
 * republished or withdrawn, the settings changed, a delete) and checks after each step that every
 * public story response and every corrections feed served from the snapshot is, byte for byte,
 * what the live composition (the code the snapshot is written from) answers, with the headers a
 * cache keys on. Refused actions (a rule, an append-only record)
 * are part of the property: whatever happened, the two must agree.
 */

const RUNS = Number(process.env.PROPERTY_RUNS ?? 50);
const API = '/api/intelligence-stories';

const ACTIONS = [
  'publish',
  'unpublish',
  'editAndRepublish',
  'issueCorrection',
  'republishSource',
  'unpublishSource',
  'changeSettings',
  'delete',
] as const;
type Action = (typeof ACTIONS)[number];

const STORIES = 3;
const SOURCES = 2;

describe('the public snapshot answers what the live composition answers', () => {
  let app: TestApp;
  let token: string;
  let runs = 0;
  const done: Record<Action, number> = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<
    Action,
    number
  >;

  beforeAll(async () => {
    app = await bootStrapi();
    token = (await createAdminUser(app)).token;
    for (const action of [
      'story.find',
      'story.findOne',
      'story.jsonld',
      'source-document.find',
      'source-document.findOne',
      'correction.find',
      'correction.rss',
      'correction.jsonFeed',
    ]) {
      await grantPublicPermission(app, `plugin::intelligence-stories.${action}`);
    }
  });

  afterAll(async () => {
    app?.strapi.plugin('intelligence-stories').service('public-snapshot').serveFromSnapshot(true);
    await app?.destroy();
  });

  const snapshot = () => app.strapi.plugin('intelligence-stories').service('public-snapshot');

  /** Status, body and the headers a cache keys on, as a reader gets them. */
  const read = async (path: string) => {
    const res = await app.request().get(path);
    return {
      path,
      status: res.status,
      body: res.text,
      type: res.headers['content-type'],
      keys: res.headers['surrogate-key'],
      etag: res.headers.etag,
      modified: res.headers['last-modified'],
    };
  };

  const readAll = (paths: string[]) => Promise.all(paths.map(read));

  const expectSnapshotEqualsLive = async (paths: string[]) => {
    const fromSnapshot = await readAll(paths);
    snapshot().serveFromSnapshot(false);
    try {
      const live = await readAll(paths);
      expect(fromSnapshot).toEqual(live);
    } finally {
      snapshot().serveFromSnapshot(true);
    }
  };

  const ok = <T>(promise: Promise<T>) =>
    promise.then(
      () => true,
      () => false
    );

  const setUp = async (run: number) => {
    const sources = app.strapi.documents(UIDS.sourceDocument);
    const sourceIds: string[] = [];
    for (let j = 0; j < SOURCES; j += 1) {
      const created = await sources.create({
        data: {
          title: `Report ${run}-${j}`,
          issuer: 'ODNI',
          pageCount: 10 + j,
          classification: 'declassified',
          documentDate: '2021-03-10',
        },
      });
      await sources.publish({ documentId: created.documentId });
      sourceIds.push(created.documentId);
    }
    const stories = app.strapi.documents(UIDS.story);
    const storyIds: string[] = [];
    for (let i = 0; i < STORIES; i += 1) {
      const cited = sourceIds[i % SOURCES];
      const created = await stories.create({
        data: {
          title: `Story ${run}-${i}`,
          slug: `snap-${run}-${i}`,
          kind: i === 1 ? 'analysis' : 'news',
          dek: `Dek ${i}`,
          bylines: [{ name: 'A. Reporter', role: 'Staff' }],
          sourceDocuments: i === 2 ? sourceIds : [cited],
          citations: [
            { sourceDocument: cited, page: 2, passage: 'A passage', passageType: 'paraphrase' },
          ],
        } as never,
      });
      await stories.publish({ documentId: created.documentId });
      storyIds.push(created.documentId);
    }
    return { sourceIds, storyIds };
  };

  const correct = (documentId: string, text: string) =>
    app
      .request()
      .post(`/intelligence-stories/stories/${documentId}/corrections`)
      .set('Authorization', `Bearer ${token}`)
      .send({ kind: 'correction', text })
      .then((res) => res.status === 201);

  const step = async (
    action: Action,
    target: number,
    ids: { storyIds: string[]; sourceIds: string[] },
    n: number
  ): Promise<boolean> => {
    const stories = app.strapi.documents(UIDS.story);
    const sources = app.strapi.documents(UIDS.sourceDocument);
    const story = ids.storyIds[target % STORIES];
    const source = ids.sourceIds[target % SOURCES];
    switch (action) {
      case 'publish':
        return ok(stories.publish({ documentId: story }));
      case 'unpublish':
        return ok(stories.unpublish({ documentId: story }));
      case 'editAndRepublish':
        await ok(stories.update({ documentId: story, data: { title: `Edited ${n}` } }));
        await correct(story, `Correction ${n}: the title misstated the report.`);
        return ok(stories.publish({ documentId: story }));
      case 'issueCorrection':
        return correct(story, `Correction ${n}: an earlier version misstated a figure.`);
      case 'republishSource':
        await sources.update({ documentId: source, data: { title: `Report edited ${n}` } });
        return ok(sources.publish({ documentId: source }));
      case 'unpublishSource':
        return ok(sources.unpublish({ documentId: source }));
      case 'changeSettings':
        await app.strapi
          .plugin('intelligence-stories')
          .service('settings')
          .set(
            n % 2
              ? { publisherName: `Publisher ${n}`, storyUrlTemplate: 'https://news.example/{slug}' }
              : {}
          );
        return true;
      case 'delete':
        return ok(stories.delete({ documentId: story }));
    }
  };

  const pathsFor = (run: number, ids: { storyIds: string[] }) => [
    `${API}/stories`,
    `${API}/stories?pagination[pageSize]=2&pagination[page]=2`,
    `${API}/stories?filters[slug][$startsWith]=snap-${run}-&sort=title:asc`,
    `${API}/stories?filters[$or][0][kind]=analysis&filters[$or][1][title][$contains]=Edited&pagination[start]=0&pagination[limit]=5`,
    `${API}/stories?fields[0]=title&fields[1]=slug&filters[publishedAt][$gte]=2000-01-01`,
    // Served live whatever the switch: a relation path has no snapshot column.
    `${API}/stories?filters[sourceDocuments][documentId][$eq]=x`,
    // The feeds, from the corrections' rows in the snapshot.
    `${API}/corrections`,
    `${API}/corrections?pagination[pageSize]=2&pagination[page]=2`,
    `${API}/corrections?kind=correction&since=2000-01-01T00:00:00.000Z`,
    `${API}/corrections?kind=retraction`,
    `${API}/corrections.rss`,
    `${API}/corrections.json?kind=correction`,
    ...ids.storyIds.flatMap((documentId, i) => [
      `${API}/stories/snap-${run}-${i}`,
      `${API}/stories/${documentId}?fields[0]=dek`,
      `${API}/stories/${documentId}?fields=firstPublishedAt`,
      `${API}/stories/${documentId}/jsonld`,
    ]),
  ];

  it(
    `holds for ${RUNS} random sequences`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom(...ACTIONS), fc.nat(5)), {
            minLength: 1,
            maxLength: 6,
          }),
          async (actions) => {
            runs += 1;
            const ids = await setUp(runs);
            const paths = pathsFor(runs, ids);
            await expectSnapshotEqualsLive(paths);
            let n = 0;
            for (const [action, target] of actions) {
              if (await step(action, target, ids, (n += 1))) {
                done[action] += 1;
              }
              await expectSnapshotEqualsLive(paths);
            }
          }
        ),
        { numRuns: RUNS }
      );
      // Every action did change something at least once (a run of refusals would prove nothing).
      for (const action of ACTIONS) {
        expect(done[action]).toBeGreaterThan(0);
      }
    },
    60 * 60 * 1000
  );
});
