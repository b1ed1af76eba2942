/**
 * The synthetic newsroom: stories, source documents and corrections generated from their index,
 * so every run (and both the plugin's types and the plain baseline) holds exactly the same content,
 * and the bench can tell what any story should read back as.
 */

export const STORIES_PER_DOCUMENT_PAIR = 10;

/** Corrections per story, by index: 0–3, one per story on average. */
const CORRECTIONS_PATTERN = [0, 1, 2, 1];

const BASE_TIME = Date.UTC(2021, 0, 1);
const HOUR = 3_600_000;

const KINDS = ['news', 'analysis', 'explainer'] as const;
const ISSUERS = ['ODNI', 'CIA', 'NSA', 'FBI', 'DHS', 'GAO', 'State Department'];
const CLASSIFICATIONS = ['unclassified', 'declassified', 'redacted_release', 'leaked'] as const;
const CORRECTION_KINDS = ['correction', 'clarification', 'update', 'editors_note'] as const;
const LIKELIHOODS = ['likely', 'very_likely', 'roughly_even_chance', 'unlikely'] as const;

const words = (seed: number, count: number) => {
  const vocabulary =
    'assessment report officials election foreign influence campaign network analysts judged evidence declassified intelligence community agencies public briefing operation'.split(
      ' '
    );
  return Array.from(
    { length: count },
    (_, index) => vocabulary[(seed * 7 + index * 13) % vocabulary.length]
  ).join(' ');
};

const documentIdFor = (prefix: string, index: number) =>
  `${prefix}${String(index).padStart(22, '0')}`;

export type SourceDocumentContent = {
  documentId: string;
  title: string;
  issuer: string;
  documentNumber: string;
  documentDate: string;
  releaseDate: string;
  pageCount: number;
  classification: (typeof CLASSIFICATIONS)[number];
  officialUrl: string;
  summary: string;
  keyJudgments: Array<{
    text: string;
    page: number;
    confidence: 'high' | 'moderate';
    likelihood: (typeof LIKELIHOODS)[number];
  }>;
  publishedAt: Date;
};

export const sourceDocumentContent = (index: number): SourceDocumentContent => ({
  documentId: documentIdFor('bd', index),
  title: `Benchmark assessment ${index}: ${words(index, 6)}`,
  issuer: ISSUERS[index % ISSUERS.length],
  documentNumber: `BA ${2021 + (index % 4)}-${String(index).padStart(5, '0')}`,
  documentDate: '2021-03-10',
  releaseDate: '2021-03-16',
  pageCount: 20 + (index % 30),
  classification: CLASSIFICATIONS[index % CLASSIFICATIONS.length],
  officialUrl: `https://reports.example/assessments/${index}`,
  summary: words(index + 1, 40),
  keyJudgments: [0, 1].map((k) => ({
    text: `Key judgment ${k + 1}: we assess it is likely that ${words(index + k, 12)}.`,
    page: 1 + k,
    confidence: k === 0 ? 'high' : 'moderate',
    likelihood: LIKELIHOODS[(index + k) % LIKELIHOODS.length],
  })),
  publishedAt: new Date(BASE_TIME + index * HOUR),
});

export type CorrectionContent = {
  documentId: string;
  kind: (typeof CORRECTION_KINDS)[number];
  text: string;
  issuedAt: Date;
  lateReason: string | null;
  /** Index (in the story's own list) of the correction this one supersedes. */
  supersedes: number | null;
};

export type StoryContent = {
  index: number;
  documentId: string;
  title: string;
  slug: string;
  dek: string;
  body: Array<{ type: 'paragraph'; children: Array<{ type: 'text'; text: string }> }>;
  dateline: string;
  kind: (typeof KINDS)[number];
  backstory: string;
  bylines: Array<{ name: string; role: string | null }>;
  /** Indexes of the two source documents it is built on. */
  sourceDocuments: [number, number];
  citations: Array<{
    sourceDocument: number;
    page: number;
    passage: string;
    passageType: 'quote' | 'paraphrase';
  }>;
  anonymousQuotes: Array<{ quote: string; attribution: string; anonymityReason: string }>;
  corrections: CorrectionContent[];
  publishedAt: Date;
};

export const storyPublishedAt = (index: number) => new Date(BASE_TIME + index * HOUR);

/**
 * The `sequence`-th correction of a story. The story's own corrections are numbered from 0; those
 * the feed case adds on top (`extra`) get documentIds of their own series.
 */
export const correctionContent = (
  storyIndex: number,
  sequence: number,
  extra: number | null = null
): CorrectionContent => ({
  documentId:
    extra === null
      ? documentIdFor('bc', firstCorrectionOf(storyIndex) + sequence)
      : documentIdFor('be', extra),
  kind: CORRECTION_KINDS[(storyIndex + sequence) % CORRECTION_KINDS.length],
  text: `Correction ${sequence + 1} to story ${storyIndex}: an earlier version misstated ${words(storyIndex + sequence, 14)}.`,
  issuedAt: new Date(storyPublishedAt(storyIndex).getTime() + (sequence + 1) * 600_000),
  lateReason: null,
  supersedes: extra === null && sequence === 1 && storyIndex % 8 === 2 ? 0 : null,
});

export const storyContent = (index: number): StoryContent => {
  const pair = Math.floor(index / STORIES_PER_DOCUMENT_PAIR) * 2;
  const documents: [number, number] = [pair, pair + 1];
  const pages = documents.map((d) => sourceDocumentContent(d).pageCount);
  return {
    index,
    documentId: documentIdFor('bs', index),
    title: `Benchmark story ${index}: ${words(index, 8)}`,
    slug: `benchmark-story-${index}`,
    dek: words(index + 2, 30),
    body: [0, 1, 2].map((p) => ({
      type: 'paragraph',
      children: [{ type: 'text', text: words(index + p, 60) }],
    })),
    dateline: 'WASHINGTON',
    kind: KINDS[index % KINDS.length],
    backstory: words(index + 3, 40),
    bylines: Array.from({ length: 1 + (index % 2) }, (_, b) => ({
      name: `Reporter ${(index + b) % 97}`,
      role: b === 0 ? 'Staff reporter' : null,
    })),
    sourceDocuments: documents,
    citations: [0, 1, 2].map((c) => ({
      sourceDocument: documents[c % 2],
      page: 1 + ((index + c) % pages[c % 2]),
      passage: `“${words(index + c, 20)}”`,
      passageType: c === 2 ? 'paraphrase' : 'quote',
    })),
    anonymousQuotes: [0, 1].map((q) => ({
      quote: `“${words(index + q + 5, 18)}.”`,
      attribution: `a senior official at the ${ISSUERS[(index + q) % ISSUERS.length]} who was briefed on the assessment`,
      anonymityReason: `The official was not authorized to discuss the ${words(index + q, 5)} publicly.`,
    })),
    corrections: Array.from({ length: storyCorrectionCount(index) }, (_, sequence) =>
      correctionContent(index, sequence)
    ),
    publishedAt: storyPublishedAt(index),
  };
};

/** The story's own corrections: 0–3 by index. */
export function storyCorrectionCount(index: number) {
  return CORRECTIONS_PATTERN[index % CORRECTIONS_PATTERN.length];
}

const PATTERN_PREFIX = CORRECTIONS_PATTERN.map((_, i) =>
  CORRECTIONS_PATTERN.slice(0, i).reduce((sum, n) => sum + n, 0)
);
const PATTERN_SUM = CORRECTIONS_PATTERN.reduce((sum, n) => sum + n, 0);

/** How many corrections stories 0 … index-1 own: the number of this story's first one. */
export function firstCorrectionOf(index: number) {
  const period = CORRECTIONS_PATTERN.length;
  return Math.floor(index / period) * PATTERN_SUM + PATTERN_PREFIX[index % period];
}
