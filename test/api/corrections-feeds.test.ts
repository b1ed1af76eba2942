import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import Parser from 'rss-parser';

import jsonFeedSchema from '../fixtures/jsonfeed-1.1.schema.json';
import {
  createAdminRole,
  createAdminUser,
  createEndUser,
  grantPublicPermission,
} from '../helpers/auth';
import { ISSUE_CORRECTIONS, issueCorrection, tick } from '../helpers/corrections';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory } from '../helpers/stories';
import { UIDS } from '../helpers/uids';

const API = '/api/intelligence-stories';
const FEED_ACTIONS = ['correction.find', 'correction.rss', 'correction.jsonFeed'].map(
  (action) => `plugin::intelligence-stories.${action}`
);

const text = (what: string) => `An earlier version of this story ${what}; this has been corrected.`;

type Issued = Awaited<ReturnType<typeof issueCorrection>>;

describe('the public corrections feeds', () => {
  let app: TestApp;
  let desk: { token: string; user: { id: number; email?: string } };
  let stories: Record<
    'first' | 'second' | 'withdrawn',
    { documentId: string; slug: string; title: string }
  >;
  // Newest first, as the feeds list them; `withdrawn`'s correction is not among them.
  let listed: Array<Issued & { storyKey: keyof typeof stories }>;
  let withdrawnCorrection: Issued;

  beforeAll(async () => {
    app = await bootStrapi();
    desk = await createAdminUser(app, {
      role: await createAdminRole(app, [{ action: ISSUE_CORRECTIONS }]),
    });
    for (const action of FEED_ACTIONS) {
      await grantPublicPermission(app, action);
    }

    const make = async (title: string) => {
      const { documentId, slug } = await createStory(app, { title });
      return { documentId, slug: slug as string, title };
    };
    stories = {
      first: await make('Report names foreign influence efforts'),
      second: await make('Agencies brief Congress on the assessment'),
      withdrawn: await make('A story later withdrawn'),
    };

    const issued: Array<Issued & { storyKey: keyof typeof stories }> = [];
    const issue = async (storyKey: keyof typeof stories, kind: string, what: string) => {
      await tick();
      const correction = await issueCorrection(app, desk.token, stories[storyKey].documentId, {
        kind,
        text: text(what),
      });
      issued.push({ ...correction, storyKey });
      return correction;
    };
    await issue('first', 'correction', 'misstated the page count');
    withdrawnCorrection = await issue('withdrawn', 'correction', 'misnamed the agency');
    await issue('second', 'clarification', 'did not say who briefed Congress');
    await issue('first', 'update', 'did not include the agency response');
    // A story leaving the public site takes its corrections out of the public record with it.
    await app.strapi.documents(UIDS.story).unpublish({ documentId: stories.withdrawn.documentId });

    listed = issued.filter(({ storyKey }) => storyKey !== 'withdrawn').reverse();
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const get = (path: string) => app.request().get(`${API}${path}`);

  describe('GET /corrections', () => {
    it('lists the corrections of published stories, newest first, with their story', async () => {
      const res = await get('/corrections').expect(200);
      expect(res.body.data).toEqual(
        // As issued, without what only its issuer is told (`held`: none of these is), in the
        // list of its language (the default one: the request names none).
        listed.map(({ storyKey, held, locale, ...correction }) => {
          expect(held).toBe(false);
          expect(locale).toBe('en');
          return { ...correction, story: stories[storyKey] };
        })
      );
      expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 3 });
      expect(JSON.stringify(res.body)).not.toContain(withdrawnCorrection.documentId);
      expect(JSON.stringify(res.body)).not.toContain('issuedBy');
    });

    it('pages through the record, with the page size capped at 100', async () => {
      const first = await get('/corrections?pagination[pageSize]=2').expect(200);
      const second = await get('/corrections?pagination[pageSize]=2&pagination[page]=2').expect(
        200
      );
      expect([...first.body.data, ...second.body.data].map((c: Issued) => c.documentId)).toEqual(
        listed.map(({ documentId }) => documentId)
      );
      expect(second.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });

      const offset = await get('/corrections?pagination[start]=1&pagination[limit]=1').expect(200);
      expect(offset.body.data.map((c: Issued) => c.documentId)).toEqual([listed[1].documentId]);
      expect(offset.body.meta.pagination).toEqual({ start: 1, limit: 1, total: 3 });

      const capped = await get('/corrections?pagination[pageSize]=1000').expect(200);
      expect(capped.body.meta.pagination.pageSize).toBe(100);
    });

    it('filters by date issued and by kind', async () => {
      const since = listed[1].issuedAt;
      const recent = await get(`/corrections?since=${encodeURIComponent(since)}`).expect(200);
      expect(recent.body.data.map((c: Issued) => c.documentId)).toEqual(
        listed.slice(0, 2).map(({ documentId }) => documentId)
      );
      expect(recent.body.meta.pagination.total).toBe(2);

      const future = await get('/corrections?since=2999-01-01').expect(200);
      expect(future.body.data).toEqual([]);

      const clarifications = await get('/corrections?kind=clarification').expect(200);
      expect(clarifications.body.data.map((c: Issued) => c.documentId)).toEqual(
        listed.filter(({ kind }) => kind === 'clarification').map(({ documentId }) => documentId)
      );
    });

    it.each([
      ['since=last-week', /since must be a date/],
      ['since=2021-13-45', /since must be a date/],
      ['kind=apology', /kind must be one of/],
      ['pagination[pageSize]=0', /pagination\.pageSize must be a whole number/],
      ['filters[issuedBy][id][$eq]=1', /unsupported query parameter\(s\): filters/],
      ['sort=issuedBy:asc', /unsupported query parameter\(s\): sort/],
      ['populate=*', /unsupported query parameter\(s\): populate/],
      ['status=draft', /unsupported query parameter\(s\): status/],
      ['where[issuedBy][id]=1', /unsupported query parameter\(s\): where/],
    ])('refuses %s with a 400 naming the parameter', async (query, message) => {
      const res = await get(`/corrections?${query}`).expect(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toMatch(message);
    });
  });

  describe('RSS 2.0', () => {
    it('is a valid RSS 2.0 channel of the latest corrections, each linking to its story', async () => {
      const res = await get('/corrections.rss').expect(200);
      expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      const feed = await new Parser().parseString(res.text);

      expect(feed.title).toBe('Corrections');
      expect(feed.feedUrl).toBe(`${app.baseUrl}${API}/corrections.rss`);
      expect(feed.items.map((item) => item.link)).toEqual(
        listed.map(
          ({ storyKey, documentId }) =>
            `${app.baseUrl}${API}/stories/${stories[storyKey].slug}#correction-${documentId}`
        )
      );
      const [latest] = feed.items;
      expect(latest.title).toBe(`Update: ${stories.first.title}`);
      expect(latest.content).toBe(listed[0].text);
      expect(latest.categories).toEqual(['Update']);
      expect(latest.guid).toBe(latest.link);
      expect(new Date(latest.pubDate!).toISOString()).toBe(
        // RSS dates have whole seconds.
        new Date(Math.floor(Date.parse(listed[0].issuedAt) / 1000) * 1000).toISOString()
      );
    });

    it('serves one kind when asked, and refuses anything else', async () => {
      const res = await get('/corrections.rss?kind=clarification').expect(200);
      const feed = await new Parser().parseString(res.text);
      expect(feed.items.map((item) => item.title)).toEqual([
        `Clarification: ${stories.second.title}`,
      ]);

      const refused = await get('/corrections.rss?pagination[page]=2').expect(400);
      expect(refused.body.error.message).toMatch(/unsupported query parameter\(s\): pagination/);
    });
  });

  const LABELS: Record<string, string> = {
    correction: 'Correction',
    clarification: 'Clarification',
    update: 'Update',
  };

  describe('JSON Feed 1.1', () => {
    it('conforms to the JSON Feed 1.1 schema and lists the latest corrections', async () => {
      const res = await get('/corrections.json').expect(200);
      expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
      const feed = JSON.parse(res.text);

      const ajv = new Ajv({ allErrors: true });
      addFormats(ajv);
      const valid = ajv.validate(jsonFeedSchema, feed);
      expect(ajv.errors ?? []).toEqual([]);
      expect(valid).toBe(true);

      expect(feed.feed_url).toBe(`${app.baseUrl}${API}/corrections.json`);
      expect(feed.items).toEqual(
        listed.map(({ storyKey, ...correction }) => ({
          id: correction.documentId,
          url: `${app.baseUrl}${API}/stories/${stories[storyKey].slug}#correction-${correction.documentId}`,
          title: `${LABELS[correction.kind]}: ${stories[storyKey].title}`,
          content_text: correction.text,
          date_published: correction.issuedAt,
          tags: [LABELS[correction.kind]],
          _intelligence_stories: {
            kind: correction.kind,
            story: stories[storyKey],
            supersedes: null,
            late_reason: null,
          },
        }))
      );
    });
  });

  describe('conditional GET', () => {
    it.each(['/corrections', '/corrections.rss', '/corrections.json'])(
      '%s answers 304 while nothing changed, and 200 once a correction is issued',
      async (path) => {
        const first = await get(path).expect(200);
        const { etag, 'last-modified': lastModified } = first.headers;
        expect(etag).toMatch(/^"[\w-]+"$/);
        expect(Date.parse(lastModified)).not.toBeNaN();

        const byEtag = await get(path).set('If-None-Match', etag).expect(304);
        expect(byEtag.text ?? '').toBe('');
        await get(path).set('If-Modified-Since', lastModified).expect(304);

        await new Promise((resolve) => setTimeout(resolve, 1100)); // Last-Modified has whole seconds
        const issued = await issueCorrection(app, desk.token, stories.second.documentId, {
          kind: 'editors_note',
          text: text(`was revised for ${path}`),
        });
        const changed = await get(path).set('If-None-Match', etag).expect(200);
        expect(changed.text).toContain(issued.documentId);
        if (path === '/corrections') {
          // The total is kept between requests; a new correction must move it.
          expect(changed.body.meta.pagination.total).toBe(first.body.meta.pagination.total + 1);
        }
        expect(changed.headers.etag).not.toBe(etag);
        await get(path).set('If-Modified-Since', lastModified).expect(200);
        listed.unshift({ ...issued, storyKey: 'second' });
      }
    );

    it('stops answering 304 when a story leaves the site and its corrections with it', async () => {
      const before = await get('/corrections').expect(200);
      const lastModified = before.headers['last-modified'];
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await app.strapi.documents(UIDS.story).unpublish({ documentId: stories.second.documentId });

      const after = await get('/corrections').set('If-Modified-Since', lastModified).expect(200);
      const ofFirst = listed.filter(({ storyKey }) => storyKey === 'first');
      expect(after.body.data.map((c: Issued) => c.documentId)).toEqual(
        ofFirst.map(({ documentId }) => documentId)
      );
      expect(after.body.meta.pagination.total).toBe(ofFirst.length);
      await app.strapi.documents(UIDS.story).publish({ documentId: stories.second.documentId });
      const back = await get('/corrections').expect(200);
      expect(back.body.meta.pagination.total).toBe(listed.length);
    });
  });

  it('is closed to roles the site has not opened it to', async () => {
    const reader = await createEndUser(app);
    for (const path of ['/corrections', '/corrections.rss', '/corrections.json']) {
      await get(path).set('Authorization', `Bearer ${reader.jwt}`).expect(403);
    }
  });
});
