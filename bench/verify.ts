import { isDeepStrictEqual } from 'util';

import qs from 'qs';

import { PUBLIC_STORY_FIELDS, PUBLIC_STORY_POPULATE } from '../server/src/utils/public-fields';

import {
  correctionContent,
  sourceDocumentContent,
  storyContent,
  type StoryContent,
} from './content';

/**
 * Before anything is measured, the seeded content must read back through the public routes
 * exactly as generated: the plugin's routes and the plain type's core routes alike. Otherwise the
 * bench would be timing empty lists or 404s.
 */

// The plain type has the plugin's attribute names, so its request asks for exactly the plugin's
// public shape (and the corrections, which the plain type holds as a relation).
export const PLAIN_FIELDS = PUBLIC_STORY_FIELDS;

/** The plain type's populate, equivalent to the plugin's public story shape. */
export const PLAIN_POPULATE = {
  ...PUBLIC_STORY_POPULATE,
  corrections: {
    fields: ['kind', 'text', 'issuedAt', 'lateReason'],
    sort: ['issuedAt:asc', 'id:asc'],
    populate: { supersedes: { fields: ['documentId'] } },
  },
};

export const plainListQuery = (pageSize: number, extra: Record<string, unknown> = {}) =>
  qs.stringify(
    {
      fields: PLAIN_FIELDS,
      populate: PLAIN_POPULATE,
      sort: ['publishedAt:desc', 'id:desc'],
      pagination: { pageSize },
      ...extra,
    },
    { encodeValuesOnly: true }
  );

type Json = Record<string, unknown>;

const getJson = async (url: string) => {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as Json;
};

type Comparable = {
  title: string;
  slug: string;
  kind: string;
  body: unknown;
  bylines: string[];
  citations: Array<[number, string, string, string]>;
  quotes: string[];
  documents: Array<[string, number]>;
  corrections: Array<[string, string | null]>;
};

type Extra = { count: number; spreadOver: number };

/** The story's own corrections, then those the feed case spread over the stories. */
const correctionsOf = (story: StoryContent, extra: Extra) => {
  const added = [];
  for (let j = story.index, round = 0; j < extra.count; j += extra.spreadOver, round += 1) {
    added.push(correctionContent(story.index, 3 + round, j));
  }
  return [...story.corrections, ...added];
};

const expected = (story: StoryContent, extra: Extra): Comparable => ({
  title: story.title,
  slug: story.slug,
  kind: story.kind,
  body: story.body,
  bylines: story.bylines.map((byline) => byline.name),
  citations: story.citations.map((citation) => [
    citation.page,
    citation.passage,
    citation.passageType,
    sourceDocumentContent(citation.sourceDocument).title,
  ]),
  quotes: story.anonymousQuotes.map((quote) => quote.attribution),
  documents: story.sourceDocuments.map((index) => {
    const document = sourceDocumentContent(index);
    return [document.title, document.keyJudgments.length];
  }),
  corrections: correctionsOf(story, extra).map((correction) => [
    correction.text,
    correction.supersedes === null ? null : story.corrections[correction.supersedes].documentId,
  ]),
});

type ApiStory = {
  title: string;
  slug: string;
  kind: string;
  body: unknown;
  bylines: Array<{ name: string }>;
  citations: Array<{
    page: number;
    passage: string;
    passageType: string;
    sourceDocument: { title: string } | null;
  }>;
  anonymousQuotes: Array<{ attribution: string }>;
  sourceDocuments: Array<{ title: string; keyJudgments: unknown[] }>;
  corrections: Array<{ text: string; supersedes: string | { documentId: string } | null }>;
};

const actual = (story: ApiStory): Comparable => ({
  title: story.title,
  slug: story.slug,
  kind: story.kind,
  body: story.body,
  bylines: story.bylines.map((byline) => byline.name),
  citations: story.citations.map((citation) => [
    citation.page,
    citation.passage,
    citation.passageType,
    citation.sourceDocument?.title ?? '(none)',
  ]),
  quotes: story.anonymousQuotes.map((quote) => quote.attribution),
  documents: story.sourceDocuments.map((document) => [
    document.title,
    document.keyJudgments.length,
  ]),
  // The plugin serves `supersedes` as the documentId; Strapi's core API as the populated relation.
  corrections: story.corrections.map((correction) => [
    correction.text,
    typeof correction.supersedes === 'object' && correction.supersedes !== null
      ? correction.supersedes.documentId
      : correction.supersedes,
  ]),
});

const assertSame = (what: string, got: unknown, want: unknown) => {
  if (!isDeepStrictEqual(got, want)) {
    throw new Error(
      `seeded content does not read back: ${what}\n got:  ${JSON.stringify(got)}\n want: ${JSON.stringify(want)}`
    );
  }
};

/** Checks totals and a sample of stories, in full, on both APIs. */
export const verifySeededContent = async (
  baseUrl: string,
  {
    stories,
    corrections,
    plugin,
    extra = { count: 0, spreadOver: 1 },
    plainExtra = extra,
  }: {
    stories: number;
    corrections: number;
    plugin: boolean;
    /** Corrections added by the feed case, to the plugin's stories and to the plain ones. */
    extra?: Extra;
    plainExtra?: Extra;
  }
) => {
  const api = `${baseUrl}/api`;
  const sample = [...new Set([0, 1, 2, 3, Math.floor(stories / 2), stories - 1])];

  const plainList = await getJson(`${api}/plain-stories?${plainListQuery(25)}`);
  assertSame(
    'plain story total',
    (plainList.meta as { pagination: { total: number } }).pagination.total,
    stories
  );
  const plainSlugs = (plainList.data as ApiStory[]).map((story) => story.slug);
  assertSame(
    'plain list order (newest first)',
    plainSlugs,
    Array.from({ length: Math.min(25, stories) }, (_, i) => storyContent(stories - 1 - i).slug)
  );
  for (const index of sample) {
    const content = storyContent(index);
    const found = await getJson(
      `${api}/plain-stories?${plainListQuery(1, { filters: { slug: { $eq: content.slug } } })}`
    );
    assertSame(
      `plain story ${index}`,
      actual((found.data as ApiStory[])[0]),
      expected(content, plainExtra)
    );
  }

  if (!plugin) {
    return;
  }
  const list = await getJson(`${api}/intelligence-stories/stories?pagination[pageSize]=25`);
  assertSame(
    'plugin story total',
    (list.meta as { pagination: { total: number } }).pagination.total,
    stories
  );
  assertSame(
    'plugin list order = plain list order',
    (list.data as ApiStory[]).map((story) => story.slug),
    plainSlugs
  );
  for (const index of sample) {
    const content = storyContent(index);
    const found = await getJson(`${api}/intelligence-stories/stories/${content.slug}`);
    assertSame(`plugin story ${index}`, actual(found.data as ApiStory), expected(content, extra));
  }
  const feed = await getJson(`${api}/intelligence-stories/corrections?pagination[pageSize]=1`);
  assertSame(
    'corrections feed total',
    (feed.meta as { pagination: { total: number } }).pagination.total,
    corrections
  );
};
