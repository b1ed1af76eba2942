import { createAdminUser } from '../helpers/auth';
import { sourcesApi } from '../helpers/confidential-sources';
import { contentManager, errorPaths } from '../helpers/content-manager';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

type Uid = (typeof UIDS)[keyof typeof UIDS];

describe('validation of every write, through the Content Manager', () => {
  let app: TestApp;
  let cm: ReturnType<typeof contentManager>;
  let documentId: string;
  let storyId: string;

  beforeAll(async () => {
    app = await bootStrapi();
    cm = contentManager(app, (await createAdminUser(app)).token);

    const document = await cm.create(UIDS.sourceDocument, {
      title: 'Foreign Threats to the 2020 US Federal Elections',
      issuer: 'ODNI',
      pageCount: 15,
      classification: 'declassified',
    });
    expect(document.status).toBe(201);
    documentId = document.body.data.documentId;

    const story = await cm.create(UIDS.story, {
      title: 'Report points to Russian interference',
      slug: 'report-points-to-russian-interference',
    });
    expect(story.status).toBe(201);
    storyId = story.body.data.documentId;
  });

  afterAll(async () => {
    await app?.destroy();
  });

  /** Every row of a type, drafts included, so "nothing written" covers both versions. */
  const snapshot = (uid: Uid) => app.strapi.db.query(uid).findMany({ orderBy: { id: 'asc' } });

  const expectRefused = async (
    uid: Uid,
    write: () => Promise<{
      status: number;
      body: Parameters<typeof errorPaths>[0] & { error?: { message?: string } };
    }>,
    path: string,
    message: RegExp
  ) => {
    const before = await snapshot(uid);
    const res = await write();
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toContain(path);
    const messages = (res.body.error?.details?.errors ?? []).map((error) => error.message);
    expect(messages.some((text) => message.test(text))).toBe(true);
    expect(await snapshot(uid)).toEqual(before);
  };

  // Test tables are built before beforeAll runs, so they cite the document by this placeholder.
  const DOCUMENT = '@source-document';
  const withDocument = <T>(data: T): T =>
    JSON.parse(JSON.stringify(data).split(`"${DOCUMENT}"`).join(JSON.stringify(documentId)));

  const citation = (page: number) => ({
    sourceDocument: { connect: [{ documentId: DOCUMENT }] },
    page,
    passage: 'Other senior officials were also involved',
    passageType: 'quote',
  });

  describe('story', () => {
    it.each([
      [
        'title longer than 255 characters',
        { title: 'x'.repeat(256) },
        'title',
        /^Title: shorten it to 255 characters at most\./,
      ],
      ['title of spaces only', { title: '   ' }, 'title', /^Title: cannot be only spaces/],
      [
        'slug with capitals and spaces',
        { title: 'Ok', slug: 'Bad Slug' },
        'slug',
        /^Slug: use lowercase letters and digits joined by single hyphens/,
      ],
      [
        'slug with a trailing hyphen',
        { title: 'Ok', slug: 'bad-' },
        'slug',
        /^Slug: use lowercase letters and digits joined by single hyphens/,
      ],
      [
        'kind outside the list',
        { title: 'Ok', slug: 'ok-kind', kind: 'opinion' },
        'kind',
        /^Kind: choose one of news, analysis, explainer\.$/,
      ],
      [
        'dek longer than 600 characters',
        { title: 'Ok', slug: 'ok-dek', dek: 'x'.repeat(601) },
        'dek',
        /^Dek: shorten it to 600 characters at most\./,
      ],
      [
        'citation page 0',
        { title: 'Ok', slug: 'ok-page0', citations: [citation(0)] },
        'citations.0.page',
        /^Citation 1 › Page: must be 1 or more\./,
      ],
      [
        'citation of a page beyond the document',
        { title: 'Ok', slug: 'ok-page16', citations: [citation(16)] },
        'citations.0.page',
        /^Citation 1 › Page: page 16 does not exist .* 15 pages/,
      ],
      [
        'citation passage type outside the list',
        { title: 'Ok', slug: 'ok-type', citations: [{ ...citation(3), passageType: 'summary' }] },
        'citations.0.passageType',
        /choose one of/,
      ],
      [
        'byline without a name',
        { title: 'Ok', slug: 'ok-byline', bylines: [{ name: ' ', role: 'Staff' }] },
        'bylines.0.name',
        /cannot be only spaces/,
      ],
      [
        'slug already used by another story',
        { title: 'Other', slug: 'report-points-to-russian-interference' },
        'slug',
        /already used by another story/,
      ],
    ])('refuses a new story with %s', async (_rule, data, path, message) => {
      await expectRefused(
        UIDS.story,
        () => cm.create(UIDS.story, withDocument(data)),
        path,
        message
      );
    });

    it('refuses an update that cites a page beyond the document, and keeps the story as it was', async () => {
      await expectRefused(
        UIDS.story,
        () =>
          cm.update(
            UIDS.story,
            storyId,
            withDocument({ title: 'Changed', citations: [citation(99)] })
          ),
        'citations.0.page',
        /page 99 does not exist/
      );
      const stored = await app.strapi.documents(UIDS.story).findOne({ documentId: storyId });
      expect(stored?.title).toBe('Report points to Russian interference');
    });

    it('accepts a citation of the last page', async () => {
      const res = await cm.update(UIDS.story, storyId, withDocument({ citations: [citation(15)] }));
      expect(res.status).toBe(200);
    });
  });

  describe('source document', () => {
    const base = {
      title: 'A report',
      issuer: 'ODNI',
      pageCount: 15,
      classification: 'declassified' as const,
    };

    it.each([
      [
        'page count of 0',
        { ...base, pageCount: 0 },
        'pageCount',
        /^Page count: must be 1 or more\./,
      ],
      [
        'negative page count',
        { ...base, pageCount: -3 },
        'pageCount',
        /^Page count: must be 1 or more\./,
      ],
      ['fractional page count', { ...base, pageCount: 2.5 }, 'pageCount', /./],
      [
        'classification outside the list',
        { ...base, classification: 'secret' },
        'classification',
        /choose one of/,
      ],
      [
        'official URL that is not an address',
        { ...base, officialUrl: 'not a url' },
        'officialUrl',
        /^Official URL: give a full http\(s\) address/,
      ],
      [
        'official URL with a script scheme',
        { ...base, officialUrl: 'javascript:alert(1)' },
        'officialUrl',
        /^Official URL: give a full http\(s\) address/,
      ],
      [
        'release date before the document date',
        { ...base, documentDate: '2021-03-16', releaseDate: '2021-03-10' },
        'releaseDate',
        /^Release date: cannot be earlier than the document date\./,
      ],
      [
        'key judgment beyond the page count',
        { ...base, keyJudgments: [{ text: 'A judgment', page: 20, confidence: 'high' }] },
        'keyJudgments.0.page',
        /^Key judgment 1 › Page: page 20 is beyond the document’s 15 pages/,
      ],
      [
        'key judgment confidence outside the list',
        { ...base, keyJudgments: [{ text: 'A judgment', confidence: 'certain' }] },
        'keyJudgments.0.confidence',
        /choose one of/,
      ],
      [
        'key judgment likelihood outside ICD 203',
        {
          ...base,
          keyJudgments: [{ text: 'A judgment', confidence: 'high', likelihood: 'probably' }],
        },
        'keyJudgments.0.likelihood',
        /choose one of/,
      ],
    ])('refuses %s', async (_rule, data, path, message) => {
      await expectRefused(
        UIDS.sourceDocument,
        () => cm.create(UIDS.sourceDocument, data),
        path,
        message
      );
    });

    it('refuses shrinking the page count below a key judgment, and keeps the document as it was', async () => {
      const created = await app.strapi.documents(UIDS.sourceDocument).create({
        data: { ...base, keyJudgments: [{ text: 'On page 12', page: 12, confidence: 'low' }] },
      });
      await expectRefused(
        UIDS.sourceDocument,
        () => cm.update(UIDS.sourceDocument, created.documentId, { pageCount: 10 }),
        'keyJudgments.0.page',
        /^Key judgment 1 › Page: page 12 is beyond the document’s 10 pages/
      );
    });
  });

  describe('correction', () => {
    const base = () => ({
      storyDocumentId: storyId,
      kind: 'correction',
      text: 'An earlier version of this story misstated the page count.',
      issuedAt: new Date().toISOString(),
    });

    it.each([
      [
        'text shorter than 20 characters',
        { text: 'Fixed a typo.' },
        'text',
        /^Text: write at least 20 characters\./,
      ],
      ['kind outside the list', { kind: 'oops' }, 'kind', /choose one of/],
      [
        'story that does not exist',
        { storyDocumentId: 'no-such-story' },
        'storyDocumentId',
        /no story has the documentId/,
      ],
    ])('refuses a correction with %s', async (_rule, override, path, message) => {
      await expectRefused(
        UIDS.correction,
        () => cm.create(UIDS.correction, { ...base(), ...override }),
        path,
        message
      );
    });
  });

  describe('confidential source', () => {
    // Hidden from the Content Manager, whose API refuses to write it: the register's route is the way.
    it('refuses an alias of spaces only', async () => {
      const register = sourcesApi(app, (await createAdminUser(app)).token);
      await expectRefused(
        UIDS.confidentialSource,
        () => register.create({ alias: '  ', identity: 'Someone' }),
        'alias',
        /alias cannot be only spaces/
      );
      const viaContentManager = await cm.create(UIDS.confidentialSource, {
        alias: 'CM-1',
        identity: 'Someone',
      });
      expect(viaContentManager.status).toBe(403);
    });
  });

  it('lists every refused field in the message, by label, never as "2 errors occurred"', async () => {
    const before = await snapshot(UIDS.story);
    const res = await cm.create(UIDS.story, {
      title: 'x'.repeat(256),
      slug: 'two-refusals',
      dek: 'y'.repeat(601),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      '2 fields need attention: Title: shorten it to 255 characters at most. Dek: shorten it to 600 characters at most.'
    );
    expect(res.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['title'], code: 'string.max', values: { max: 255 } }),
      expect.objectContaining({ path: ['dek'], code: 'string.max', values: { max: 600 } }),
    ]);
    expect(await snapshot(UIDS.story)).toEqual(before);
  });

  it('refuses in the editor’s language: their profile’s, else their browser’s', async () => {
    const body = { title: 'Un titre', slug: 'Pas Un Slug', kind: 'news' };
    const french = await app
      .request()
      .post(`/content-manager/collection-types/${UIDS.story}`)
      .set('Authorization', `Bearer ${(await createAdminUser(app)).token}`)
      .set('Accept-Language', 'fr-FR,fr;q=0.9')
      .send(body);
    expect(french.status).toBe(400);
    expect(french.body.error.message).toMatch(
      /^Identifiant d’URL : utilisez des minuscules et des chiffres reliés par un seul tiret/
    );

    const profile = await createAdminUser(app);
    await app.strapi.db
      .query('admin::user')
      .update({ where: { id: profile.user.id }, data: { preferedLanguage: 'fr' } });
    const fromProfile = await contentManager(app, profile.token).create(UIDS.story, body);
    expect(fromProfile.body.error.message).toMatch(/^Identifiant d’URL : /);
    expect(await app.strapi.documents(UIDS.story).count({ filters: { title: 'Un titre' } })).toBe(
      0
    );
  });

  it('validates writes from code through the Document Service the same way', async () => {
    const before = await snapshot(UIDS.sourceDocument);
    await expect(
      app.strapi.documents(UIDS.sourceDocument).create({
        data: { title: 'A report', issuer: 'ODNI', pageCount: 0, classification: 'declassified' },
      })
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(/^Page count: must be 1 or more\./),
    });
    expect(await snapshot(UIDS.sourceDocument)).toEqual(before);
  });
});
