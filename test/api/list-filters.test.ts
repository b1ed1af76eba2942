import { authorPresetPermissions, createAdminRole, createAdminUser } from '../helpers/auth';
import { SOURCE_ACTIONS, sourcesApi } from '../helpers/confidential-sources';
import { ISSUE_CORRECTIONS, issueCorrection, tick } from '../helpers/corrections';
import { createSourcedStory } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory, sharedSourceDocument } from '../helpers/stories';
import { UIDS } from '../helpers/uids';

const READ = SOURCE_ACTIONS.readSourcing;
const APPROVE = 'plugin::intelligence-stories.quotes.approve';
const IDENTITY = 'IDENTITY-MARKER Deputy Director Jane Roe';

type Admin = Awaited<ReturnType<typeof createAdminUser>>;
type Row = { documentId: string; kind: string; storyDocumentId: string; canOpenStory: boolean };

/**
 * The lists' query parameters (the corrections' search, kind and dates; the register's search),
 * and the `canOpen` flags by which the pages link only the stories the user may open in the
 * Content Manager, checked against the Content Manager's own answer.
 */
describe('searching and filtering the lists, and linking only what opens', () => {
  let app: TestApp;
  let chief: Admin;
  let reader: Admin; // sourcing.read only
  let author: Admin; // Strapi's Author preset, plus sourcing.read: reads their own entries only
  const ids: Record<string, string> = {};
  const issued: Record<string, { documentId: string; issuedAt: string }> = {};

  beforeAll(async () => {
    app = await bootStrapi();
    chief = await createAdminUser(app);
    reader = await createAdminUser(app, { role: await createAdminRole(app, [{ action: READ }]) });
    author = await createAdminUser(app, {
      role: await createAdminRole(app, [...(await authorPresetPermissions(app)), { action: READ }]),
    });

    ids.election = (await createStory(app, { title: 'Election interference assessed' })).documentId;
    ids.budget = (await createStory(app, { title: 'Budget hearings' })).documentId;
    const created = await app
      .request()
      .post(`/content-manager/collection-types/${UIDS.story}`)
      .set('Authorization', `Bearer ${author.token}`)
      .send({ title: 'An Author’s own draft', slug: 'an-authors-own-draft', kind: 'news' });
    expect(created.status).toBe(201);
    ids.own = created.body.data.documentId;

    const desk = await createAdminUser(app, {
      role: await createAdminRole(app, [{ action: ISSUE_CORRECTIONS }]),
    });
    issued.first = await issueCorrection(app, desk.token, ids.election, {
      kind: 'correction',
      text: 'An earlier version of this story misspelled the agency name.',
    });
    await tick();
    issued.second = await issueCorrection(app, desk.token, ids.election, {
      kind: 'update',
      text: 'This story was updated with the agency response to the report.',
    });
    await tick();
    issued.third = await issueCorrection(app, desk.token, ids.budget, {
      kind: 'clarification',
      text: 'The hearing was held in the Senate, not the House.',
    });

    ids.sourced = (
      await createSourcedStory(app, { title: 'Sourced by the chief', knownBy: chief.user.id })
    ).documentId;
    const sources = app.strapi.documents(UIDS.confidentialSource);
    for (const alias of ['ODNI-REP-1', 'ODNI-REP-2', 'TREASURY-1']) {
      await sources.create({ data: { alias, identity: `${IDENTITY} (${alias})` } });
    }
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const get = (path: string, token = chief.token, query: Record<string, string> = {}) =>
    app
      .request()
      .get(`/intelligence-stories${path}`)
      .query(query)
      .set('Authorization', `Bearer ${token}`);
  const corrections = async (query: Record<string, string>, token = reader.token) => {
    const res = await get('/desk/corrections', token, query);
    expect(res.status).toBe(200);
    return res.body.data as Row[];
  };
  const documentIds = (rows: Row[]) => rows.map(({ documentId }) => documentId);

  describe('GET /desk/corrections', () => {
    it('filters by kind', async () => {
      expect(documentIds(await corrections({ kind: 'clarification' }))).toEqual([
        issued.third.documentId,
      ]);
      expect(await corrections({ kind: 'retraction' })).toEqual([]);
    });

    it("searches the story's title and the correction's text, ignoring case", async () => {
      expect(documentIds(await corrections({ q: 'ELECTION interf' }))).toEqual([
        issued.second.documentId,
        issued.first.documentId,
      ]);
      expect(documentIds(await corrections({ q: 'agency response' }))).toEqual([
        issued.second.documentId,
      ]);
      expect(documentIds(await corrections({ q: 'senate' }))).toEqual([issued.third.documentId]);
      expect(documentIds(await corrections({ q: 'election', kind: 'correction' }))).toEqual([
        issued.first.documentId,
      ]);
    });

    it('keeps those issued within dates, both ends included', async () => {
      expect(documentIds(await corrections({ issuedFrom: issued.second.issuedAt }))).toEqual([
        issued.third.documentId,
        issued.second.documentId,
      ]);
      expect(documentIds(await corrections({ issuedTo: issued.first.issuedAt }))).toEqual([
        issued.first.documentId,
      ]);
      expect(
        documentIds(
          await corrections({
            issuedFrom: issued.second.issuedAt,
            issuedTo: issued.second.issuedAt,
          })
        )
      ).toEqual([issued.second.documentId]);
      // A date alone is the whole UTC day.
      const today = issued.first.issuedAt.slice(0, 10);
      expect(await corrections({ issuedFrom: today, issuedTo: today })).toHaveLength(3);
      expect(await corrections({ issuedTo: '2021-03-16' })).toEqual([]);
      const res = await get('/desk/corrections', reader.token, {
        issuedFrom: today,
        'pagination[pageSize]': '2',
      }).expect(200);
      expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
    });

    it("filters one story's timeline too", async () => {
      const res = await get(`/stories/${ids.election}/corrections`, reader.token, {
        kind: 'update',
      }).expect(200);
      expect(documentIds(res.body.data)).toEqual([issued.second.documentId]);
    });

    it.each([
      [{ kind: 'erratum' }, /^kind must be one of: correction, clarification/],
      [{ issuedFrom: 'yesterday' }, /^issuedFrom must be a date \(2021-03-16\)/],
      [{ issuedTo: '2021-02-30' }, /^issuedTo must be a date/],
      [{ issuedTo: '2021-13-01' }, /^issuedTo must be a date/],
      [
        { issuedFrom: '2021-03-17', issuedTo: '2021-03-16' },
        /^issuedTo must not be before issuedFrom/,
      ],
      [{ q: 'x'.repeat(201) }, /^q must be at most 200 characters/],
      [{ story: 'a-story-documentId' }, /^unsupported query parameter\(s\): story/],
    ])('refuses %j with a 400 naming the parameter', async (query, message) => {
      const res = await get('/desk/corrections', reader.token, query as Record<string, string>);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toMatch(message);
    });
  });

  describe('GET /confidential-sources?q=', () => {
    const aliases = (res: { body: { data: Array<{ alias: string }> } }) =>
      res.body.data.map(({ alias }) => alias);

    it('searches the alias, ignoring case, and answers no more than the list does', async () => {
      const api = sourcesApi(app, reader.token);
      const res = await get('/confidential-sources', reader.token, { q: 'odni' }).expect(200);
      expect(aliases(res)).toEqual(['ODNI-REP-1', 'ODNI-REP-2']);
      const everything = await api.list().expect(200);
      for (const found of res.body.data) {
        expect(everything.body.data).toContainEqual(found);
      }
      expect(JSON.stringify(res.body)).not.toContain('IDENTITY-MARKER');
      expect(aliases(await get('/confidential-sources', reader.token, { q: 'TREAS' }))).toEqual([
        'TREASURY-1',
      ]);
    });

    it('never searches the encrypted fields: an identity finds nothing', async () => {
      for (const q of ['IDENTITY-MARKER', 'Jane Roe', 'A named official']) {
        const res = await get('/confidential-sources', chief.token, { q }).expect(200);
        expect(res.body.data).toEqual([]);
      }
    });

    it('keeps the register behind its permission', async () => {
      const nobody = await createAdminUser(app, { role: await createAdminRole(app, []) });
      const refused = await get('/confidential-sources', nobody.token, { q: 'odni' });
      expect(refused.status).toBe(403);
      expect(JSON.stringify(refused.body)).not.toContain('ODNI-REP');
      const plainAuthor = await createAdminUser(app, { role: 'strapi-author' });
      expect((await get('/confidential-sources', plainAuthor.token, { q: 'odni' })).status).toBe(
        403
      );
    });

    it.each([
      [{ q: 'x'.repeat(121) }, /^q must be at most 120 characters/],
      [{ identity: 'Jane' }, /^unsupported query parameter\(s\): identity/],
      [{ 'filters[identity][$contains]': 'Jane' }, /^unsupported query parameter\(s\): filters/],
    ])('refuses %j with a 400 naming the parameter', async (query, message) => {
      const res = await get('/confidential-sources', reader.token, query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(JSON.stringify(res.body)).not.toContain('IDENTITY-MARKER');
    });
  });

  describe('canOpen: the Content Manager would open it for this user', () => {
    const contentManagerRead = (token: string, documentId: string) =>
      app
        .request()
        .get(`/content-manager/collection-types/${UIDS.story}/${documentId}`)
        .set('Authorization', `Bearer ${token}`);

    it("on the desk, false for an Author on another's story, true on their own", async () => {
      const res = await get('/desk/stories', author.token, { 'pagination[pageSize]': '100' });
      expect(res.status).toBe(200);
      const canOpen = new Map(
        res.body.data.map((story: { documentId: string; canOpen: boolean }) => [
          story.documentId,
          story.canOpen,
        ])
      );
      expect(canOpen.get(ids.own)).toBe(true);
      expect(canOpen.get(ids.election)).toBe(false);
      expect(canOpen.get(ids.sourced)).toBe(false);
      // The Content Manager agrees, story by story.
      for (const [documentId, opens] of canOpen) {
        expect((await contentManagerRead(author.token, documentId as string)).status).toBe(
          opens ? 200 : 403
        );
      }

      const asChief = await get('/desk/stories', chief.token, { 'pagination[pageSize]': '100' });
      expect(asChief.body.data.every((story: { canOpen: boolean }) => story.canOpen === true)).toBe(
        true
      );
    });

    it('on a role without the Content Manager, false everywhere', async () => {
      const res = await get('/desk/stories', reader.token).expect(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      expect(res.body.data.every((story: { canOpen: boolean }) => story.canOpen === false)).toBe(
        true
      );
    });

    it('on the corrections, the register and the approval queue', async () => {
      expect((await corrections({}, author.token)).map((row) => row.canOpenStory)).toEqual([
        false,
        false,
        false,
      ]);
      expect((await corrections({}, chief.token)).every((row) => row.canOpenStory)).toBe(true);

      const quoteOf = async (token: string) => {
        const res = await get('/confidential-sources', token, { q: 'SRC-Sourced' }).expect(200);
        return res.body.data[0].quotes[0];
      };
      expect(await quoteOf(author.token)).toMatchObject({
        storyDocumentId: ids.sourced,
        canOpenStory: false,
      });
      expect(await quoteOf(chief.token)).toMatchObject({
        storyDocumentId: ids.sourced,
        canOpenStory: true,
      });

      const standards = await createAdminUser(app, {
        role: await createAdminRole(app, [{ action: APPROVE }]),
      });
      const queue = await get('/desk/approvals', standards.token).expect(200);
      expect(queue.body.data[0].story).toMatchObject({ documentId: ids.sourced, canOpen: false });
      const queueAsChief = await get('/desk/approvals', chief.token).expect(200);
      expect(queueAsChief.body.data[0].story).toMatchObject({ canOpen: true });
    });

    it("on a source document's page, for its Edit in the Content Manager", async () => {
      const documentId = await sharedSourceDocument(app);
      const asAuthor = await get(`/source-documents/${documentId}`, author.token).expect(200);
      expect(asAuthor.body.data.canOpen).toBe(false);
      const cm = await app
        .request()
        .get(`/content-manager/collection-types/${UIDS.sourceDocument}/${documentId}`)
        .set('Authorization', `Bearer ${author.token}`);
      expect(cm.status).toBe(403);
      const asChief = await get(`/source-documents/${documentId}`, chief.token).expect(200);
      expect(asChief.body.data.canOpen).toBe(true);
    });
  });
});
