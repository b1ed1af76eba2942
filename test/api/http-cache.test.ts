import contentApi from '../../server/src/routes/content-api';
import {
  createAdminRole,
  createAdminUser,
  createApiToken,
  createEndUser,
  grantPublicPermission,
  grantRolePermission,
} from '../helpers/auth';
import { ISSUE_CORRECTIONS, issueCorrection } from '../helpers/corrections';
import { createStory, sharedSourceDocument } from '../helpers/stories';
import { bootStrapi, type TestApp } from '../helpers/strapi';

const API = '/api/intelligence-stories';
const PUBLIC_ACTIONS = contentApi.routes.map(
  ({ handler }) => `plugin::intelligence-stories.${handler}`
);
const DEFAULT_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=30';

const keysOf = (headers: Record<string, string>) => (headers['surrogate-key'] ?? '').split(' ');

describe('HTTP caching of the public routes', () => {
  let app: TestApp;
  let story: { documentId: string; slug: string };
  let sourceDocumentId: string;
  // Every public route, with an address that answers 200 and the keys its response must name.
  let routes: Record<string, { url: string; keys: string[] }>;

  beforeAll(async () => {
    app = await bootStrapi();
    for (const action of PUBLIC_ACTIONS) {
      await grantPublicPermission(app, action);
    }
    const desk = await createAdminUser(app, {
      role: await createAdminRole(app, [{ action: ISSUE_CORRECTIONS }]),
    });
    const created = await createStory(app, { title: 'Report names foreign influence efforts' });
    story = { documentId: created.documentId, slug: created.slug as string };
    sourceDocumentId = await sharedSourceDocument(app);
    await issueCorrection(app, desk.token, story.documentId, {
      kind: 'correction',
      text: 'An earlier version of this story misstated the page count; this has been corrected.',
    });

    const storyKey = `story:${story.documentId}`;
    const sourceKey = `source-document:${sourceDocumentId}`;
    routes = {
      '/stories': { url: '/stories', keys: ['list:stories', storyKey] },
      '/stories/:slugOrDocumentId': { url: `/stories/${story.slug}`, keys: [storyKey, sourceKey] },
      '/stories/:slugOrDocumentId/jsonld': {
        url: `/stories/${story.documentId}/jsonld`,
        keys: [storyKey, sourceKey, 'publisher-settings'],
      },
      '/source-documents': { url: '/source-documents', keys: ['list:source-documents', sourceKey] },
      '/source-documents/:documentId': {
        url: `/source-documents/${sourceDocumentId}`,
        keys: [sourceKey],
      },
      '/corrections': { url: '/corrections', keys: ['feed:corrections', storyKey] },
      '/corrections.rss': {
        url: '/corrections.rss',
        keys: ['feed:corrections', storyKey, 'publisher-settings'],
      },
      '/corrections.json': {
        url: '/corrections.json',
        keys: ['feed:corrections', storyKey, 'publisher-settings'],
      },
    };
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const get = (url: string) => app.request().get(`${API}${url}`);

  it('covers every public route', () => {
    expect(Object.keys(routes).sort()).toEqual(contentApi.routes.map(({ path }) => path).sort());
  });

  it.each(contentApi.routes.map(({ path }) => path))(
    '%s sends a strong ETag, Cache-Control from the config, and surrogate keys for what it shows',
    async (path) => {
      const { url, keys } = routes[path];
      const res = await get(url).expect(200);
      expect(res.headers.etag).toMatch(/^"[\w-]{43}"$/);
      expect(res.headers['cache-control']).toBe(DEFAULT_CACHE_CONTROL);
      expect(res.headers.xkey).toBe(res.headers['surrogate-key']);
      expect(keysOf(res.headers).sort()).toEqual(
        [...new Set(['intelligence-stories', ...keys])].sort()
      );
    }
  );

  it.each(contentApi.routes.map(({ path }) => path))(
    "%s answers 304 to a matching If-None-Match, even with fetch()'s Cache-Control: no-cache",
    async (path) => {
      const { url } = routes[path];
      const first = await get(url).expect(200);
      const revalidated = await get(url)
        .set('If-None-Match', first.headers.etag)
        .set('Cache-Control', 'no-cache')
        .expect(304);
      expect(revalidated.text ?? '').toBe('');
      expect(revalidated.headers.etag).toBe(first.headers.etag);
      expect(revalidated.headers['cache-control']).toBe(DEFAULT_CACHE_CONTROL);
      expect(revalidated.headers['surrogate-key']).toBe(first.headers['surrogate-key']);
      await get(url).set('If-None-Match', '"something-else"').expect(200);
    }
  );

  it('answers the same bytes the ETag was computed from', async () => {
    const { createHash } = await import('crypto');
    for (const { url } of Object.values(routes)) {
      const res = await get(url)
        .buffer(true)
        .parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => callback(null, Buffer.concat(chunks)));
        });
      const digest = createHash('sha256')
        .update(res.body as Buffer)
        .digest('base64url');
      expect(`${url} ${res.headers.etag}`).toBe(`${url} "${digest}"`);
    }
  });

  it.each([
    ['/stories/no-such-story', 'list:stories'],
    ['/stories/no-such-story/jsonld', 'list:stories'],
    ['/source-documents/nosuchdocumentid000000000', 'list:source-documents'],
  ])(
    '%s is a 404 a cache keeps until a publish purges %s, and never serves stale',
    async (url, key) => {
      const res = await get(url).expect(404);
      expect(res.headers['cache-control']).toBe(
        'public, max-age=0, s-maxage=60, stale-while-revalidate=0'
      );
      expect(keysOf(res.headers).sort()).toEqual(['intelligence-stories', key].sort());
      expect(res.headers.xkey).toBe(res.headers['surrogate-key']);
    }
  );

  it('stores no refused query', async () => {
    const res = await get('/stories?unknown=1').expect(400);
    expect(res.body.error.message).toMatch(/unknown/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['surrogate-key']).toBeUndefined();
    expect(res.headers.xkey).toBeUndefined();
  });

  it('keeps answers to an API token or a signed-in user out of shared caches', async () => {
    const token = await createApiToken(app, 'full-access');
    const { jwt } = await createEndUser(app);
    await grantRolePermission(app, 'authenticated', 'plugin::intelligence-stories.story.findOne');
    for (const bearer of [token, jwt]) {
      const res = await get(routes['/stories/:slugOrDocumentId'].url)
        .set('Authorization', `Bearer ${bearer}`)
        .expect(200);
      expect(res.headers['cache-control']).toBe('private, no-cache');
      expect(res.headers['surrogate-key']).toBeUndefined();
      expect(res.headers.xkey).toBeUndefined();
      // Its own client still revalidates cheaply.
      await get(routes['/stories/:slugOrDocumentId'].url)
        .set('Authorization', `Bearer ${bearer}`)
        .set('If-None-Match', res.headers.etag)
        .expect(304);
    }
    const miss = await get('/stories/no-such-story')
      .set('Authorization', `Bearer ${token}`)
      .expect(404);
    expect(miss.headers['cache-control']).toBe('no-store');
  });

  it('takes its lifetimes from the plugin config', async () => {
    const key = 'plugin::intelligence-stories.cache';
    const configured = app.strapi.config.get(key) as Record<string, unknown>;
    app.strapi.config.set(key, {
      ...configured,
      sMaxAge: 86400,
      staleWhileRevalidate: 120,
      maxAge: 5,
    });
    try {
      const res = await get('/corrections.rss').expect(200);
      expect(res.headers['cache-control']).toBe(
        'public, max-age=5, s-maxage=86400, stale-while-revalidate=120'
      );
    } finally {
      app.strapi.config.set(key, configured);
    }
  });
});
