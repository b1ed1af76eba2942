import type { Core } from '@strapi/strapi';

import { createBulkWriter, type BulkWriter, type EntityData } from './bulk-writer';
import {
  correctionContent,
  sourceDocumentContent,
  storyContent,
  type CorrectionContent,
  type StoryContent,
} from './content';
import type { SeedRequest, SeedResult } from './protocol';

/**
 * Seeds the synthetic newsroom into the plugin's types and/or the plain baseline types, in the
 * same content and the same shape, through the bulk writer (see bulk-writer.ts for why).
 */

type Family = 'plugin' | 'plain';

const UIDS: Record<Family, { story: string; document: string; correction: string }> = {
  plugin: {
    story: 'plugin::intelligence-stories.story',
    document: 'plugin::intelligence-stories.source-document',
    correction: 'plugin::intelligence-stories.correction',
  },
  plain: {
    story: 'api::plain-story.plain-story',
    document: 'api::plain-source-document.plain-source-document',
    correction: 'api::plain-correction.plain-correction',
  },
};

type Versions = { draft: number; published: number };

/** Row ids of what this process has seeded, so later batches can link to them. */
const seeded: Record<Family, { documents: Map<number, Versions>; stories: Map<number, Versions> }> =
  {
    plugin: { documents: new Map(), stories: new Map() },
    plain: { documents: new Map(), stories: new Map() },
  };

const FLUSH_EVERY = 250;

const both = (write: (status: 'draft' | 'published') => number): Versions => ({
  draft: write('draft'),
  published: write('published'),
});

const writeDocument = (writer: BulkWriter, family: Family, index: number) => {
  const known = seeded[family].documents.get(index);
  if (known) {
    return known;
  }
  const { publishedAt, ...content } = sourceDocumentContent(index);
  const versions = both((status) =>
    writer.entity(UIDS[family].document, {
      ...content,
      createdAt: publishedAt,
      updatedAt: publishedAt,
      publishedAt: status === 'published' ? publishedAt : null,
    })
  );
  seeded[family].documents.set(index, versions);
  return versions;
};

// The default locale Strapi's i18n creates in a new app, where the bench seeds.
const BENCH_LOCALE = 'en';

const storyData = (
  story: StoryContent,
  documents: [Versions, Versions],
  status: 'draft' | 'published'
): EntityData => {
  const version = (versions: Versions) => versions[status];
  const byIndex = new Map(story.sourceDocuments.map((index, i) => [index, documents[i]]));
  return {
    documentId: story.documentId,
    // Stories are localized (both families): the bench's are in the app's default locale.
    locale: BENCH_LOCALE,
    title: story.title,
    slug: story.slug,
    dek: story.dek,
    body: story.body,
    dateline: story.dateline,
    kind: story.kind,
    backstory: story.backstory,
    firstPublishedAt: story.publishedAt,
    createdAt: story.publishedAt,
    updatedAt: story.publishedAt,
    publishedAt: status === 'published' ? story.publishedAt : null,
    bylines: story.bylines,
    sourceDocuments: { ids: documents.map(version) },
    citations: story.citations.map((citation) => ({
      ...citation,
      sourceDocument: { ids: [version(byIndex.get(citation.sourceDocument)!)] },
    })),
    anonymousQuotes: story.anonymousQuotes,
  };
};

/** Writes a story's corrections; `sequenceBase` orders them after those the story already has. */
const writeCorrections = (
  writer: BulkWriter,
  family: Family,
  story: { documentId: string; versions: Versions },
  corrections: CorrectionContent[],
  sequenceBase = 0
) => {
  const ids: number[] = [];
  corrections.forEach((correction, sequence) => {
    const { supersedes, ...fields } = correction;
    const common = {
      ...fields,
      createdAt: correction.issuedAt,
      updatedAt: correction.issuedAt,
      publishedAt: correction.issuedAt,
      supersedes: supersedes === null ? undefined : { ids: [ids[supersedes]] },
    };
    ids.push(
      writer.entity(
        UIDS[family].correction,
        family === 'plugin'
          ? { ...common, storyDocumentId: story.documentId, storyLocale: BENCH_LOCALE }
          : {
              ...common,
              // A type without draft and publish links both versions of a story.
              story: {
                ids: [story.versions.draft, story.versions.published],
                inverseOrder: sequenceBase + sequence + 1,
              },
            }
      )
    );
  });
};

const seedFamily = async (strapi: Core.Strapi, family: Family, request: SeedRequest) => {
  const writer = createBulkWriter(strapi);
  const uids = UIDS[family];
  await writer.prepare([uids.story, uids.document, uids.correction]);

  for (let index = request.from; index < request.from + request.stories; index += 1) {
    const story = storyContent(index);
    const documents = story.sourceDocuments.map((d) => writeDocument(writer, family, d)) as [
      Versions,
      Versions,
    ];
    const versions = both((status) =>
      writer.entity(uids.story, storyData(story, documents, status))
    );
    seeded[family].stories.set(index, versions);
    writeCorrections(writer, family, { documentId: story.documentId, versions }, story.corrections);
    if ((index + 1) % FLUSH_EVERY === 0) {
      await writer.flush();
    }
  }
  await writer.flush();

  for (let extra = 0; extra < request.extraCorrections; extra += 1) {
    const storyIndex = extra % request.spreadOver;
    const versions = seeded[family].stories.get(storyIndex);
    if (!versions) {
      throw new Error(`seed: story ${storyIndex} was not seeded by this process`);
    }
    const round = Math.floor(extra / request.spreadOver);
    const story = storyContent(storyIndex);
    writeCorrections(
      writer,
      family,
      { documentId: story.documentId, versions },
      [correctionContent(storyIndex, 3 + round, extra)],
      3 + round
    );
    if ((extra + 1) % (FLUSH_EVERY * 8) === 0) {
      await writer.flush();
    }
  }
  await writer.flush();
  await writer.finish();
  if (family === 'plugin') {
    // The bulk writer inserts rows past the Document Service, so the public snapshot that the
    // plugin's public routes read (written by every change readers see) is built here, as the
    // upgrade's migration builds it.
    await strapi.plugin('intelligence-stories').service('public-snapshot').refreshAll();
  }
  return writer.written();
};

export const seedContent = async (
  strapi: Core.Strapi,
  request: SeedRequest
): Promise<SeedResult> => {
  const started = performance.now();
  let rows = 0;
  for (const family of ['plugin', 'plain'] as const) {
    if (request[family]) {
      rows += await seedFamily(strapi, family, request);
    }
  }
  const counts = async (family: Family) => {
    const published = (uid: string) =>
      strapi.db.query(uid as never).count({ where: { publishedAt: { $notNull: true } } });
    return {
      stories: await published(UIDS[family].story),
      sourceDocuments: await published(UIDS[family].document),
      corrections: await published(UIDS[family].correction),
    };
  };
  const family: Family = request.plugin ? 'plugin' : 'plain';
  return { ...(await counts(family)), rows, ms: Math.round(performance.now() - started) };
};
