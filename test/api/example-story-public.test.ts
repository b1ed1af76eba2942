import { seedExampleStory } from '../../playground/src/seed';
import { CORRECTIONS, STORY } from '../../playground/src/seed/odni-2021-interference';
import { createAdminUser, createApiToken } from '../helpers/auth';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStoryDraft } from '../helpers/stories';
import { UIDS } from '../helpers/uids';

const API = '/api/intelligence-stories';

// Strings that exist only in private fields of the example story or its confidential source.
const SECRETS = [
  'ADMIN-REP-1',
  'not a real person',
  'identity and position confirmed',
  'works on the administration’s response to Russia',
];
const PRIVATE_KEYS = [
  'howSourceKnows',
  'informationNotOpinion',
  'confidentialSource',
  'approvalState',
  'approvedBy',
  'approvedAt',
  'approvedFingerprint',
  'editorNotes',
  'identity',
  'issuedBy',
  'createdBy',
  'updatedBy',
  'editorsWhoKnow',
  'draftFingerprint',
  'held',
];

const keysOf = (value: unknown): string[] => {
  if (Array.isArray(value)) {
    return value.flatMap(keysOf);
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, nested]) => [key, ...keysOf(nested)]);
  }
  return [];
};

// Error bodies may echo back the key a client sent; what must never appear is a private value,
// or a private field in the data served.
const expectNothingPrivate = (body: { data?: unknown }) => {
  const json = JSON.stringify(body);
  for (const secret of SECRETS) {
    expect(json).not.toContain(secret);
  }
  const served = keysOf(body.data);
  for (const key of PRIVATE_KEYS) {
    expect(served).not.toContain(key);
  }
};

describe('the example story through the public Content API', () => {
  let app: TestApp;
  let storyId: string;
  let documentId: string;

  beforeAll(async () => {
    app = await bootStrapi();
    // The seed's standards editor: the example quote is approved by the first admin.
    await createAdminUser(app);
    expect(await seedExampleStory(app.strapi)).toBe('created');
    const story = await app.strapi.documents(UIDS.story).findFirst({
      filters: { slug: STORY.slug },
      populate: { sourceDocuments: true },
    });
    storyId = story!.documentId;
    documentId = story!.sourceDocuments![0].documentId;
  });

  afterAll(async () => {
    await app?.destroy();
  });

  it('serves the story by slug with its citations, quote, document and corrections', async () => {
    const res = await app.request().get(`${API}/stories/${STORY.slug}`).expect(200);
    const story = res.body.data;

    expect(story).toMatchObject({
      documentId: storyId,
      title: STORY.title,
      slug: STORY.slug,
      kind: 'news',
      bylines: [{ name: 'Staff reporter', role: 'ILLUSTRATIVE byline' }],
    });
    expect(story.body).toHaveLength(STORY.body.length);

    expect(
      story.citations.map(
        (c: { page: number; passageType: string; sourceDocument: { title: string } }) => [
          c.page,
          c.passageType,
          c.sourceDocument.title,
        ]
      )
    ).toEqual([
      [4, 'quote', 'Foreign Threats to the 2020 US Federal Elections'],
      [5, 'paraphrase', 'Foreign Threats to the 2020 US Federal Elections'],
      [8, 'quote', 'Foreign Threats to the 2020 US Federal Elections'],
    ]);

    expect(story.anonymousQuotes).toHaveLength(1);
    // Exactly the reader-facing fields (and the component's row id), nothing else.
    expect(story.anonymousQuotes[0]).toEqual({
      id: expect.any(Number),
      quote: 'There will be more soon.',
      attribution: 'a representative of the Biden administration',
      anonymityReason: STORY.anonymousQuote.anonymityReason,
    });

    expect(story.sourceDocuments).toHaveLength(1);
    expect(story.sourceDocuments[0]).toMatchObject({
      documentId,
      issuer: 'Office of the Director of National Intelligence (ODNI)',
      documentNumber: 'ICA 2020-00078D',
      documentDate: '2021-03-10',
      releaseDate: '2021-03-16',
      pageCount: 15,
      classification: 'declassified',
    });
    expect(story.sourceDocuments[0].keyJudgments).toHaveLength(2);

    expect(story.corrections.map((c: { kind: string; text: string }) => [c.kind, c.text])).toEqual(
      CORRECTIONS.map((c) => [c.kind, c.text])
    );
    const issued = story.corrections.map((c: { issuedAt: string }) => Date.parse(c.issuedAt));
    expect(issued[0]).toBeLessThanOrEqual(issued[1]);

    expectNothingPrivate(res.body);
  });

  it('serves the same story by documentId and in the list', async () => {
    const bySlug = await app.request().get(`${API}/stories/${STORY.slug}`).expect(200);
    const byId = await app.request().get(`${API}/stories/${storyId}`).expect(200);
    expect(byId.body.data).toEqual(bySlug.body.data);

    const list = await app.request().get(`${API}/stories`).expect(200);
    expect(list.body.data).toEqual([bySlug.body.data]);
    expectNothingPrivate(list.body);
  });

  it('serves the source document on its own routes', async () => {
    const list = await app.request().get(`${API}/source-documents`).expect(200);
    expect(list.body.data.map((d: { documentId: string }) => d.documentId)).toEqual([documentId]);
    const one = await app.request().get(`${API}/source-documents/${documentId}`).expect(200);
    expect(one.body.data).toEqual(list.body.data[0]);
    expect(one.body.data.keyJudgments.map((k: { confidence: string }) => k.confidence)).toEqual([
      'high',
      'moderate',
    ]);
  });

  it('answers 404 for a slug or documentId with no published story', async () => {
    const draft = await createStoryDraft(app, { title: 'Draft on the same report' });
    for (const id of ['no-such-story', draft.documentId, draft.slug]) {
      const res = await app.request().get(`${API}/stories/${id}`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Draft on the same report');
    }
    await app.request().get(`${API}/source-documents/no-such-document`).expect(404);
  });

  it('keeps serving the published text while a draft edit is pending', async () => {
    await app.strapi.documents(UIDS.story).update({
      documentId: storyId,
      data: { title: 'Unpublished headline rewrite' },
    });
    const res = await app.request().get(`${API}/stories/${storyId}`).expect(200);
    expect(res.body.data.title).toBe(STORY.title);
  });

  it('has no public route for confidential sources, whatever the credentials', async () => {
    const token = await createApiToken(app, 'full-access');
    for (const path of ['/confidential-sources', '/confidential-source', '/corrections/private']) {
      const anonymous = await app.request().get(`${API}${path}`);
      const withToken = await app
        .request()
        .get(`${API}${path}`)
        .set('Authorization', `Bearer ${token}`);
      expect(anonymous.status).toBe(404);
      expect(withToken.status).toBe(404);
      expectNothingPrivate(withToken.body);
    }
  });

  describe('probes on private fields', () => {
    const storyProbes: Array<[string, (value: string) => string]> = [
      ['populate=*', () => 'populate=*'],
      [
        'deep populate of the confidential source',
        () => 'populate[anonymousQuotes][populate][confidentialSource]=*',
      ],
      ['populate of approvers', () => 'populate[anonymousQuotes][populate]=approvedBy'],
      ['fields on a private field', () => 'fields[0]=editorNotes'],
      ['fields outside the public shape', () => 'fields[0]=createdAt'],
      ['status=draft', () => 'status=draft'],
      [
        'filter on the source identity',
        (v) => `filters[anonymousQuotes][confidentialSource][identity][$startsWith]=${v}`,
      ],
      [
        'filter on the source alias',
        (v) => `filters[anonymousQuotes][confidentialSource][alias][$eq]=${v}`,
      ],
      [
        'filter on howSourceKnows',
        (v) => `filters[anonymousQuotes][howSourceKnows][$contains]=${v}`,
      ],
      ['filter on approval state', (v) => `filters[anonymousQuotes][approvalState][$eq]=${v}`],
      ['filter on the creator', (v) => `filters[createdBy][email][$startsWith]=${v}`],
      ['sort on a private component field', () => 'sort=anonymousQuotes.howSourceKnows:asc'],
      ['where', (v) => `where[anonymousQuotes][confidentialSource][identity][$startsWith]=${v}`],
    ];

    it.each(storyProbes)(
      'refuses %s on the story list and gives nothing away',
      async (_name, probe) => {
        const hit = await app
          .request()
          .get(`${API}/stories?${probe(encodeURIComponent('ILLUSTRATIVE'))}`);
        const miss = await app.request().get(`${API}/stories?${probe(encodeURIComponent('zzz'))}`);
        expect(hit.status).toBe(400);
        expect(miss.status).toBe(400);
        expect(hit.body.data).toEqual(miss.body.data);
        expectNothingPrivate(hit.body);
      }
    );

    it.each(storyProbes)('refuses %s on a single story', async (_name, probe) => {
      const res = await app.request().get(`${API}/stories/${STORY.slug}?${probe('ILLUSTRATIVE')}`);
      expect(res.status).toBe(400);
      expectNothingPrivate(res.body);
    });

    it('filters by kind, source document and publication date on public fields', async () => {
      const ids = async (query: string) =>
        (await app.request().get(`${API}/stories?${query}`).expect(200)).body.data.map(
          (s: { documentId: string }) => s.documentId
        );
      expect(await ids('filters[kind][$eq]=news')).toEqual([storyId]);
      expect(await ids('filters[kind][$eq]=analysis')).toEqual([]);
      expect(await ids(`filters[sourceDocuments][documentId][$eq]=${documentId}`)).toEqual([
        storyId,
      ]);
      expect(await ids('filters[sourceDocuments][documentId][$eq]=other')).toEqual([]);
      expect(await ids('filters[publishedAt][$gte]=2000-01-01')).toEqual([storyId]);
      expect(await ids('filters[publishedAt][$lt]=2000-01-01')).toEqual([]);
    });
  });

  // Last in the file: it takes the Public role's source-document permissions away.
  it('leaves source documents out of stories for a role that may not read them, as core does', async () => {
    await app.strapi.db.query('plugin::users-permissions.permission').deleteMany({
      where: { action: { $startsWith: 'plugin::intelligence-stories.source-document.' } },
    });
    const res = await app.request().get(`${API}/stories/${STORY.slug}`).expect(200);
    expect(res.body.data).not.toHaveProperty('sourceDocuments');
    expect(res.body.data.citations).toHaveLength(3);
    for (const citation of res.body.data.citations) {
      expect(citation).not.toHaveProperty('sourceDocument');
    }
    await app.request().get(`${API}/source-documents`).expect(403);
  });
});
