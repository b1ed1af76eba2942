/**
 * What the public Content API serves, as an allow-list of fields per type. Queries select exactly
 * these, so a field added to a schema stays private until it is added here on purpose.
 */

export const PUBLIC_SOURCE_DOCUMENT_FIELDS = [
  'title',
  'issuer',
  'documentNumber',
  'documentDate',
  'releaseDate',
  'pageCount',
  'classification',
  'officialUrl',
  'sha256',
  'summary',
  'publishedAt',
  'updatedAt',
];

export const PUBLIC_SOURCE_DOCUMENT_POPULATE = {
  file: { fields: ['name', 'url', 'mime', 'size', 'ext'] },
  keyJudgments: { fields: ['text', 'page', 'confidence', 'likelihood', 'minorityView'] },
};

export const PUBLIC_STORY_FIELDS = [
  'title',
  'slug',
  'dek',
  'body',
  'dateline',
  'kind',
  'backstory',
  // The story's language (Strapi i18n) and, for a translation, the locale it was translated from.
  'locale',
  'translatedFrom',
  'firstPublishedAt',
  'publishedAt',
  'updatedAt',
];

export const PUBLIC_STORY_POPULATE = {
  bylines: { fields: ['name', 'role'] },
  citations: {
    // A translation's citation shows both: the passage in the story's language and the original
    // one, as the PDF has it.
    fields: ['page', 'passage', 'originalPassage', 'passageType'],
    populate: { sourceDocument: { fields: ['title', 'issuer', 'documentNumber'] } },
  },
  anonymousQuotes: { fields: ['quote', 'attribution', 'anonymityReason'] },
  sourceDocuments: {
    fields: PUBLIC_SOURCE_DOCUMENT_FIELDS,
    populate: PUBLIC_SOURCE_DOCUMENT_POPULATE,
  },
};

export const PUBLIC_CORRECTION_FIELDS = [
  'storyDocumentId',
  'kind',
  'text',
  'issuedAt',
  'lateReason',
];

export type PublicShape = {
  fields: string[];
  /** Whether the type exists per locale (Strapi i18n): its routes then take `locale`. */
  localized?: boolean;
  populate: Record<string, unknown>;
  defaultSort: Array<Record<string, 'asc' | 'desc'>>;
};

export const PUBLIC_STORY_SHAPE: PublicShape = {
  fields: PUBLIC_STORY_FIELDS,
  localized: true,
  populate: PUBLIC_STORY_POPULATE,
  defaultSort: [{ publishedAt: 'desc' }, { id: 'desc' }],
};

export const PUBLIC_SOURCE_DOCUMENT_SHAPE: PublicShape = {
  fields: PUBLIC_SOURCE_DOCUMENT_FIELDS,
  populate: PUBLIC_SOURCE_DOCUMENT_POPULATE,
  defaultSort: [{ releaseDate: 'desc' }, { id: 'desc' }],
};

type Selection = { fields?: string[]; populate?: Record<string, unknown> };

/**
 * An entity's keys in the order its selection names them: ids, fields, then populated relations
 * and components, each in turn ordered by its own selection. Strapi populates relations
 * concurrently and adds each as its query answers, so their order would otherwise change from one
 * read to the next; a stable order is what lets a stored response (services/public-snapshot) equal
 * a composed one byte for byte, and a cache's ETag stay the same for the same content.
 */
export const inSelectionOrder = <T>(entity: T, selection: Selection): T => {
  if (Array.isArray(entity)) {
    return entity.map((item) => inSelectionOrder(item, selection)) as T;
  }
  if (!entity || typeof entity !== 'object') {
    return entity;
  }
  const source = entity as Record<string, unknown>;
  const populate = selection.populate ?? {};
  const ordered: Record<string, unknown> = {};
  for (const key of ['id', 'documentId', ...(selection.fields ?? []), ...Object.keys(populate)]) {
    if (key in source && !(key in ordered)) {
      ordered[key] =
        key in populate ? inSelectionOrder(source[key], populate[key] as Selection) : source[key];
    }
  }
  for (const [key, value] of Object.entries(source)) {
    if (!(key in ordered)) {
      ordered[key] = value;
    }
  }
  return ordered as T;
};
