import { randomUUID } from 'crypto';
import type { Core, Modules } from '@strapi/strapi';
import { validateYupSchema } from '@strapi/utils';

import type { FeedCorrection } from '../../../shared/contracts/corrections';
import { columnName, tableName } from '../strapi-internals/database';
import type { Correction, CorrectionKind } from '../types/content-types';
import { getService } from '../utils/get-service';
import { keptTotals } from '../utils/kept-totals';
import { toPagination, type PaginationParams } from '../utils/pagination';
import { CORRECTION_UID, PLUGIN_ID, STORY_UID } from '../utils/plugin-id';
import { PUBLIC_CORRECTION_FIELDS } from '../utils/public-fields';
import { correctionListQuerySchema } from '../validation/correction-feed-query';
import { toPublicCorrection } from './corrections';

export type FeedQuery = {
  since?: Date;
  kind?: CorrectionKind;
  /** The stories' locale: each language has its own feed (a translation's slips are its own). */
  locale?: string;
  pagination: PaginationParams;
  /** Count every matching correction, for pagination (the JSON list); the feeds do not page. */
  withTotal?: boolean;
};

export type FeedStory = FeedCorrection['story'];

export type FeedPage = {
  /** The page's corrections, newest first, public fields only: for the output sanitizer. */
  corrections: Correction[];
  /** Their stories (published versions), by documentId. */
  stories: Map<string, FeedStory>;
  /** Null when not asked for (`withTotal: false`). */
  total: number | null;
  /** When what this query returns last changed, for Last-Modified. */
  lastModified: Date | null;
};

// SQLite hands back datetimes as milliseconds (number or string), PostgreSQL as Date objects.
export const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined) {
    return null;
  }
  const date = new Date(
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string)
  );
  return Number.isNaN(date.getTime()) ? null : date;
};

export const latest = (...dates: Array<Date | null>) =>
  dates.reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null);

export const FEED_STORE_KEY = 'corrections-feed';

/** A feed query's filters as a key, for the totals kept per filter. */
export const filterKey = ({ since, kind, locale }: Pick<FeedQuery, 'since' | 'kind' | 'locale'>) =>
  JSON.stringify([since?.toISOString() ?? null, kind ?? null, locale ?? null]);

/**
 * Corrections across all published stories, newest first. A correction names its story by
 * documentId (a string that survives publish cycles, not a relation), so "of a published story"
 * is a join that neither the Document Service nor the query engine can express; the page is
 * chosen with one knex query on the tables the models declare, and the corrections and stories
 * themselves are then read through the Document Service in their public shape. The same number
 * of queries whatever the page size, and none that reads every correction except the total, which
 * only the paginated list asks for and which is counted again only when it may have changed
 * (`totalOf`).
 */
const correctionFeed = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: FEED_STORE_KEY });
  // Its own key, so that recording a correction never races with recording an unpublish.
  const writes = () =>
    strapi.store({ type: 'plugin', name: PLUGIN_ID, key: `${FEED_STORE_KEY}-writes` });

  const tables = () => ({
    corrections: tableName(strapi, CORRECTION_UID),
    stories: tableName(strapi, STORY_UID),
    id: columnName(strapi, CORRECTION_UID, 'id'),
    storyDocumentId: columnName(strapi, CORRECTION_UID, 'storyDocumentId'),
    issuedAt: columnName(strapi, CORRECTION_UID, 'issuedAt'),
    kind: columnName(strapi, CORRECTION_UID, 'kind'),
    held: columnName(strapi, CORRECTION_UID, 'held'),
    locale: columnName(strapi, CORRECTION_UID, 'storyLocale'),
    storyLocale: columnName(strapi, STORY_UID, 'locale'),
    documentId: columnName(strapi, STORY_UID, 'documentId'),
    publishedAt: columnName(strapi, STORY_UID, 'publishedAt'),
  });

  type Filters = Pick<FeedQuery, 'since' | 'kind' | 'locale'>;
  // Knex's query builder, as Strapi's connection types it (knex is not the plugin's dependency).
  type QueryBuilder = ReturnType<Core.Strapi['db']['connection']['queryBuilder']>;

  const whereMatches = (query: QueryBuilder, t: ReturnType<typeof tables>, filters: Filters) => {
    // A held correction goes public with its story's next publish (services/corrections); null
    // is not held (a row written past the Document Service gets no default).
    query.where((held) => held.where(`c.${t.held}`, false).orWhereNull(`c.${t.held}`));
    if (filters.since) {
      query.where(`c.${t.issuedAt}`, '>=', filters.since);
    }
    if (filters.kind) {
      query.where(`c.${t.kind}`, filters.kind);
    }
    if (filters.locale) {
      query.where(`c.${t.locale}`, filters.locale);
    }
    return query;
  };

  const ofPublishedStories = (filters: Filters) => {
    const t = tables();
    const query = strapi.db
      .connection(`${t.corrections} as c`)
      .join(`${t.stories} as s`, (join) =>
        join
          .on(`s.${t.documentId}`, `c.${t.storyDocumentId}`)
          .andOn(`s.${t.storyLocale}`, `c.${t.locale}`)
          .andOnNotNull(`s.${t.publishedAt}`)
      );
    return { query: whereMatches(query, t, filters), t };
  };

  /** The page's correction ids, newest first: walks the (issued_at, id) index from the top. */
  const pageIds = (filters: Filters, pagination: PaginationParams) => {
    const { query, t } = ofPublishedStories(filters);
    return query
      .select(`c.${t.id} as id`)
      .orderBy([
        { column: `c.${t.issuedAt}`, order: 'desc' },
        { column: `c.${t.id}`, order: 'desc' },
      ])
      .offset(pagination.start)
      .limit(pagination.limit);
  };

  /** The latest correction issued, from the same index: the first row, not a scan. */
  const lastIssued = async (filters: Filters) => {
    const { query, t } = ofPublishedStories(filters);
    const row = await query.first(`c.${t.issuedAt} as at`).orderBy([
      { column: `c.${t.issuedAt}`, order: 'desc' },
      { column: `c.${t.id}`, order: 'desc' },
    ]);
    return toDate(row?.at);
  };

  /** The newest correction row of all: it moves with every correction inserted, however. */
  const lastCorrectionId = async () => {
    const t = tables();
    const [row] = await strapi.db.connection(t.corrections).max({ id: t.id });
    return Number((row as { id: unknown } | undefined)?.id ?? 0);
  };

  /**
   * The latest publish of a story with matching corrections: stories newest first (the
   * published_at index), the first that has one.
   */
  const lastPublished = async (filters: Filters) => {
    const t = tables();
    const row = await strapi.db
      .connection(`${t.stories} as s`)
      .first(`s.${t.publishedAt} as at`)
      .whereNotNull(`s.${t.publishedAt}`)
      .whereExists(function matching() {
        whereMatches(
          this.select(1)
            .from(`${t.corrections} as c`)
            .whereRaw('?? = ??', [`c.${t.storyDocumentId}`, `s.${t.documentId}`])
            .whereRaw('?? = ??', [`c.${t.locale}`, `s.${t.storyLocale}`]),
          t,
          filters
        );
      })
      .orderBy(`s.${t.publishedAt}`, 'desc');
    return toDate(row?.at);
  };

  /**
   * How many corrections match. Counted per story first (on the story index alone), then joined
   * with the published stories: one lookup per story instead of one per correction, which keeps
   * the count cheap at 100,000 corrections.
   */
  const countOfPublishedStories = async (filters: Filters) => {
    const t = tables();
    const perStory = whereMatches(
      strapi.db
        .connection(`${t.corrections} as c`)
        .select(`c.${t.storyDocumentId} as story`, `c.${t.locale} as locale`)
        .count({ n: '*' })
        .groupBy(`c.${t.storyDocumentId}`, `c.${t.locale}`),
      t,
      filters
    );
    const [row] = await strapi.db
      .connection(perStory.as('g'))
      .join(`${t.stories} as s`, (join) =>
        join
          .on(`s.${t.documentId}`, 'g.story')
          .andOn(`s.${t.storyLocale}`, 'g.locale')
          .andOnNotNull(`s.${t.publishedAt}`)
      )
      .sum({ total: 'g.n' });
    return Number((row as { total: unknown } | undefined)?.total ?? 0);
  };

  /**
   * The total is the one figure that reads every matching correction, so it is kept per filter
   * and counted again only once what the feed shows may have changed: a correction written (a token
   * written in its transaction changes, and so does the newest row id, which also catches rows
   * inserted in bulk outside the Document Service), a story with corrections published or unpublished. Nothing else can
   * change it, since corrections are append-only and a story that has any cannot be deleted: the
   * same fact the feeds' Last-Modified and 304 answers rest on. That state is read from the
   * database at each request, so every instance behind a load balancer agrees.
   */
  const kept = keptTotals();
  const totalOf = (filters: Filters, state: string) =>
    kept(filterKey(filters), state, () => countOfPublishedStories(filters));

  return {
    /**
     * `GET /corrections`'s query (and the GraphQL query's, spelled the same), validated: the page
     * to read, and whether it was asked for by page, for the pagination meta.
     */
    async listQuery(query: unknown): Promise<{ query: FeedQuery; isPaged: boolean }> {
      const params = (await validateYupSchema(correctionListQuerySchema)(query)) as {
        since?: string;
        kind?: CorrectionKind;
        locale?: string;
        pagination?: Record<string, string>;
      };
      const { isPaged, ...pagination } = toPagination(params.pagination);
      return {
        query: {
          since: params.since ? new Date(params.since) : undefined,
          kind: params.kind,
          locale: await getService('locales', { strapi }).resolve(params.locale),
          pagination,
        },
        isPaged,
      };
    },

    /**
     * A page of the feed as readers get it: from the public snapshot in one query
     * (services/public-correction-snapshot), or composed live below when the equivalence test
     * switches the snapshot off.
     */
    async read(query: FeedQuery): Promise<FeedPage> {
      return getService('public-snapshot', { strapi }).isServing()
        ? getService('public-correction-snapshot', { strapi }).page(query)
        : this.page(query);
    },

    /** A page composed live: the code the snapshot's rows are written from and checked against. */
    async page({ pagination, withTotal = true, ...filters }: FeedQuery): Promise<FeedPage> {
      const [rows, issued, published, changes, written, newestId] = await Promise.all([
        pageIds(filters, pagination),
        lastIssued(filters),
        lastPublished(filters),
        store().get({}) as Promise<{ storyUnpublishedAt?: string } | null>,
        withTotal ? (writes().get({}) as Promise<{ token?: string } | null>) : null,
        withTotal ? lastCorrectionId() : null,
      ]);
      const unpublished = toDate(changes?.storyUnpublishedAt);
      const total = withTotal
        ? await totalOf(
            filters,
            JSON.stringify([written?.token ?? null, newestId, published, unpublished])
          )
        : null;

      const ids = (rows as Array<{ id: number }>).map(({ id }) => Number(id));
      const found = ids.length
        ? ((await strapi.documents(CORRECTION_UID).findMany({
            filters: { id: { $in: ids } },
            fields: PUBLIC_CORRECTION_FIELDS,
            populate: { supersedes: { fields: ['documentId'] } },
          } as Modules.Documents.ServiceParams<typeof CORRECTION_UID>['findMany'])) as Correction[])
        : [];
      const byId = new Map(found.map((correction) => [correction.id, correction]));
      const corrections = ids.flatMap((id) => byId.get(id) ?? []);

      const storyIds = [...new Set(corrections.map(({ storyDocumentId }) => storyDocumentId))];
      const stories = storyIds.length
        ? ((await strapi.documents(STORY_UID).findMany({
            filters: { documentId: { $in: storyIds } },
            fields: ['slug', 'title'],
            ...(filters.locale ? { locale: filters.locale } : {}),
            status: 'published',
          })) as unknown as FeedStory[])
        : [];

      return {
        corrections,
        stories: new Map(stories.map((story) => [story.documentId, story])),
        total,
        // A story unpublished takes its corrections out of the feed: that changes the feed too.
        lastModified: latest(issued, published, unpublished),
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

    /**
     * Creates the token's row at boot, so that the first corrections written at once on several
     * instances update one row rather than each inserting its own.
     */
    async prepare() {
      if (!(await writes().get({}))) {
        await this.recordCorrectionWritten();
      }
    },

    /**
     * Called inside the transaction that writes a correction: a fresh token becomes visible with
     * the correction itself, so a total counted before it commits is never reused after. (The
     * newest row id would not do: on PostgreSQL a lower id can commit after a higher one.)
     */
    async recordCorrectionWritten() {
      await writes().set({ value: { token: randomUUID() } });
    },

    /** Called when a story leaves the public site, so that feeds stop answering 304. */
    async recordStoryUnpublished(at = new Date()) {
      await store().set({ value: { storyUnpublishedAt: at.toISOString() } });
    },
  };
};

export default correctionFeed;
