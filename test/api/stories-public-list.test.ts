import { grantPublicPermission } from '../helpers/auth';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory } from '../helpers/stories';

const LIST = '/api/intelligence-stories/stories';
const SECRET_NOTE = 'Source is the deputy chief of staff';

describe('GET /api/intelligence-stories/stories', () => {
  let app: TestApp;
  let publishedIds: string[];
  let draftId: string;

  beforeAll(async () => {
    app = await bootStrapi();
    const published = await Promise.all(
      ['Report points to Russian interference', 'Iran ran a covert influence campaign'].map(
        (title) =>
          createStory(app, { title, dek: 'From the ODNI report', editorNotes: SECRET_NOTE })
      )
    );
    publishedIds = published.map((story) => story.documentId);
    draftId = (await createStory(app, { title: 'Unfinished draft' }, { publish: false }))
      .documentId;
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const ids = (body: { data: Array<{ documentId: string }> }) =>
    body.data.map((story) => story.documentId).sort();

  it('is closed to anonymous visitors until the site enables it', async () => {
    const res = await app.request().get(LIST);
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain('Russian');
  });

  describe('once the Public role may find stories', () => {
    beforeAll(async () => {
      await grantPublicPermission(app, 'plugin::intelligence-stories.story.find');
    });

    it('lists published stories and never the draft', async () => {
      const res = await app.request().get(LIST).expect(200);
      expect(ids(res.body)).toEqual([...publishedIds].sort());
      expect(ids(res.body)).not.toContain(draftId);
      expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 2 });
    });

    it('serves the published version of a story that has unpublished edits', async () => {
      const documents = app.strapi.documents('plugin::intelligence-stories.story');
      await documents.update({
        documentId: publishedIds[0],
        data: { title: 'Edited, unpublished' },
      });
      const res = await app.request().get(LIST).expect(200);
      const titles = res.body.data.map((story: { title: string }) => story.title);
      expect(titles).toContain('Report points to Russian interference');
      expect(titles).not.toContain('Edited, unpublished');
    });

    it('never returns the private field, even when asked to populate everything', async () => {
      for (const query of ['', '?populate=*', '?populate[0]=editorNotes&fields[0]=title']) {
        const res = await app.request().get(`${LIST}${query}`);
        expect(JSON.stringify(res.body)).not.toContain(SECRET_NOTE);
        if (res.status === 200) {
          for (const story of res.body.data) {
            expect(story).not.toHaveProperty('editorNotes');
          }
        }
      }
    });

    it('refuses status=draft instead of serving drafts', async () => {
      const res = await app.request().get(`${LIST}?status=draft`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/status/);
      expect(JSON.stringify(res.body)).not.toContain('Unfinished draft');
    });

    it.each([
      'publicationFilter=never-published',
      'hasPublishedVersion=false',
      '_q=draft',
      'locale=fr',
    ])('refuses the parameter it would not honour: %s', async (query) => {
      const res = await app.request().get(`${LIST}?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(query.split('=')[0]);
    });

    it('caps pageSize at 100', async () => {
      const res = await app.request().get(`${LIST}?pagination[pageSize]=1000`).expect(200);
      expect(res.body.meta.pagination.pageSize).toBe(100);
    });

    it('rejects malformed pagination with a message naming the field', async () => {
      const res = await app.request().get(`${LIST}?pagination[page]=abc`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.error)).toContain('pagination.page');
    });

    it('filters on public fields like the core API does', async () => {
      const res = await app.request().get(`${LIST}?filters[title][$startsWith]=Iran`).expect(200);
      expect(res.body.data.map((story: { title: string }) => story.title)).toEqual([
        'Iran ran a covert influence campaign',
      ]);
    });

    // Each probe is sent twice, once with a prefix of the secret and once with a wrong one: if the
    // private field reached the query, the two result sets would differ. Both must be refused alike.
    const probes: Array<[string, (value: string) => string]> = [
      ['filters $startsWith', (v) => `filters[editorNotes][$startsWith]=${v}`],
      ['filters $eq nested in $or', (v) => `filters[$or][0][editorNotes][$eq]=${v}`],
      ['filters on $not', (v) => `filters[$not][editorNotes][$contains]=${v}`],
      ['where', (v) => `where[editorNotes][$startsWith]=${v}`],
      ['table alias key', (v) => `filters[t0.editor_notes][$startsWith]=${v}`],
      ['column name', (v) => `filters[editor_notes][$startsWith]=${v}`],
      ['lookup', (v) => `lookup[editorNotes][$startsWith]=${v}`],
      ['sort on private field', (v) => `sort=editorNotes:asc&filters[title][$contains]=${v}`],
      ['fields', (v) => `fields[0]=editorNotes&filters[title][$contains]=${v}`],
    ];

    it.each(probes)('gives nothing away to a %s probe', async (_name, probe) => {
      const hit = await app.request().get(`${LIST}?${probe(encodeURIComponent('Source is'))}`);
      const miss = await app.request().get(`${LIST}?${probe(encodeURIComponent('zzz-no-match'))}`);

      expect(hit.status).toBe(400);
      expect(miss.status).toBe(hit.status);
      expect(hit.body.data).toEqual(miss.body.data);
      expect(JSON.stringify(hit.body)).not.toContain(SECRET_NOTE);
    });
  });
});
