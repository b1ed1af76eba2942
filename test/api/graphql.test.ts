import { seedExampleStory } from '../../playground/src/seed';
import { STORY } from '../../playground/src/seed/odni-2021-interference';
import {
  PUBLIC_CORRECTION_FIELDS,
  PUBLIC_SOURCE_DOCUMENT_FIELDS,
  PUBLIC_SOURCE_DOCUMENT_POPULATE,
  PUBLIC_STORY_FIELDS,
  PUBLIC_STORY_POPULATE,
} from '../../server/src/utils/public-fields';
import { createAdminUser, createEndUser, grantRolePermission } from '../helpers/auth';
import { createStoryDraft } from '../helpers/stories';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';
import { INTROSPECTION, selection, type FullType } from '../security/walk/graphql';

const API = '/api/intelligence-stories';
const QUERIES = [
  'intelligenceStories',
  'intelligenceStory',
  'intelligenceStoryJsonLd',
  'intelligenceSourceDocuments',
  'intelligenceSourceDocument',
  'intelligenceCorrections',
];

type GraphqlBody = {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
};

/** REST's answers carry database ids, which the GraphQL types leave out. */
const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    return value.map(withoutIds);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id')
        .map(([key, nested]) => [key, withoutIds(nested)])
    );
  }
  return value;
};

describe('GraphQL: the public shapes, read-only, answered like REST', () => {
  let app: TestApp;
  let storyId: string;
  let documentId: string;
  let types: Map<string, FullType>;
  let all: (typeName: string) => string;

  const graphql = async (query: string, headers: Record<string, string> = {}) => {
    const res = await app.request().post('/graphql').set(headers).send({ query });
    return res.body as GraphqlBody;
  };

  /** Asks `query` and expects an answer without errors. */
  const answer = async (query: string, headers: Record<string, string> = {}) => {
    const body = await graphql(query, headers);
    expect(body.errors).toBeUndefined();
    return body.data!;
  };

  beforeAll(async () => {
    app = await bootStrapi();
    await createAdminUser(app);
    expect(await seedExampleStory(app.strapi)).toBe('created');
    const story = await app.strapi.documents(UIDS.story).findFirst({
      filters: { slug: STORY.slug },
      status: 'published',
      populate: { sourceDocuments: true },
    });
    storyId = story!.documentId;
    documentId = story!.sourceDocuments![0].documentId;
    // An unpublished edit: neither surface may show it.
    await app.strapi
      .documents(UIDS.story)
      .update({ documentId: storyId, data: { title: 'Unpublished headline rewrite' } });

    const schema = (await answer(INTROSPECTION)).__schema as { types: FullType[] };
    types = new Map(schema.types.map((type) => [type.name, type]));
    all = (typeName) => selection(types, typeName, 1);
  }, 120_000);

  afterAll(async () => {
    await app?.destroy();
  });

  it('answers the story list as GET /stories does, the published text and nothing else', async () => {
    const rest = await app.request().get(`${API}/stories`).expect(200);
    const data = await answer(`{ intelligenceStories ${all('IntelligenceStoryConnection')} }`);
    const connection = data.intelligenceStories as { nodes: unknown[]; pageInfo: unknown };
    expect(connection.nodes).toEqual(withoutIds(rest.body.data));
    expect(connection.pageInfo).toEqual(rest.body.meta.pagination);
    expect(connection.nodes).toEqual([expect.objectContaining({ title: STORY.title })]);
    expect(JSON.stringify(data)).not.toContain('Unpublished headline rewrite');
  });

  it('answers one story by slug and by documentId as GET /stories/:slugOrDocumentId does', async () => {
    const rest = await app.request().get(`${API}/stories/${STORY.slug}`).expect(200);
    for (const key of [STORY.slug, storyId]) {
      const data = await answer(
        `{ intelligenceStory(slugOrDocumentId: "${key}") ${all('IntelligenceStory')} }`
      );
      expect(data.intelligenceStory).toEqual(withoutIds(rest.body.data));
    }
    const story = (
      await answer(
        `{ intelligenceStory(slugOrDocumentId: "${storyId}") { title corrections { kind } } }`
      )
    ).intelligenceStory as { title: string; corrections: unknown[] };
    expect(story.title).toBe(STORY.title);
    expect(story.corrections.length).toBeGreaterThan(0);
  });

  it('answers the JSON-LD as GET /stories/:slugOrDocumentId/jsonld does', async () => {
    const rest = await app.request().get(`${API}/stories/${STORY.slug}/jsonld`).expect(200);
    const data = await answer(`{ intelligenceStoryJsonLd(slugOrDocumentId: "${STORY.slug}") }`);
    expect(data.intelligenceStoryJsonLd).toEqual(JSON.parse(rest.text));
    expect(data.intelligenceStoryJsonLd).toMatchObject({ '@type': 'NewsArticle' });
  });

  it('answers source documents and corrections as their REST routes do', async () => {
    const documents = await app.request().get(`${API}/source-documents`).expect(200);
    const list = await answer(
      `{ intelligenceSourceDocuments ${all('IntelligenceSourceDocumentConnection')} }`
    );
    expect(list.intelligenceSourceDocuments).toEqual({
      nodes: withoutIds(documents.body.data),
      pageInfo: documents.body.meta.pagination,
    });
    const one = await app.request().get(`${API}/source-documents/${documentId}`).expect(200);
    const single = await answer(
      `{ intelligenceSourceDocument(documentId: "${documentId}") ${all('IntelligenceSourceDocument')} }`
    );
    expect(single.intelligenceSourceDocument).toEqual(withoutIds(one.body.data));

    const corrections = await app.request().get(`${API}/corrections`).expect(200);
    const feed = await answer(
      `{ intelligenceCorrections ${all('IntelligenceCorrectionConnection')} }`
    );
    expect(feed.intelligenceCorrections).toEqual({
      nodes: withoutIds(corrections.body.data),
      pageInfo: corrections.body.meta.pagination,
    });
    expect((feed.intelligenceCorrections as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0);
  });

  it('takes the same arguments as REST and gets the same result sets', async () => {
    const pairs: Array<[string, string, string]> = [
      ['intelligenceStories(kind: news)', 'stories?filters[kind][$eq]=news', 'nodes'],
      ['intelligenceStories(kind: analysis)', 'stories?filters[kind][$eq]=analysis', 'nodes'],
      [
        `intelligenceStories(sourceDocument: "${documentId}")`,
        `stories?filters[sourceDocuments][documentId][$eq]=${documentId}`,
        'nodes',
      ],
      [
        'intelligenceStories(pagination: { page: 2, pageSize: 1 })',
        'stories?pagination[page]=2&pagination[pageSize]=1',
        'nodes',
      ],
      [
        'intelligenceCorrections(pagination: { page: 1, pageSize: 1 })',
        'corrections?pagination[page]=1&pagination[pageSize]=1',
        'nodes',
      ],
      ['intelligenceCorrections(kind: retraction)', 'corrections?kind=retraction', 'nodes'],
      ['intelligenceCorrections(since: "2999-01-01")', 'corrections?since=2999-01-01', 'nodes'],
    ];
    for (const [query, path, key] of pairs) {
      const rest = await app.request().get(`${API}/${path}`).expect(200);
      const field = query.slice(0, query.indexOf('('));
      const data = await answer(`{ ${query} { ${key} { documentId } pageInfo { total } } }`);
      const got = data[field] as { nodes: Array<{ documentId: string }>; pageInfo: object };
      expect([query, got.nodes.map((node) => node.documentId)]).toEqual([
        query,
        rest.body.data.map((item: { documentId: string }) => item.documentId),
      ]);
      expect(got.pageInfo).toEqual({ total: rest.body.meta.pagination.total });
    }
  });

  it('answers each locale the story is published in as REST does with ?locale=', async () => {
    const rows = (await app.strapi.db
      .query(UIDS.story)
      .findMany({ where: { documentId: storyId, publishedAt: { $notNull: true } } })) as Array<{
      locale?: string;
    }>;
    const locales = [...new Set(rows.map(({ locale }) => locale).filter(Boolean))] as string[];
    expect(locales.length).toBeGreaterThan(0);
    for (const locale of locales) {
      const rest = await app
        .request()
        .get(`${API}/stories/${storyId}?locale=${locale}`)
        .expect(200);
      const data = await answer(
        `{ intelligenceStory(slugOrDocumentId: "${storyId}", locale: "${locale}") ${all('IntelligenceStory')} }`
      );
      expect(data.intelligenceStory).toEqual(withoutIds(rest.body.data));
      const list = await app.request().get(`${API}/stories?locale=${locale}`).expect(200);
      const nodes = await answer(
        `{ intelligenceStories(locale: "${locale}") { nodes { documentId locale title } } }`
      );
      expect((nodes.intelligenceStories as { nodes: unknown[] }).nodes).toEqual(
        list.body.data.map(({ documentId: id, locale: l, title }: Record<string, unknown>) => ({
          documentId: id,
          locale: l,
          title,
        }))
      );
    }
  });

  it('refuses bad arguments naming them, as REST does, and answers no data', async () => {
    const refusals: Array<[string, RegExp]> = [
      ['intelligenceStories(pagination: { pageSize: 0 }) { pageInfo { total } }', /pageSize/],
      ['intelligenceStories(pagination: { page: -1 }) { pageInfo { total } }', /pagination\.page/],
      ['intelligenceStories(locale: "xx-nowhere") { pageInfo { total } }', /locale/],
      [`intelligenceStory(slugOrDocumentId: "${storyId}", locale: "zz") { title }`, /locale/],
      ['intelligenceCorrections(since: "yesterday") { pageInfo { total } }', /since/],
      [
        'intelligenceSourceDocuments(pagination: { pageSize: -5 }) { pageInfo { total } }',
        /pageSize/,
      ],
    ];
    for (const [query, named] of refusals) {
      const body = await graphql(`{ ${query} }`);
      expect([query, body.errors?.[0]?.extensions?.code]).toEqual([query, 'BAD_USER_INPUT']);
      expect(body.errors![0].message).toMatch(named);
      expect(Object.values(body.data ?? {}).filter((value) => value !== null)).toEqual([]);
    }
  });

  it('answers null where REST answers 404: drafts, unknown ids, other types’ ids', async () => {
    const draft = await createStoryDraft(app, { title: 'A draft never published' });
    for (const key of ['no-such-story', draft.documentId, draft.slug, documentId]) {
      await app.request().get(`${API}/stories/${key}`).expect(404);
      const data = await answer(
        `{ intelligenceStory(slugOrDocumentId: "${key}") { title } intelligenceStoryJsonLd(slugOrDocumentId: "${key}") }`
      );
      expect(data).toEqual({ intelligenceStory: null, intelligenceStoryJsonLd: null });
    }
    await app.request().get(`${API}/source-documents/${storyId}`).expect(404);
    expect(
      await answer(`{ intelligenceSourceDocument(documentId: "${storyId}") { title } }`)
    ).toEqual({ intelligenceSourceDocument: null });
    const list = await answer('{ intelligenceStories { nodes { documentId } } }');
    expect(list.intelligenceStories).toEqual({ nodes: [{ documentId: storyId }] });
  });

  it('has types that are exactly the REST allow-lists (public-fields.ts), and no mutation', async () => {
    const fieldsOf = (name: string) => (types.get(name)?.fields ?? []).map((field) => field.name);
    const keys = (selection: { fields?: string[]; populate?: Record<string, unknown> }) => [
      ...(selection.fields ?? []),
      ...Object.keys(selection.populate ?? {}),
    ];
    const populate = PUBLIC_STORY_POPULATE as Record<string, { fields: string[] }>;
    expect(fieldsOf('IntelligenceStory').sort()).toEqual(
      ['documentId', ...keys({ fields: PUBLIC_STORY_FIELDS, populate }), 'corrections'].sort()
    );
    expect(fieldsOf('IntelligenceSourceDocument').sort()).toEqual(
      [
        'documentId',
        ...keys({
          fields: PUBLIC_SOURCE_DOCUMENT_FIELDS,
          populate: PUBLIC_SOURCE_DOCUMENT_POPULATE,
        }),
      ].sort()
    );
    expect(fieldsOf('IntelligenceCitation').sort()).toEqual(keys(populate.citations).sort());
    expect(fieldsOf('IntelligenceAnonymousQuote').sort()).toEqual(
      keys(populate.anonymousQuotes).sort()
    );
    expect(fieldsOf('IntelligenceByline').sort()).toEqual(keys(populate.bylines).sort());
    expect(fieldsOf('IntelligenceStoryCorrection').sort()).toEqual(
      ['documentId', 'kind', 'text', 'issuedAt', 'lateReason', 'supersedes'].sort()
    );
    expect(PUBLIC_CORRECTION_FIELDS).toEqual(
      expect.arrayContaining(['kind', 'text', 'issuedAt', 'lateReason'])
    );

    const schema = (await answer('{ __schema { mutationType { fields { name } } } }')).__schema as {
      mutationType: { fields: Array<{ name: string }> } | null;
    };
    const mutations = (schema.mutationType?.fields ?? []).map(({ name }) => name);
    expect(
      mutations.filter((name) =>
        /intelligence|stor(y|ies)|sourcedocument|correction|confidential/i.test(name)
      )
    ).toEqual([]);
    for (const mutation of [
      `mutation { createIntelligenceStory(data: { title: "x" }) { documentId } }`,
      `mutation { intelligenceStory(slugOrDocumentId: "${storyId}") { title } }`,
      `mutation { updateStory(documentId: "${storyId}", data: { title: "x" }) { documentId } }`,
    ]) {
      const body = await graphql(mutation);
      expect(body.errors?.length).toBeGreaterThan(0);
      expect(body.data ?? null).toBeNull();
    }
    const after = await app.strapi
      .documents(UIDS.story)
      .findOne({ documentId: storyId, status: 'published' });
    expect(after!.title).toBe(STORY.title);
  });

  it('checks the permission of each query’s REST route: none, one, then the story’s without its documents', async () => {
    const { jwt } = await createEndUser(app);
    const reader = { Authorization: `Bearer ${jwt}` };
    const asks: Record<string, [string, string]> = {
      intelligenceStories: ['{ intelligenceStories { nodes { documentId } } }', '/stories'],
      intelligenceStory: [
        `{ intelligenceStory(slugOrDocumentId: "${storyId}") { documentId } }`,
        `/stories/${storyId}`,
      ],
      intelligenceStoryJsonLd: [
        `{ intelligenceStoryJsonLd(slugOrDocumentId: "${storyId}") }`,
        `/stories/${storyId}/jsonld`,
      ],
      intelligenceSourceDocuments: [
        '{ intelligenceSourceDocuments { nodes { documentId } } }',
        '/source-documents',
      ],
      intelligenceSourceDocument: [
        `{ intelligenceSourceDocument(documentId: "${documentId}") { documentId } }`,
        `/source-documents/${documentId}`,
      ],
      intelligenceCorrections: [
        '{ intelligenceCorrections { nodes { documentId } } }',
        '/corrections',
      ],
    };
    expect(Object.keys(asks).sort()).toEqual([...QUERIES].sort());
    const refused = async () => {
      const out: string[] = [];
      for (const [name, [query, path]] of Object.entries(asks)) {
        const body = await graphql(query, reader);
        const rest = await app.request().get(`${API}${path}`).set(reader);
        if (body.errors?.[0]?.extensions?.code === 'FORBIDDEN') {
          expect([name, Object.values(body.data ?? {}).filter((value) => value !== null)]).toEqual([
            name,
            [],
          ]);
          expect([name, rest.status]).toEqual([name, 403]);
          out.push(name);
        } else {
          expect([name, body.errors]).toEqual([name, undefined]);
          expect([name, rest.status]).toEqual([name, 200]);
        }
      }
      return out;
    };

    // The Authenticated role has been granted nothing.
    expect(await refused()).toEqual(QUERIES);

    await grantRolePermission(app, 'authenticated', 'plugin::intelligence-stories.story.find');
    expect(await refused()).toEqual(QUERIES.filter((name) => name !== 'intelligenceStories'));

    // Without source-document.find, REST drops the story's documents; so does GraphQL.
    const rest = await app.request().get(`${API}/stories`).set(reader).expect(200);
    expect(rest.body.data[0].sourceDocuments).toBeUndefined();
    const data = await answer(
      `{ intelligenceStories ${all('IntelligenceStoryConnection')} }`,
      reader
    );
    const [node] = (data.intelligenceStories as { nodes: Array<Record<string, unknown>> }).nodes;
    expect(node.sourceDocuments).toBeNull();
    // A citation's document too: REST leaves it out, GraphQL answers the selected field null.
    const citations = (node.citations as Array<Record<string, unknown>>).map(
      ({ sourceDocument, ...citation }) => {
        expect(sourceDocument).toBeNull();
        return citation;
      }
    );
    expect({ ...node, sourceDocuments: undefined, citations }).toEqual(
      withoutIds(rest.body.data[0])
    );
  });
});
