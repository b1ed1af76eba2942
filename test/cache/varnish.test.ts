import { relative } from 'path';

import contentApi from '../../server/src/routes/content-api';
import {
  createAdminRole,
  createAdminUser,
  createApiToken,
  grantPublicPermission,
} from '../helpers/auth';
import { ISSUE_CORRECTIONS } from '../helpers/corrections';
import { createStory, createStoryDraft, sharedSourceDocument } from '../helpers/stories';
import { REPO_ROOT } from '../helpers/paths';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';
import { findVarnishd, SHIPPED_VCL, startVarnish, type Varnish } from '../helpers/varnish';

/**
 * A real Varnish with the shipped VCL (docs/deploy/varnish.vcl) in front of a booted Strapi whose
 * plugin purges it. .ci/run installs Debian's varnish and varnish-modules and requires this file
 * to run; elsewhere it is skipped, saying so, when varnishd is not installed.
 */
const varnishd = findVarnishd();
const required = Boolean(process.env.CI || process.env.INTELLIGENCE_STORIES_REQUIRE_VARNISH);
if (!varnishd && !required) {
  console.warn(
    'test/cache/varnish.test.ts skipped: varnishd is not installed (apt-get install varnish varnish-modules); .ci/run installs it and runs this test'
  );
}
const describeWithVarnish = varnishd || required ? describe : describe.skip;

const API = '/api/intelligence-stories';
const READ_SOURCING = 'plugin::intelligence-stories.sourcing.read';
// Long enough that only a purge can explain a fresh read.
const S_MAX_AGE = 3600;
const PURGE_DEADLINE_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithVarnish(`Varnish with ${relative(REPO_ROOT, SHIPPED_VCL)} in front of Strapi`, () => {
  let app: TestApp;
  let varnish: Varnish;
  let desk: { token: string };
  let story: { documentId: string; slug: string };

  beforeAll(async () => {
    if (!varnishd) {
      throw new Error(
        'varnishd is not installed, and this run requires the Varnish test (CI): apt-get install varnish varnish-modules'
      );
    }
    app = await bootStrapi();
    for (const { handler } of contentApi.routes) {
      await grantPublicPermission(app, `plugin::intelligence-stories.${handler}`);
    }
    desk = await createAdminUser(app, {
      role: await createAdminRole(app, [{ action: ISSUE_CORRECTIONS }, { action: READ_SOURCING }]),
    });
    const { port } = new URL(app.baseUrl);
    varnish = await startVarnish(varnishd, { host: '127.0.0.1', port: Number(port) });

    const key = 'plugin::intelligence-stories.cache';
    app.strapi.config.set(key, {
      ...(app.strapi.config.get(key) as object),
      sMaxAge: S_MAX_AGE,
      purge: { endpoints: [{ url: `${varnish.url}/` }], timeoutMs: 2000, retries: 2 },
    });

    const created = await createStory(app, { title: 'Report names foreign influence efforts' });
    story = { documentId: created.documentId, slug: created.slug as string };
  });

  afterAll(async () => {
    await varnish?.stop();
    await app?.destroy();
  });

  const read = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${varnish.url}${path}`, { headers });
  const cacheOf = (res: Response) => res.headers.get('x-cache');
  const storyUrls = () => ({
    story: `${API}/stories/${story.slug}`,
    jsonld: `${API}/stories/${story.documentId}/jsonld`,
    list: `${API}/stories`,
    corrections: `${API}/corrections`,
    rss: `${API}/corrections.rss`,
    jsonFeed: `${API}/corrections.json`,
  });

  /** Reads each address until it is cached, and checks the next read is a hit. */
  const warm = async (paths: string[]) => {
    for (const path of paths) {
      await read(path);
      const second = await read(path);
      expect(`${path}: ${cacheOf(second)}`).toBe(`${path}: HIT`);
    }
  };

  /** Reads each address through Varnish until `shows` holds, for at most a second. */
  const showsWithinDeadline = async (
    paths: string[],
    shows: (res: Response, body: string) => boolean
  ) => {
    const deadline = Date.now() + PURGE_DEADLINE_MS;
    const late: string[] = [];
    for (const path of paths) {
      for (;;) {
        const res = await read(path);
        if (shows(res, await res.text())) {
          break;
        }
        if (Date.now() > deadline) {
          late.push(path);
          break;
        }
        await sleep(25);
      }
    }
    return late;
  };

  it('serves a second read of every public route from the cache', async () => {
    const sourceDocumentId = await sharedSourceDocument(app);
    const paths = [
      ...Object.values(storyUrls()),
      `${API}/source-documents`,
      `${API}/source-documents/${sourceDocumentId}`,
    ];
    for (const path of paths) {
      const first = await read(path);
      expect(`${path}: ${first.status} ${cacheOf(first)}`).toBe(`${path}: 200 MISS`);
      const second = await read(path);
      expect(`${path}: ${second.status} ${cacheOf(second)}`).toBe(`${path}: 200 HIT`);
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(second.headers.get('x-varnish')).toMatch(/^\d+ \d+$/);
      // The keys stay between Strapi and Varnish.
      expect(second.headers.get('xkey')).toBeNull();
      expect(second.headers.get('surrogate-key')).toBeNull();
      // A browser's revalidation (fetch's no-cache) is answered by Varnish.
      const revalidated = await read(path, {
        'If-None-Match': first.headers.get('etag') as string,
        'Cache-Control': 'no-cache',
      });
      expect(`${path}: ${revalidated.status}`).toBe(`${path}: 304`);
    }
  });

  it('shows an issued correction on the story, its JSON-LD and the three feeds within 1 s', async () => {
    const urls = storyUrls();
    const changed = [urls.story, urls.jsonld, urls.list, urls.corrections, urls.rss, urls.jsonFeed];
    const untouched = `${API}/source-documents`;
    await warm([...changed, untouched]);

    const text =
      'An earlier version of this story misstated the page count; this has been corrected.';
    // Through Varnish too: an admin write passes to Strapi.
    const issued = await fetch(
      `${varnish.url}/intelligence-stories/stories/${story.documentId}/corrections`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${desk.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'correction', text }),
      }
    );
    expect(issued.status).toBe(201);
    expect(cacheOf(issued)).toBe('PASS');

    const late = await showsWithinDeadline(changed, (res, body) => body.includes(text));
    expect(late).toEqual([]);
    // What the correction does not touch stays cached.
    expect(cacheOf(await read(untouched))).toBe('HIT');
  });

  it('answers 404 through Varnish once a story is unpublished, and 200 again once republished', async () => {
    const withdrawn = await createStory(app, { title: 'A story later withdrawn' });
    const path = `${API}/stories/${withdrawn.slug}`;
    const list = `${API}/stories`;
    await warm([path, list]);

    await app.strapi.documents(UIDS.story).unpublish({ documentId: withdrawn.documentId });
    expect(await showsWithinDeadline([path], (res) => res.status === 404)).toEqual([]);
    expect(
      await showsWithinDeadline([list], (_, body) => !body.includes(withdrawn.documentId))
    ).toEqual([]);
    // The 404 is cached too, under the key a publish purges.
    expect(cacheOf(await read(path))).toBe('HIT');

    await app.strapi.documents(UIDS.story).publish({ documentId: withdrawn.documentId });
    expect(await showsWithinDeadline([path], (res) => res.status === 200)).toEqual([]);
  });

  it('never shows a draft, nor a published story’s unpublished edits', async () => {
    const draft = await createStoryDraft(app, {
      title: 'A draft nobody may read',
      slug: 'a-draft-nobody-may-read',
      kind: 'news',
      sourceDocuments: [await sharedSourceDocument(app)],
    });
    await app.strapi.documents(UIDS.story).update({
      documentId: story.documentId,
      data: { title: 'An edit not yet published' },
    });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect((await read(`${API}/stories/a-draft-nobody-may-read`)).status).toBe(404);
      expect((await read(`${API}/stories/${draft.documentId}`)).status).toBe(404);
      expect(await (await read(`${API}/stories`)).text()).not.toContain(draft.documentId);
      expect(await (await read(`${API}/stories/${story.slug}`)).text()).not.toContain(
        'An edit not yet published'
      );
      const asking = await read(`${API}/stories?status=draft`);
      expect(`${asking.status} ${cacheOf(asking)}`).toBe('400 PASS');
    }
  });

  it('passes admin and signed-in requests to Strapi, every time', async () => {
    const token = await createApiToken(app, 'full-access');
    const requests: Array<[string, Record<string, string>]> = [
      ['/intelligence-stories/desk/stories', { Authorization: `Bearer ${desk.token}` }],
      ['/admin/users/me', { Authorization: `Bearer ${desk.token}` }],
      [`${API}/stories/${story.slug}`, { Authorization: `Bearer ${token}` }],
      [`${API}/stories/${story.slug}`, { Cookie: 'session=reader' }],
    ];
    for (const [path, headers] of requests) {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const res = await read(path, headers);
        expect(`${path} ${res.status} ${cacheOf(res)}`).toBe(`${path} 200 PASS`);
      }
    }
    const signedIn = await read(`${API}/stories/${story.slug}`, {
      Authorization: `Bearer ${token}`,
    });
    expect(signedIn.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('honours a purge naming its keys, and refuses one naming none', async () => {
    const keyless = await fetch(`${varnish.url}/`, { method: 'PURGE' });
    expect(keyless.status).toBe(400);
    const purged = await fetch(`${varnish.url}/`, {
      method: 'PURGE',
      headers: { xkey: `story:${story.documentId}` },
    });
    expect(purged.status).toBe(200);
    expect(cacheOf(await read(`${API}/stories/${story.slug}`))).toBe('MISS');
  });
});
