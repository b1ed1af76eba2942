import { PASSAGE_TYPES } from '../../../shared/contracts/citations';
import { CORRECTION_KINDS } from '../../../shared/contracts/corrections';
import { CONFIDENCE_LEVELS, LIKELIHOODS } from '../../../shared/contracts/icd203';
import { CLASSIFICATIONS } from '../../../shared/contracts/library';
import { STORY_KINDS } from '../../../shared/contracts/stories';

const enumType = (name: string, values: readonly string[]) =>
  `enum ${name} { ${values.join(' ')} }`;

/**
 * The plugin's GraphQL schema: the public shapes of the REST Content API (utils/public-fields.ts),
 * read-only. Written out rather than generated from the content types, so that a field becomes
 * queryable only by being added here and to the allow-list on purpose (graphql.test.ts compares
 * the two). `id` is left out: GraphQL clients address documents by documentId, as Strapi's own
 * GraphQL types do. Relation fields are nullable: Strapi's output sanitizer drops a relation the
 * caller may not read (a role without `source-document.find` gets no source documents), as REST does.
 * DateTime, Date and JSON are the scalars @strapi/plugin-graphql registers.
 */
export const typeDefs = `
${enumType('IntelligenceStoryKind', STORY_KINDS)}
${enumType('IntelligenceCorrectionKind', CORRECTION_KINDS)}
${enumType('IntelligenceClassification', CLASSIFICATIONS)}
${enumType('IntelligenceConfidence', CONFIDENCE_LEVELS)}
${enumType('IntelligenceLikelihood', LIKELIHOODS)}
${enumType('IntelligencePassageType', PASSAGE_TYPES)}

"""page and pageSize as REST's pagination[page] and pagination[pageSize]: pageSize at most 100."""
input IntelligencePaginationArg {
  page: Int
  pageSize: Int
}

type IntelligencePageInfo {
  page: Int!
  pageSize: Int!
  pageCount: Int!
  total: Int!
}

type IntelligenceByline {
  name: String!
  role: String
}

"""The document a citation names, as REST gives it inside a story."""
type IntelligenceCitedDocument {
  documentId: ID!
  title: String
  issuer: String
  documentNumber: String
}

type IntelligenceCitation {
  page: Int!
  passage: String!
  """For a translation: the passage as the source document has it."""
  originalPassage: String
  passageType: IntelligencePassageType!
  sourceDocument: IntelligenceCitedDocument
}

"""An anonymous quote's reader-facing fields; who the source is never leaves the admin."""
type IntelligenceAnonymousQuote {
  quote: String!
  attribution: String!
  anonymityReason: String!
}

type IntelligenceDocumentFile {
  name: String!
  url: String!
  mime: String!
  size: Float!
  ext: String
}

type IntelligenceKeyJudgment {
  text: String!
  page: Int
  confidence: IntelligenceConfidence!
  likelihood: IntelligenceLikelihood
  minorityView: String
}

type IntelligenceSourceDocument {
  documentId: ID!
  title: String!
  issuer: String!
  documentNumber: String
  documentDate: Date
  releaseDate: Date
  pageCount: Int!
  classification: IntelligenceClassification!
  officialUrl: String
  sha256: String
  summary: String
  publishedAt: DateTime
  updatedAt: DateTime
  file: IntelligenceDocumentFile
  keyJudgments: [IntelligenceKeyJudgment!]
}

type IntelligenceStoryCorrection {
  documentId: ID!
  kind: IntelligenceCorrectionKind!
  text: String!
  issuedAt: DateTime!
  lateReason: String
  """The documentId of the correction this one replaces."""
  supersedes: ID
}

type IntelligenceStory {
  documentId: ID!
  title: String!
  slug: String!
  dek: String
  """Strapi blocks, as REST serves them."""
  body: JSON
  dateline: String
  kind: IntelligenceStoryKind!
  backstory: String
  """The story's language (Strapi i18n)."""
  locale: String
  """For a translation: the locale of the story it was translated from."""
  translatedFrom: String
  firstPublishedAt: DateTime
  publishedAt: DateTime
  """The latest of the publish and the last correction issued."""
  updatedAt: DateTime
  bylines: [IntelligenceByline!]
  citations: [IntelligenceCitation!]
  anonymousQuotes: [IntelligenceAnonymousQuote!]
  sourceDocuments: [IntelligenceSourceDocument!]
  """Oldest first, as readers see them under the story."""
  corrections: [IntelligenceStoryCorrection!]!
}

type IntelligenceStoryConnection {
  nodes: [IntelligenceStory!]!
  pageInfo: IntelligencePageInfo!
}

type IntelligenceSourceDocumentConnection {
  nodes: [IntelligenceSourceDocument!]!
  pageInfo: IntelligencePageInfo!
}

type IntelligenceCorrectedStory {
  documentId: ID!
  slug: String!
  title: String!
}

type IntelligenceCorrection {
  documentId: ID!
  kind: IntelligenceCorrectionKind!
  text: String!
  issuedAt: DateTime!
  lateReason: String
  supersedes: ID
  story: IntelligenceCorrectedStory!
}

type IntelligenceCorrectionConnection {
  nodes: [IntelligenceCorrection!]!
  pageInfo: IntelligencePageInfo!
}

type Query {
  """Published stories in one locale (the app's default when none is named), newest first."""
  intelligenceStories(
    locale: String
    kind: IntelligenceStoryKind
    """A source document's documentId: the stories that cite it."""
    sourceDocument: ID
    pagination: IntelligencePaginationArg
  ): IntelligenceStoryConnection!
  """One published story by slug or documentId in one locale; null when none is published."""
  intelligenceStory(slugOrDocumentId: String!, locale: String): IntelligenceStory
  """The story as a schema.org NewsArticle (JSON-LD), as GET /stories/:slugOrDocumentId/jsonld."""
  intelligenceStoryJsonLd(slugOrDocumentId: String!, locale: String): JSON
  """Published source documents, newest release first."""
  intelligenceSourceDocuments(
    pagination: IntelligencePaginationArg
  ): IntelligenceSourceDocumentConnection!
  intelligenceSourceDocument(documentId: ID!): IntelligenceSourceDocument
  """Corrections across published stories, newest first."""
  intelligenceCorrections(
    locale: String
    kind: IntelligenceCorrectionKind
    """A date (2021-03-16) or a date-time with its offset: corrections issued since."""
    since: String
    pagination: IntelligencePaginationArg
  ): IntelligenceCorrectionConnection!
}
`;
