import type { Core } from '@strapi/strapi';

import { readerVisible } from '../rules/reader-visible-changes';
import type { Correction, Story } from '../types/content-types';
import { CORRECTION_UID, STORY_UID } from '../utils/plugin-id';
import type { Migration } from './types';

type StoryRow = Story & { locale?: string | null };
type PublicationRecord = Pick<
  Story,
  'firstPublishedAt' | 'lastPublishedAt' | 'lastPublishedContent'
>;

const RECORD_FIELDS = ['firstPublishedAt', 'lastPublishedAt', 'lastPublishedContent'] as const;
const BATCH = 100;

const versionKey = ({ documentId, locale }: StoryRow) => `${documentId}\u0000${locale ?? ''}`;

const earliest = (times: Array<string | Date | null | undefined>) => {
  const known = times.filter((time): time is string | Date => Boolean(time));
  return known.length === 0
    ? null
    : new Date(Math.min(...known.map((time) => new Date(time).getTime())));
};

/** The fields of `record` that `row` lacks, and only those: nothing recorded is overwritten. */
const missingOn = (row: StoryRow, record: PublicationRecord) =>
  Object.fromEntries(
    RECORD_FIELDS.filter((field) => row[field] == null && record[field] != null).map((field) => [
      field,
      record[field],
    ])
  );

/** When each story was first known to be published: its earliest correction's issue date. */
const firstCorrections = async (strapi: Core.Strapi, documentIds: string[]) => {
  const corrections = (await strapi.db.query(CORRECTION_UID).findMany({
    select: ['storyDocumentId', 'issuedAt'],
    where: { storyDocumentId: { $in: documentIds } },
    orderBy: { issuedAt: 'asc' },
  })) as Array<Pick<Correction, 'storyDocumentId' | 'issuedAt'>>;
  const first = new Map<string, string>();
  for (const { storyDocumentId, issuedAt } of corrections) {
    if (!first.has(storyDocumentId)) {
      first.set(storyDocumentId, issuedAt);
    }
  }
  return first;
};

/**
 * The publication record (record-publication.ts) began after stories had been published: a story
 * published by an earlier version has no firstPublishedAt, lastPublishedAt or lastPublishedContent,
 * so R9 had nothing to compare its next publish with and let any silent change through. Its
 * published version is what readers see, so the record is rebuilt from it: what readers saw, when it
 * was last published, and when it was first published as far as the database knows (that
 * publication or the story's earliest correction, whichever is older). Written on the draft, where
 * the gate reads it, and on the published version, which a publish copies from the draft. A story
 * unpublished before the upgrade has no version to rebuild from: it gets its first publication date
 * from its corrections if it has any, and R9 starts with its next publish. Fields already recorded
 * are left alone, so running it again changes nothing.
 */
export const backfillStoryPublications: Migration = {
  name: 'backfill-story-publications',
  async up(strapi) {
    const stories = () => strapi.db.query(STORY_UID);
    let changed = 0;
    let unrecoverable = 0;
    let after = 0;
    for (;;) {
      const drafts = (await stories().findMany({
        select: ['id', 'documentId', 'locale', ...RECORD_FIELDS],
        where: {
          id: { $gt: after },
          publishedAt: null,
          $or: RECORD_FIELDS.map((field) => ({ [field]: null })),
        },
        orderBy: { id: 'asc' },
        limit: BATCH,
      })) as StoryRow[];
      if (drafts.length === 0) {
        break;
      }
      after = drafts[drafts.length - 1].id;
      const documentIds = [...new Set(drafts.map(({ documentId }) => documentId))];
      const published = (await stories().findMany({
        select: [
          'id',
          'documentId',
          'locale',
          'publishedAt',
          'title',
          'dek',
          'body',
          ...RECORD_FIELDS,
        ],
        where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
        populate: {
          citations: { populate: { sourceDocument: { select: ['documentId'] } } },
          anonymousQuotes: true,
        },
      })) as StoryRow[];
      const live = new Map(published.map((version) => [versionKey(version), version]));
      const corrected = await firstCorrections(strapi, documentIds);

      for (const draft of drafts) {
        const version = live.get(versionKey(draft));
        const firstKnown = earliest([version?.publishedAt, corrected.get(draft.documentId)]);
        const record: PublicationRecord = {
          firstPublishedAt:
            draft.firstPublishedAt ?? version?.firstPublishedAt ?? firstKnown?.toISOString(),
          lastPublishedAt: version ? (version.lastPublishedAt ?? version.publishedAt) : null,
          lastPublishedContent: version
            ? (version.lastPublishedContent ?? readerVisible(version))
            : null,
        };
        if (!version && record.firstPublishedAt && draft.lastPublishedContent == null) {
          unrecoverable += 1;
        }
        for (const row of version ? [draft, version] : [draft]) {
          const data = missingOn(row, record);
          if (Object.keys(data).length > 0) {
            await stories().update({ where: { id: row.id }, data });
            changed += 1;
          }
        }
      }
    }
    if (unrecoverable > 0) {
      strapi.log.warn(
        `intelligence-stories: ${unrecoverable} story(ies) unpublished before the publication record existed have no record of what readers saw; R9 applies to them from their next publish.`
      );
    }
    return changed;
  },
};
