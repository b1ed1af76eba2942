import { createAdminRole, createAdminUser } from '../helpers/auth';
import { ISSUE_CORRECTIONS, issueCorrection, tick } from '../helpers/corrections';
import { createSourcedStory, GOOD_QUOTE, sourcingApi, updateQuote } from '../helpers/sourcing';
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
  awaitingDecision: Array<{ quoteIndex: number; path: string; reason: string }>;
  corrections: number;
};

type QueueItem = {
  story: { documentId: string; revision: string };
  quoteIndex: number;
  state: string;
  comment: string | null;
  decidedBy: string | null;
  source: { alias: string; editorsWhoKnow: string[] };
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
    ids.lost = await quoted('Desk quote approver lost');
    expect((await standards.reject(ids.rejected, 0, { comment: 'Who is this?' })).status).toBe(200);
    expect((await standards.approve(ids.voided)).status).toBe(200);
    await updateQuote(app, ids.voided, { quote: 'There will be much more soon.' });
    expect((await standards.approve(ids.approved)).status).toBe(200);
    // Approved by a standards editor whose role then loses the approve permission.
    const demoted = await createAdminRole(app, [{ action: APPROVE }, { action: READ }]);
    const approver = await createAdminUser(app, { role: demoted });
    expect((await sourcingApi(app, approver.token).approve(ids.lost)).status).toBe(200);
    await app.strapi.service('admin::role').assignPermissions(demoted.id, [{ action: READ }]);

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
      expect(stories.size).toBe(8);
      expect(stories.get(ids.draft)!.state).toBe('draft');
      expect(stories.get(ids.published)!.state).toBe('published');
      expect(stories.get(ids.modified)!.state).toBe('modified');
      expect(stories.get(ids.published)!.corrections).toBe(2);
      expect(stories.get(ids.published)!.readiness).toEqual({
        ready: true,
        errors: 0,
        warnings: 0,
      });
      for (const [key, reason] of [
        ['pending', 'pending'],
        ['rejected', 'rejected'],
        ['voided', 'voided'],
        ['lost', 'approver-lost-permission'],
      ]) {
        expect(stories.get(ids[key])).toMatchObject({
          pendingApprovals: 1,
          awaitingDecision: [{ quoteIndex: 0, path: 'anonymousQuotes[0].approvalState', reason }],
          readiness: { ready: false, errors: 1 },
        });
      }
      expect(stories.get(ids.approved)).toMatchObject({
        pendingApprovals: 0,
        awaitingDecision: [],
        readiness: { ready: true },
      });
      expect(res.body.meta.pagination.total).toBe(8);
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
        new Set([ids.draft, ids.pending, ids.rejected, ids.voided, ids.approved, ids.lost])
      );
      expect(drafts.body.meta.pagination.total).toBe(6);

      const paged = await get(
        '/desk/stories?state=draft&pagination[pageSize]=4&pagination[page]=2'
      );
      expect(paged.body.data).toHaveLength(2);
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
    it('queues every quote awaiting a decision with its context, never the identity', async () => {
      const res = await get('/desk/approvals').expect(200);
      const items = res.body.data as QueueItem[];
      expect(items.map((item) => [item.story.documentId, item.state]).sort()).toEqual(
        [
          [ids.pending, 'pending'],
          [ids.rejected, 'rejected'],
          [ids.voided, 'voided'],
          [ids.lost, 'approver-lost-permission'],
        ].sort()
      );
      expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 4 });
      const byState = new Map(items.map((item) => [item.state, item]));
      expect(byState.get('pending')!.decidedBy).toBeNull();
      expect(byState.get('approver-lost-permission')!.decidedBy).toBe('Test Admin');
      const rejected = byState.get('rejected')!;
      expect(rejected.decidedBy).toBe('Test Admin');
      expect(rejected.comment).toBe('Who is this?');
      expect(rejected.source.alias).toMatch(/^SRC-/);
      expect(rejected.source.editorsWhoKnow).toEqual(['Test Admin']);
      expect(rejected.story.revision).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(res.body)).not.toContain('IDENTITY-MARKER');
    });

    it.each([
      ['pagination[pageSize]=abc', /pagination\.pageSize/],
      ['pagination[page]=0', /pagination\.page/],
      ['sort=title', /unsupported query parameter\(s\): sort/],
    ])('refuses ?%s with a 400', async (query, message) => {
      const res = await get(`/desk/approvals?${query}`).expect(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('is for holders of the approve permission only', async () => {
      await get('/desk/approvals', reader.token).expect(403);
      const approver = await createAdminUser(app, {
        role: await createAdminRole(app, [{ action: APPROVE }]),
      });
      await get('/desk/approvals', approver.token).expect(200);
    });
  });

  describe('GET /desk/approvals, page by page', () => {
    const key = (item: QueueItem) => `${item.story.documentId}#${item.quoteIndex}`;
    let twoQuotes: string;

    beforeAll(async () => {
      // 30 more stories awaiting a decision, the 21st with two quotes: most recent first, its
      // quotes are the 10th and 11th in the queue, across the first two pages of 10.
      for (let n = 1; n <= 30; n += 1) {
        const { documentId } = await createSourcedStory(app, {
          title: `Queue page story ${n}`,
          knownBy: chief.user.id,
        });
        if (n === 21) {
          twoQuotes = documentId;
          const story = await app.strapi.documents(UIDS.story).findOne({
            documentId,
            populate: { anonymousQuotes: { populate: ['confidentialSource'] } },
          });
          const [quote] = story!.anonymousQuotes!;
          await app.strapi.documents(UIDS.story).update({
            documentId,
            data: {
              anonymousQuotes: [
                {
                  ...GOOD_QUOTE,
                  id: quote.id,
                  confidentialSource: quote.confidentialSource!.documentId,
                },
                {
                  ...GOOD_QUOTE,
                  quote: 'A second quote.',
                  confidentialSource: quote.confidentialSource!.documentId,
                },
              ],
            },
          });
        }
      }
    });

    it('pages through every quote awaiting a decision, none twice, with the total', async () => {
      const pages: QueueItem[][] = [];
      for (let page = 1; page <= 5; page += 1) {
        const res = await get(
          `/desk/approvals?pagination[pageSize]=10&pagination[page]=${page}`
        ).expect(200);
        expect(res.body.meta.pagination).toEqual({ page, pageSize: 10, pageCount: 4, total: 35 });
        pages.push(res.body.data);
      }
      expect(pages.map((page) => page.length)).toEqual([10, 10, 10, 5, 0]);
      const walked = pages.flat().map(key);
      expect(new Set(walked).size).toBe(35);
      expect(pages[0][9]).toMatchObject({ story: { documentId: twoQuotes }, quoteIndex: 0 });
      expect(pages[1][0]).toMatchObject({ story: { documentId: twoQuotes }, quoteIndex: 1 });

      // The same order as one page holding them all, and with the offset form.
      const whole = await get('/desk/approvals?pagination[pageSize]=100').expect(200);
      expect(whole.body.data.map(key)).toEqual(walked);
      const offset = await get('/desk/approvals?pagination[start]=30&pagination[limit]=3').expect(
        200
      );
      expect(offset.body.data.map(key)).toEqual(walked.slice(30, 33));
      expect(offset.body.meta.pagination).toEqual({ start: 30, limit: 3, total: 35 });

      // Drafts are read 100 at a time: read 7 at a time, the walk crosses batches and agrees.
      const queue = app.strapi.plugin('intelligence-stories').service('approval-queue');
      for (const [start, limit] of [
        [0, 100],
        [5, 10],
        [33, 10],
      ]) {
        const { results, total } = await queue.list({ start, limit }, 7);
        expect(total).toBe(35);
        expect(results.map(key)).toEqual(walked.slice(start, start + limit));
      }
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
