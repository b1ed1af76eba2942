/**
 * The leak suite's probes against the plugin's GraphQL queries (server/src/graphql), each paired
 * with the REST request that must give the same answer: the same result set for a list, the same
 * story or document (or none) for a single read, the same refusal. Probes that ask for what the
 * types do not have (private fields, drafts, filters, sort) are listed apart: GraphQL refuses them
 * before any resolver runs.
 */

export type GraphqlProbeIds = {
  storySlug: string;
  storyDocumentId: string;
  sourceDocumentId: string;
  draftOnlyStoryId: string;
  confidentialSourceId: string;
  correctionId: string;
  wrong: string;
};

export type ComparedProbe = {
  name: string;
  /** The root field and its arguments, e.g. `intelligenceStories(kind: news)`. */
  field: string;
  /** The type whose every field is selected (walk/graphql.ts `selection`); none for JSON. */
  type?: string;
  rest: string;
  kind: 'list' | 'one' | 'json';
};

const API = '/api/intelligence-stories';

const quoted = (value: string) => JSON.stringify(value);

export const comparedProbes = (ids: GraphqlProbeIds): ComparedProbe[] => {
  // Every key a single read could be asked with: the published story, ids of other types, a
  // draft never published, a value no row has, and strings a lenient parser might read as SQL.
  const keys = [
    ids.storySlug,
    ids.storyDocumentId,
    ids.draftOnlyStoryId,
    ids.sourceDocumentId,
    ids.confidentialSourceId,
    ids.correctionId,
    ids.wrong,
    "' OR '1'='1",
    '%',
  ];
  const path = (key: string) => encodeURIComponent(key);
  const list = (name: string, field: string, type: string, rest: string): ComparedProbe => ({
    name,
    field,
    type,
    rest: `${API}${rest}`,
    kind: 'list',
  });
  const pages: Array<[string, string]> = [
    ['{ page: 1, pageSize: 100 }', 'pagination[page]=1&pagination[pageSize]=100'],
    ['{ page: 2, pageSize: 1 }', 'pagination[page]=2&pagination[pageSize]=1'],
    ['{ pageSize: 1000 }', 'pagination[pageSize]=1000'],
    ['{ page: 0 }', 'pagination[page]=0'],
    [
      '{ page: 9007199254740991, pageSize: 100 }',
      'pagination[page]=9007199254740991&pagination[pageSize]=100',
    ],
  ];
  return [
    list('stories', 'intelligenceStories', 'IntelligenceStoryConnection', '/stories'),
    ...['news', 'analysis', 'explainer'].map((kind) =>
      list(
        `stories of kind ${kind}`,
        `intelligenceStories(kind: ${kind})`,
        'IntelligenceStoryConnection',
        `/stories?filters[kind][$eq]=${kind}`
      )
    ),
    // The confidential source's documentId against one no row has: an oracle pair.
    ...[ids.sourceDocumentId, ids.confidentialSourceId, ids.storyDocumentId, ids.wrong].map(
      (documentId) =>
        list(
          `stories citing ${documentId}`,
          `intelligenceStories(sourceDocument: ${quoted(documentId)})`,
          'IntelligenceStoryConnection',
          `/stories?filters[sourceDocuments][documentId][$eq]=${path(documentId)}`
        )
    ),
    ...pages.map(([arg, rest]) =>
      list(
        `stories, pagination ${arg}`,
        `intelligenceStories(pagination: ${arg})`,
        'IntelligenceStoryConnection',
        `/stories?${rest}`
      )
    ),
    ...['en', '', 'xx', "en' OR '1'='1", 'en,fr'].map((locale) =>
      list(
        `stories in locale ${quoted(locale)}`,
        `intelligenceStories(locale: ${quoted(locale)})`,
        'IntelligenceStoryConnection',
        `/stories?locale=${path(locale)}`
      )
    ),
    ...keys.flatMap((key): ComparedProbe[] => [
      {
        name: `story ${key}`,
        field: `intelligenceStory(slugOrDocumentId: ${quoted(key)})`,
        type: 'IntelligenceStory',
        rest: `${API}/stories/${path(key)}`,
        kind: 'one',
      },
      {
        name: `JSON-LD of ${key}`,
        field: `intelligenceStoryJsonLd(slugOrDocumentId: ${quoted(key)})`,
        rest: `${API}/stories/${path(key)}/jsonld`,
        kind: 'json',
      },
      {
        name: `source document ${key}`,
        field: `intelligenceSourceDocument(documentId: ${quoted(key)})`,
        type: 'IntelligenceSourceDocument',
        rest: `${API}/source-documents/${path(key)}`,
        kind: 'one',
      },
    ]),
    list(
      'source documents',
      'intelligenceSourceDocuments',
      'IntelligenceSourceDocumentConnection',
      '/source-documents'
    ),
    ...pages.map(([arg, rest]) =>
      list(
        `source documents, pagination ${arg}`,
        `intelligenceSourceDocuments(pagination: ${arg})`,
        'IntelligenceSourceDocumentConnection',
        `/source-documents?${rest}`
      )
    ),
    list(
      'corrections',
      'intelligenceCorrections',
      'IntelligenceCorrectionConnection',
      '/corrections'
    ),
    ...['clarification', 'retraction'].map((kind) =>
      list(
        `corrections of kind ${kind}`,
        `intelligenceCorrections(kind: ${kind})`,
        'IntelligenceCorrectionConnection',
        `/corrections?kind=${kind}`
      )
    ),
    ...['2000-01-01', '2999-01-01', 'yesterday'].map((since) =>
      list(
        `corrections since ${since}`,
        `intelligenceCorrections(since: ${quoted(since)})`,
        'IntelligenceCorrectionConnection',
        `/corrections?since=${since}`
      )
    ),
    ...pages.map(([arg, rest]) =>
      list(
        `corrections, pagination ${arg}`,
        `intelligenceCorrections(pagination: ${arg})`,
        'IntelligenceCorrectionConnection',
        `/corrections?${rest}`
      )
    ),
  ];
};

/**
 * Queries that reach for what the types do not have: private fields at every level, the
 * confidential source behind a quote, authors, drafts, filters and sort. GraphQL's validation
 * refuses each before a resolver runs; the suite checks the refusal holds no secret.
 */
export const refusedQueries = (ids: GraphqlProbeIds) => {
  const story = `intelligenceStory(slugOrDocumentId: ${quoted(ids.storyDocumentId)})`;
  const stories = 'intelligenceStories';
  return [
    `{ ${story} { editorNotes } }`,
    `{ ${story} { lastPublishedContent lastPublishedAt } }`,
    `{ ${story} { createdBy { email } updatedBy { email } } }`,
    `{ ${story} { anonymousQuotes { howSourceKnows informationNotOpinion } } }`,
    `{ ${story} { anonymousQuotes { approvalState approvedBy { email } approvedFingerprint approvalComment } } }`,
    `{ ${story} { anonymousQuotes { confidentialSource { identity alias } } } }`,
    `{ ${story} { citations { sourceDocument { createdBy { email } } } } }`,
    `{ ${story} { sourceDocuments { createdBy { email } } } }`,
    `{ ${story} { corrections { issuedBy { email } held draftFingerprint } } }`,
    `{ ${story} { localizations { title } } }`,
    `{ intelligenceStory(slugOrDocumentId: ${quoted(ids.draftOnlyStoryId)}, status: DRAFT) { title } }`,
    `{ ${stories}(status: DRAFT) { nodes { title } } }`,
    `{ ${stories}(publicationFilter: NEVER_PUBLISHED_DOCUMENT) { nodes { title } } }`,
    `{ ${stories}(hasPublishedVersion: false) { nodes { title } } }`,
    `{ ${stories}(filters: { editorNotes: { notNull: true } }) { nodes { documentId } } }`,
    `{ ${stories}(filters: { anonymousQuotes: { confidentialSource: { identity: { startsWith: "isenc:v2" } } } }) { nodes { documentId } } }`,
    `{ ${stories}(sort: ["editorNotes:asc"]) { nodes { documentId } } }`,
    `{ ${stories}(sourceDocument: { confidentialSource: { alias: { notNull: true } } }) { nodes { documentId } } }`,
    `{ ${stories}(kind: "news' OR 1=1") { nodes { documentId } } }`,
    `{ intelligenceSourceDocuments { nodes { createdBy { email } } } }`,
    `{ intelligenceSourceDocument(documentId: ${quoted(ids.sourceDocumentId)}, status: DRAFT) { title } }`,
    `{ intelligenceCorrections { nodes { issuedBy { email } held } } }`,
    `{ intelligenceCorrections(filters: { held: { eq: true } }) { nodes { documentId } } }`,
    `mutation { intelligenceStory(slugOrDocumentId: ${quoted(ids.storyDocumentId)}) { title } }`,
    `mutation { createIntelligenceStory(data: { title: "x" }) { documentId } }`,
  ];
};
