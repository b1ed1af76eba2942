import type { Core, Modules } from '@strapi/strapi';

import type { Correction, CorrectionKind, Story } from '../types/content-types';
import type { PaginationParams } from '../utils/pagination';
import { CORRECTION_UID, PLUGIN_ID, STORY_UID } from '../utils/plugin-id';
import { PUBLIC_CORRECTION_FIELDS } from '../utils/public-fields';
import { toPublicCorrection, type PublicCorrection } from './corrections';

export type FeedQuery = {
  since?: Date;
  kind?: CorrectionKind;
  pagination: PaginationParams;
};

export type FeedStory = Pick<Story, 'documentId' | 'slug' | 'title'>;

export type FeedCorrection = PublicCorrection & { story: FeedStory };

export type FeedPage = {
  /** The page's corrections, newest first, public fields only: for the output sanitizer. */
  corrections: Correction[];
  /** Their stories (published versions), by documentId. */
  stories: Map<string, FeedStory>;
  total: number;
  /** When what this query returns last changed, for Last-Modified. */
  lastModified: Date | null;
};

// SQLite hands back datetimes as milliseconds (number or string), PostgreSQL as Date objects.
const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined) {
    return null;
  }
  const date = new Date(
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string)
  );
  return Number.isNaN(date.getTime()) ? null : date;
};

const latest = (...dates: Array<Date | null>) =>
  dates.reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null);

const FEED_STORE_KEY = 'corrections-feed';

/**
 * Corrections across all published stories, newest first. A correction names its story by
 * documentId (a string that survives publish cycles, not a relation), so "of a published story"
 * is a join that neither the Document Service nor the query engine can express; the page is
 * chosen with one knex query on the tables the models declare, and the corrections and stories
 * themselves are then read through the Document Service in their public shape. Three queries
 * whatever the page size.
 */
const correctionFeed = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: FEED_STORE_KEY });

  const tables = () => {
    const column = (uid: string, attribute: string) =>
      (strapi.db.metadata.get(uid).attributes[attribute] as { columnName: string }).columnName;
    return {
      corrections: strapi.db.metadata.get(CORRECTION_UID).tableName,
      stories: strapi.db.metadata.get(STORY_UID).tableName,
      id: column(CORRECTION_UID, 'id'),
      storyDocumentId: column(CORRECTION_UID, 'storyDocumentId'),
      issuedAt: column(CORRECTION_UID, 'issuedAt'),
      kind: column(CORRECTION_UID, 'kind'),
      documentId: column(STORY_UID, 'documentId'),
      publishedAt: column(STORY_UID, 'publishedAt'),
    };
  };

  const ofPublishedStories = ({ since, kind }: Omit<FeedQuery, 'pagination'>) => {
    const t = tables();
    const query = strapi.db
      .connection(`${t.corrections} as c`)
      .join(`${t.stories} as s`, (join) =>
        join.on(`s.${t.documentId}`, `c.${t.storyDocumentId}`).andOnNotNull(`s.${t.publishedAt}`)
      );
    if (since) {
      query.where(`c.${t.issuedAt}`, '>=', since);
    }
    if (kind) {
      query.where(`c.${t.kind}`, kind);
    }
    return { query, t };
  };

  return {
    async page({ pagination, ...filters }: FeedQuery): Promise<FeedPage> {
      const ids = ofPublishedStories(filters);
      const stats = ofPublishedStories(filters);
      const [rows, [summary], changes] = await Promise.all([
        ids.query
          .select(`c.${ids.t.id} as id`)
          .orderBy([
            { column: `c.${ids.t.issuedAt}`, order: 'desc' },
            { column: `c.${ids.t.id}`, order: 'desc' },
          ])
          .offset(pagination.start)
          .limit(pagination.limit),
        stats.query
          .count({ total: '*' })
          .max({ lastIssued: `c.${stats.t.issuedAt}`, lastPublished: `s.${stats.t.publishedAt}` }),
        store().get({}) as Promise<{ storyUnpublishedAt?: string } | null>,
      ]);

      const pageIds = (rows as Array<{ id: number }>).map(({ id }) => Number(id));
      const found = pageIds.length
        ? ((await strapi.documents(CORRECTION_UID).findMany({
            filters: { id: { $in: pageIds } },
            fields: PUBLIC_CORRECTION_FIELDS,
            populate: { supersedes: { fields: ['documentId'] } },
          } as Modules.Documents.ServiceParams<typeof CORRECTION_UID>['findMany'])) as Correction[])
        : [];
      const byId = new Map(found.map((correction) => [correction.id, correction]));
      const corrections = pageIds.flatMap((id) => byId.get(id) ?? []);

      const storyIds = [...new Set(corrections.map(({ storyDocumentId }) => storyDocumentId))];
      const stories = storyIds.length
        ? ((await strapi.documents(STORY_UID).findMany({
            filters: { documentId: { $in: storyIds } },
            fields: ['slug', 'title'],
            status: 'published',
          })) as unknown as FeedStory[])
        : [];

      const { total, lastIssued, lastPublished } = summary as Record<string, unknown>;
      return {
        corrections,
        stories: new Map(stories.map((story) => [story.documentId, story])),
        total: Number(total),
        // A story unpublished takes its corrections out of the feed: that changes the feed too.
        lastModified: latest(
          toDate(lastIssued),
          toDate(lastPublished),
          toDate(changes?.storyUnpublishedAt)
        ),
      };
    },

    /** Joins sanitized corrections with their stories; one whose story went away is dropped. */
    toFeedCorrections(
      corrections: Correction[],
      stories: Map<string, FeedStory>
    ): FeedCorrection[] {
      return corrections.flatMap((correction) => {
        const story = stories.get(correction.storyDocumentId);
        return story
          ? [
              {
                ...toPublicCorrection(correction),
                story: { documentId: story.documentId, slug: story.slug, title: story.title },
              },
            ]
          : [];
      });
    },

    /** Called when a story leaves the public site, so that feeds stop answering 304. */
    async recordStoryUnpublished(at = new Date()) {
      await store().set({ value: { storyUnpublishedAt: at.toISOString() } });
    },
  };
};

export default correctionFeed;
