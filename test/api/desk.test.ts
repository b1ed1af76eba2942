import { createAdminRole, createAdminUser } from '../helpers/auth';
import { ISSUE_CORRECTIONS, issueCorrection, tick } from '../helpers/corrections';
import { createSourcedStory, sourcingApi, updateQuote } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory } from '../helpers/stories';
import { UIDS } from '../helpers/uids';

const READ = 'plugin::intelligence-stories.sourcing.read';
const APPROVE = 'plugin::intelligence-stories.quotes.approve';
const IDENTITY = 'IDENTITY-MARKER a named official';

type DeskStory = {
  documentId: string;
  title: string;
  state: string;
  readiness: { ready: boolean; errors: number; warnings: number };
  pendingApprovals: number;
  corrections: number;
};

describe('the desk routes behind the admin pages', () => {
  let app: TestApp;
  let chief: { token: string; user: { id: number; email: string } };
  let reader: { token: string };
  let standards: ReturnType<typeof sourcingApi>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await bootStrapi();
    chief = await createAdminUser(app);
    reader = await createAdminUser(app, { role: await createAdminRole(app, [{ action: READ }]) });
    standards = sourcingApi(app, chief.token);

    ids.draft = (
      await createStory(app, { title: 'Desk draft only' }, { publish: false })
    ).documentId;
    ids.published = (await createStory(app, { title: 'Desk published' })).documentId;
    ids.modified = (await createStory(app, { title: 'Desk modified' })).documentId;
    await tick();
    await app.strapi.documents(UIDS.story).update({
      documentId: ids.modified,
      data: { dek: 'Changed after publishing' },
    });

    const quoted = async (title: string) => {
      const story = await createSourcedStory(app, { title, knownBy: chief.user.id });
      await app.strapi.documents(UIDS.confidentialSource).update({
        documentId: (await app.strapi.documents(UIDS.story).findOne({
          documentId: story.documentId,
          populate: { anonymousQuotes: { populate: ['confidentialSource'] } },
        }))!.anonymousQuotes![0].confidentialSource!.documentId,
        data: { identity: IDENTITY },
      });
      return story.documentId;
    };
    ids.pending = await quoted('Desk quote pending');
    ids.rejected = await quoted('Desk quote rejected');
    ids.voided = await quoted('Desk quote voided');
    ids.approved = await quoted('Desk quote approved');
    expect((await standards.reject(ids.rejected, 0, { comment: 'Who is this?' })).status).toBe(200);
    expect((await standards.approve(ids.voided)).status).toBe(200);
    await updateQuote(app, ids.voided, { quote: 'There will be much more soon.' });
    expect((await standards.approve(ids.approved)).status).toBe(200);

    const desk = await createAdminUser(app, {
      role: await createAdminRole(app, [{ action: ISSUE_CORRECTIONS }]),
    });
    await issueCorrection(app, desk.token, ids.published, {
      kind: 'correction',
      text: 'An earlier version of this story misspelled the agency name.',
    });
    await tick();
    await issueCorrection(app, desk.token, ids.published, {
      kind: 'update',
      text: 'This story was updated with the agency response to the report.',
    });
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const get = (path: string, token = chief.token) =>
    app.request().get(`/intelligence-stories${path}`).set('Authorization', `Bearer ${token}`);
  const byId = (stories: DeskStory[]) => new Map(stories.map((story) => [story.documentId, story]));

  describe('GET /desk/stories', () => {
    it('lists stories with their state, readiness, pending approvals and corrections', async () => {
      const res = await get('/desk/stories?pagination[pageSize]=100', reader.token).expect(200);
      const stories = byId(res.body.data);
      expect(stories.size).toBe(7);
      expect(stories.get(ids.draft)!.state).toBe('draft');
      expect(stories.get(ids.published)!.state).toBe('published');
      expect(stories.get(ids.modified)!.state).toBe('modified');
      expect(stories.get(ids.published)!.corrections).toBe(2);
      expect(stories.get(ids.published)!.readiness).toEqual({
        ready: true,
        errors: 0,
        warnings: 0,
      });
      for (const key of ['pending', 'rejected', 'voided']) {
        expect(stories.get(ids[key])).toMatchObject({
          pendingApprovals: 1,
          readiness: { ready: false, errors: 1 },
        });
      }
      expect(stories.get(ids.approved)).toMatchObject({
        pendingApprovals: 0,
        readiness: { ready: true },
      });
      expect(res.body.meta.pagination.total).toBe(7);
    });

    it('searches titles and filters by state', async () => {
      const search = await get('/desk/stories?q=QUOTE%20PEND').expect(200);
      expect(search.body.data.map((story: DeskStory) => story.documentId)).toEqual([ids.pending]);

      const modified = await get('/desk/stories?state=modified').expect(200);
      expect(modified.body.data.map((story: DeskStory) => story.documentId)).toEqual([
        ids.modified,
      ]);
      const published = await get('/desk/stories?state=published').expect(200);
      expect(published.body.data.map((story: DeskStory) => story.documentId)).toEqual([
        ids.published,
      ]);
      const drafts = await get('/desk/stories?state=draft').expect(200);
      expect(new Set(drafts.body.data.map((story: DeskStory) => story.documentId))).toEqual(
        new Set([ids.draft, ids.pending, ids.rejected, ids.voided, ids.approved])
      );
      expect(drafts.body.meta.pagination.total).toBe(5);

      const paged = await get(
        '/desk/stories?state=draft&pagination[pageSize]=2&pagination[page]=3'
      );
      expect(paged.body.data).toHaveLength(1);
    });

    it.each([
      ['state=archived', /state must be one of/],
      ['pagination[pageSize]=abc', /pagination\.pageSize/],
      ['sort=title', /unsupported query parameter\(s\): sort/],
    ])('refuses ?%s with a 400', async (query, message) => {
      const res = await get(`/desk/stories?${query}`).expect(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('needs the read-sourcing permission', async () => {
      const nobody = await createAdminUser(app, { role: await createAdminRole(app, []) });
      await get('/desk/stories', nobody.token).expect(403);
    });
  });

  describe('GET /desk/approvals', () => {
    it('queues pending, rejected and voided quotes with their context, never the identity', async () => {
      const res = await get('/desk/approvals').expect(200);
      const items = res.body.data as Array<{
        story: { documentId: string; revision: string };
        state: string;
        comment: string | null;
        source: { alias: string; editorsWhoKnow: string[] };
      }>;
      expect(items.map((item) => [item.story.documentId, item.state]).sort()).toEqual(
        [
          [ids.pending, 'pending'],
          [ids.rejected, 'rejected'],
          [ids.voided, 'voided'],
        ].sort()
      );
      const rejected = items.find((item) => item.state === 'rejected')!;
      expect(rejected.comment).toBe('Who is this?');
      expect(rejected.source.alias).toMatch(/^SRC-/);
      expect(rejected.source.editorsWhoKnow).toEqual(['Test Admin']);
      expect(rejected.story.revision).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(res.body)).not.toContain('IDENTITY-MARKER');
    });

    it('is for holders of the approve permission only', async () => {
      await get('/desk/approvals', reader.token).expect(403);
      const approver = await createAdminUser(app, {
        role: await createAdminRole(app, [{ action: APPROVE }]),
      });
      await get('/desk/approvals', approver.token).expect(200);
    });
  });

  describe('corrections for the desk', () => {
    it("gives a story's timeline, newest first, with who issued each", async () => {
      const res = await get(`/stories/${ids.published}/corrections`, reader.token).expect(200);
      expect(res.body.data.map((c: { kind: string }) => c.kind)).toEqual(['update', 'correction']);
      expect(res.body.data[0]).toMatchObject({
        storyDocumentId: ids.published,
        storyTitle: 'Desk published',
        issuedBy: 'Test Admin',
      });
    });

    it('lists every correction, paginated', async () => {
      const res = await get('/desk/corrections?pagination[pageSize]=1', reader.token).expect(200);
      expect(res.body.data).toHaveLength(1);
      expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 1, pageCount: 2, total: 2 });
    });
  });
});
