import { createAdminUser, grantPublicPermission } from '../helpers/auth';
import { sourcesApi } from '../helpers/confidential-sources';
import { contentManager, errorPaths } from '../helpers/content-manager';
import { issueCorrection } from '../helpers/corrections';
import { pluginTables, queriesDuring } from '../helpers/raw-dump';
import { sourcingApi } from '../helpers/sourcing';
import { createStory, sharedSourceDocument } from '../helpers/stories';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';

type Response = {
  status: number;
  body: Parameters<typeof errorPaths>[0] & { error?: { message?: string } };
};

const times = <T>(count: number, item: (index: number) => T) =>
  Array.from({ length: count }, (_, index) => item(index));

const JUDGMENT = { text: 'We assess that the campaign was authorized.', confidence: 'high' };
// Short enough that 20,000 of them fit under the body parser's 1 MB limit, as in the report.
const SHORT_JUDGMENT = { text: 'Judgment', confidence: 'high' };
const PARAGRAPH = { type: 'paragraph', children: [{ type: 'text', text: 'A paragraph.' }] };
const QUOTE = {
  quote: 'There will be more soon.',
  attribution: 'a representative of the administration',
  anonymityReason: 'The representative was not authorized to discuss sanctions.',
};
const ZERO_WIDTH = '\u200b';
const RIGHT_TO_LEFT_OVERRIDE = '\u202e';
const DEEP = 100_000;
const deepJson = (field: string) => `{"${field}":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`;

describe('bad input is refused cheaply, by name, and leaves nothing behind', () => {
  let app: TestApp;
  let token: string;
  let cm: ReturnType<typeof contentManager>;
  let storyId: string;
  let sourceDocumentId: string;

  beforeAll(async () => {
    app = await bootStrapi();
    token = (await createAdminUser(app)).token;
    cm = contentManager(app, token);
    sourceDocumentId = await sharedSourceDocument(app);
    storyId = (await createStory(app, { title: 'Report points to interference' })).documentId;
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const auth = () => ({ Authorization: `Bearer ${token}` });

  /** A 400 whose error names `path` and matches `message`, with every plugin table unchanged. */
  const expectRefused = async (
    write: () => Promise<Response>,
    path: string,
    message: RegExp
  ): Promise<string[]> => {
    const before = await pluginTables(app);
    let res: Response | undefined;
    const statements = await queriesDuring(app, async () => {
      res = await write();
    });
    expect(res!.status).toBe(400);
    expect(errorPaths(res!.body)).toContain(path);
    const messages = (res!.body.error?.details?.errors ?? []).map((error) => error.message);
    expect(messages.some((text) => message.test(text))).toBe(true);
    expect(await pluginTables(app)).toEqual(before);
    return statements;
  };

  const touchesComponentTables = (statements: string[]) =>
    statements.filter((sql) => /components_intel/.test(sql));

  describe('lists over their cap', () => {
    const citation = () => ({
      sourceDocument: { connect: [{ documentId: sourceDocumentId }] },
      page: 1,
      passage: 'Other senior officials were also involved',
      passageType: 'quote',
    });

    it.each([
      ['bylines', () => ({ bylines: times(21, () => ({ name: 'Reporter' })) }), 'bylines', 20],
      ['citations', () => ({ citations: times(501, citation) }), 'citations', 500],
      [
        'anonymous quotes',
        () => ({ anonymousQuotes: times(101, () => QUOTE) }),
        'anonymousQuotes',
        100,
      ],
      [
        'source documents linked',
        () => ({ sourceDocuments: { connect: times(101, (id) => ({ id: id + 1 })) } }),
        'sourceDocuments',
        100,
      ],
      ['body blocks', () => ({ body: times(2001, () => PARAGRAPH) }), 'body', 2000],
      [
        "a citation's one source document",
        () => ({
          citations: [
            {
              ...citation(),
              sourceDocument: { connect: times(2, () => ({ documentId: sourceDocumentId })) },
            },
          ],
        }),
        'citations.0.sourceDocument',
        1,
      ],
    ])('a story with too many %s, through the Content Manager', async (_, data, path, cap) => {
      const statements = await expectRefused(
        () => cm.create(UIDS.story, { title: 'Over the cap', slug: 'over-the-cap', ...data() }),
        path,
        new RegExp(`takes at most ${cap} items?`)
      );
      expect(touchesComponentTables(statements)).toEqual([]);
      await expectRefused(
        () => cm.update(UIDS.story, storyId, data()),
        path,
        new RegExp(`takes at most ${cap} items?`)
      );
    });

    it('a story body over 500,000 characters as JSON', async () => {
      const block = { type: 'paragraph', children: [{ type: 'text', text: 'x'.repeat(1000) }] };
      await expectRefused(
        () => cm.update(UIDS.story, storyId, { body: times(600, () => block) }),
        'body',
        /body is at most 500000 characters/
      );
    });

    it('20,000 key judgments on the library route: refused before any component row is touched', async () => {
      const keyJudgments = times(20_000, () => SHORT_JUDGMENT);
      const statements = await expectRefused(
        () =>
          app
            .request()
            .put(`/intelligence-stories/source-documents/${sourceDocumentId}/key-judgments`)
            .set(auth())
            .send({ revision: null, keyJudgments }),
        'keyJudgments',
        /keyJudgments takes at most 200 items in one write \(received 20000\)/
      );
      expect(touchesComponentTables(statements)).toEqual([]);
    });

    it('20,000 key judgments through the Content Manager: refused before any component row', async () => {
      const statements = await expectRefused(
        () =>
          cm.update(UIDS.sourceDocument, sourceDocumentId, {
            keyJudgments: times(20_000, () => SHORT_JUDGMENT),
          }),
        'keyJudgments',
        /keyJudgments takes at most 200 items/
      );
      // Refused on the route, before the Content Manager loads the document or sanitizes the body.
      expect(statements.filter((sql) => /intel_/.test(sql))).toEqual([]);
    });

    it.each(['bulkPublish', 'bulkUnpublish', 'bulkDelete'])(
      'a Content Manager %s of 101 stories',
      async (action) => {
        const statements = await expectRefused(
          () =>
            app
              .request()
              .post(`/content-manager/collection-types/${UIDS.story}/actions/${action}`)
              .set(auth())
              .send({ documentIds: times(101, () => storyId) }),
          'documentIds',
          /documentIds takes at most 100 items/
        );
        expect(statements.filter((sql) => /intel_/.test(sql))).toEqual([]);
      }
    );

    it('201 key judgments through the Document Service, as code would write them', async () => {
      const before = await pluginTables(app);
      await expect(
        app.strapi.documents(UIDS.sourceDocument).update({
          documentId: sourceDocumentId,
          data: { keyJudgments: times(201, () => JUDGMENT) },
        } as never)
      ).rejects.toThrow(/keyJudgments takes at most 200 items/);
      expect(await pluginTables(app)).toEqual(before);
    });

    it('200 key judgments, the cap itself, are accepted', async () => {
      const revision = (
        await app.strapi
          .documents(UIDS.sourceDocument)
          .findOne({ documentId: sourceDocumentId, status: 'draft', fields: ['revision'] })
      )?.revision;
      const res = await app
        .request()
        .put(`/intelligence-stories/source-documents/${sourceDocumentId}/key-judgments`)
        .set(auth())
        .send({ revision: revision ?? null, keyJudgments: times(200, () => JUDGMENT) });
      expect(res.status).toBe(200);
      expect(res.body.data.keyJudgments).toHaveLength(200);
    });

    it('51 editors who know a source, on the register routes', async () => {
      const sources = sourcesApi(app, token);
      await expectRefused(
        () =>
          sources.create({
            alias: 'Over the cap',
            identity: 'Someone',
            editorsWhoKnow: times(51, (id) => id + 1),
          }),
        'editorsWhoKnow',
        /editorsWhoKnow takes at most 50 items/
      );
      const created = await sources.create({ alias: 'Within the cap', identity: 'Someone' });
      expect(created.status).toBe(201);
      await expectRefused(
        () =>
          sources.update(created.body.data.documentId, {
            editorsWhoKnow: times(51, (id) => id + 1),
          }),
        'editorsWhoKnow',
        /editorsWhoKnow takes at most 50 items/
      );
    });
  });

  describe('JSON nested 100,000 deep', () => {
    const sendRaw = (method: 'post' | 'put', url: string, body: string) =>
      app.request()[method](url).set(auth()).set('Content-Type', 'application/json').send(body);

    it.each([
      [
        'Content Manager: create a story',
        'post',
        `/content-manager/collection-types/${UIDS.story}`,
        'title',
      ],
      [
        'Content Manager: update a source document',
        'put',
        `/content-manager/collection-types/${UIDS.sourceDocument}/@document`,
        'keyJudgments',
      ],
      [
        'Content Manager: create a correction',
        'post',
        `/content-manager/collection-types/${UIDS.correction}`,
        'text',
      ],
      [
        'plugin: issue a correction',
        'post',
        '/intelligence-stories/stories/@story/corrections',
        'text',
      ],
      [
        'plugin: save key judgments',
        'put',
        '/intelligence-stories/source-documents/@document/key-judgments',
        'keyJudgments',
      ],
      [
        'plugin: create a confidential source',
        'post',
        '/intelligence-stories/confidential-sources',
        'alias',
      ],
    ] as const)('%s → 400', async (_, method, url, field) => {
      const target = url.replace('@story', storyId).replace('@document', sourceDocumentId);
      await expectRefused(
        () => sendRaw(method, target, deepJson(field)),
        '',
        /nests deeper than 64 levels/
      );
    });

    it("Content Manager: generate a story's slug, the model named in the body → 400", async () => {
      const body = `{"contentTypeUID":"${UIDS.story}","field":"slug",${deepJson('data').slice(1)}`;
      await expectRefused(
        () => sendRaw('post', '/content-manager/uid/generate', body),
        '',
        /nests deeper than 64 levels/
      );
    });

    it('a body 64 levels deep is still read', async () => {
      const nested = `{"title":"Nested list story","slug":"nested-list-story","body":[${'{"type":"list","format":"unordered","children":['.repeat(20)}{"type":"list-item","children":[{"type":"text","text":"deep"}]}${']}'.repeat(20)}]}`;
      const res = await app
        .request()
        .post(`/content-manager/collection-types/${UIDS.story}`)
        .set(auth())
        .set('Content-Type', 'application/json')
        .send(nested);
      expect(res.status).toBe(201);
    });
  });

  describe('reader-facing text', () => {
    const issue = (body: Record<string, unknown>) =>
      app
        .request()
        .post(`/intelligence-stories/stories/${storyId}/corrections`)
        .set(auth())
        .send({ kind: 'correction', ...body });

    it('a correction made of 25 zero-width spaces is refused', async () => {
      await expectRefused(
        () => issue({ text: ZERO_WIDTH.repeat(25) }),
        'text',
        /^Text: cannot be only spaces or invisible characters/
      );
    });

    it.each([
      ['word joiners and byte-order marks', '\u2060\ufeff'.repeat(12)],
      ['soft hyphens and spaces', '\u00ad '.repeat(12)],
      ['zero-width joiners', '\u200c\u200d'.repeat(12)],
    ])('a correction of %s is refused', async (_, text) => {
      await expectRefused(() => issue({ text }), 'text', /cannot be only spaces or invisible/);
    });

    it('a correction holding a right-to-left override is refused', async () => {
      await expectRefused(
        () => issue({ text: `The figure was ${RIGHT_TO_LEFT_OVERRIDE}000,01 not 10,000.` }),
        'text',
        /^Text: contains a bidirectional control character/
      );
    });

    it.each([
      ['quote', { quote: ZERO_WIDTH.repeat(10) }, 'anonymousQuotes.0.quote', /invisible/],
      [
        'attribution',
        { attribution: `an official \u2066of\u2069 state` },
        'anonymousQuotes.0.attribution',
        /bidirectional/,
      ],
      [
        'anonymityReason',
        { anonymityReason: '\u200b \u200b' },
        'anonymousQuotes.0.anonymityReason',
        /invisible/,
      ],
    ])(
      'an anonymous quote whose %s is refused, through the Content Manager',
      async (_, field, path, message) => {
        await expectRefused(
          () => cm.update(UIDS.story, storyId, { anonymousQuotes: [{ ...QUOTE, ...field }] }),
          path,
          message
        );
      }
    );

    it.each([
      ['title', { title: `Report ${RIGHT_TO_LEFT_OVERRIDE}points` }, 'title', /bidirectional/],
      ['dek', { dek: ZERO_WIDTH.repeat(5) }, 'dek', /invisible/],
      [
        'body',
        { body: [{ type: 'paragraph', children: [{ type: 'text', text: 'a\u202ab' }] }] },
        'body',
        /bidirectional/,
      ],
    ])("a story's %s is refused", async (_, data, path, message) => {
      await expectRefused(() => cm.update(UIDS.story, storyId, data), path, message);
    });

    it('a late reason with a bidi isolate is refused', async () => {
      await expectRefused(
        () =>
          issue({
            text: 'The report was released in March, not May.',
            lateReason: 'Late \u2067x\u2069',
          }),
        'lateReason',
        /bidirectional/
      );
    });

    it('a non-substantive declaration whose reason is invisible is refused', async () => {
      await expectRefused(
        () => sourcingApi(app, token).declareNonSubstantive(storyId, ZERO_WIDTH.repeat(20)),
        'reason',
        /^Reason: cannot be only spaces or invisible characters/
      );
    });

    it.each([
      ['invisible', ZERO_WIDTH.repeat(3), /invisible/],
      ['holding an override', `Source ${RIGHT_TO_LEFT_OVERRIDE}A`, /bidirectional/],
    ])('a confidential-source alias %s is refused', async (_, alias, message) => {
      await expectRefused(
        () => sourcesApi(app, token).create({ alias, identity: 'Someone' }),
        'alias',
        message
      );
    });

    it('a key judgment of invisible text is refused on the library route', async () => {
      await expectRefused(
        () =>
          app
            .request()
            .put(`/intelligence-stories/source-documents/${sourceDocumentId}/key-judgments`)
            .set(auth())
            .send({ revision: null, keyJudgments: [{ ...JUDGMENT, text: '\u2060\u2060' }] }),
        'keyJudgments.0.text',
        /invisible/
      );
    });

    it('accepted text is stored in NFC', async () => {
      const decomposed =
        'Le rapport de la Cour des comptes a e\u0301te\u0301 publie\u0301 en mars.';
      const res = await issue({ text: decomposed });
      expect(res.status).toBe(201);
      const stored = await app.strapi
        .documents(UIDS.correction)
        .findOne({ documentId: res.body.data.documentId });
      expect(stored?.text).toBe(decomposed.normalize('NFC'));
      expect(stored?.text).not.toBe(decomposed);

      const title = 'Re\u0301sume\u0301 of the report';
      const story = await cm.update(UIDS.story, storyId, { title });
      expect(story.status).toBe(200);
      const saved = await app.strapi
        .documents(UIDS.story)
        .findOne({ documentId: storyId, status: 'draft', fields: ['title'] });
      expect(saved?.title).toBe(title.normalize('NFC'));
    });
  });

  describe('short text at its cap fits its column on every database', () => {
    // PostgreSQL stores Strapi's `string` in varchar(255): a cap above that once let a value
    // through validation that the database then refused with a 500.
    it('a story title and quote attribution of 255 characters, an official URL of 2,048', async () => {
      const title = 'T'.repeat(255);
      const attribution = `a ${'senior '.repeat(36)}official`.slice(0, 255);
      const created = await cm.create(UIDS.story, {
        title,
        slug: 'a-title-at-its-cap',
        kind: 'news',
        anonymousQuotes: [{ ...QUOTE, attribution }],
      });
      expect(created.status).toBe(201);
      const stored = await app.strapi
        .documents(UIDS.story)
        .findOne({ documentId: created.body.data.documentId, populate: ['anonymousQuotes'] });
      expect(stored?.title).toBe(title);
      expect(stored?.anonymousQuotes?.[0]?.attribution).toBe(attribution);

      const base = 'https://www.dni.gov/files/';
      const officialUrl = `${base}${'a'.repeat(2048 - base.length)}`;
      const document = await cm.create(UIDS.sourceDocument, {
        title: 'D'.repeat(255),
        issuer: 'ODNI',
        pageCount: 1,
        classification: 'declassified',
        officialUrl,
      });
      expect(document.status).toBe(201);
      expect(document.body.data.officialUrl).toBe(officialUrl);
    });

    it('a title one character over is a 400 naming it, and nothing is written', async () => {
      await expectRefused(
        () => cm.create(UIDS.story, { title: 'T'.repeat(256), slug: 'one-over', kind: 'news' }),
        'title',
        /255/
      );
    });
  });
});

describe('pagination beyond the last page', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await bootStrapi();
    token = (await createAdminUser(app)).token;
    for (const title of ['First story on the list', 'Second story on the list']) {
      const story = await createStory(app, { title });
      await issueCorrection(app, token, story.documentId, {
        kind: 'clarification',
        text: 'The report was released in January, not in February as first said.',
      });
    }
    // The access log lists reveals and edits of sources: one creation is one row.
    await sourcesApi(app, token).create({ alias: 'A source for the log', identity: 'Someone' });
    for (const action of [
      'story.find',
      'source-document.find',
      'correction.find',
      'correction.rss',
      'correction.jsonFeed',
    ]) {
      await grantPublicPermission(app, `plugin::intelligence-stories.${action}`);
    }
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const PUBLIC = [
    '/api/intelligence-stories/stories',
    '/api/intelligence-stories/source-documents',
    '/api/intelligence-stories/corrections',
  ];
  const ADMIN = [
    '/intelligence-stories/desk/stories',
    '/intelligence-stories/desk/corrections',
    '/intelligence-stories/source-documents',
  ];
  const get = (url: string, query: Record<string, string>) =>
    app
      .request()
      .get(url)
      .query(query)
      .set(url.startsWith('/api') ? {} : { Authorization: `Bearer ${token}` });

  it.each([...PUBLIC, ...ADMIN])('%s: a page past the end is empty', async (url) => {
    const first = await get(url, {});
    expect(first.status).toBe(200);
    // Real rows on the first page, so that an empty page past the end means something.
    expect(first.body.data.length).toBeGreaterThan(0);
    const { total } = first.body.meta.pagination;
    const queries: Array<Record<string, string>> = [
      { 'pagination[page]': '2', 'pagination[pageSize]': String(Math.max(total, 1)) },
      { 'pagination[page]': '1000000000000' },
      { 'pagination[start]': String(total) },
      { 'pagination[start]': String(Number.MAX_SAFE_INTEGER) },
    ];
    for (const query of queries) {
      const res = await get(url, query);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    }
  });

  it.each([...PUBLIC, ...ADMIN])(
    '%s: a page starting past 2^53, which the driver would read as row 1, is a 400',
    async (url) => {
      const queries: Array<Record<string, string>> = [
        { 'pagination[page]': '1000000000000000000000' },
        { 'pagination[start]': '1000000000000000000000' },
        { 'pagination[page]': String(Number.MAX_SAFE_INTEGER), 'pagination[pageSize]': '100' },
      ];
      for (const query of queries) {
        const res = await get(url, query);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/pagination: a page must start before row/);
      }
    }
  );

  it.each([
    '/api/intelligence-stories/corrections.rss',
    '/api/intelligence-stories/corrections.json',
  ])(
    '%s: the feeds are the latest 50, and refuse a page rather than serve the first',
    async (url) => {
      expect((await get(url, {})).status).toBe(200);
      const res = await get(url, { 'pagination[page]': '2' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/unsupported query parameter\(s\): pagination/);
    }
  );

  it('the access log: a page past the end is empty, one past 2^53 a 400', async () => {
    const log = sourcesApi(app, token);
    expect((await log.accessLog()).body.data.length).toBeGreaterThan(0);
    expect((await log.accessLog({ page: '2', pageSize: '1' })).body.data).toEqual([]);
    expect((await log.accessLog({ page: '1000000000000' })).body.data).toEqual([]);
    const res = await log.accessLog({ page: '1000000000000000000000' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/page: a page must start before row/);
  });
});
