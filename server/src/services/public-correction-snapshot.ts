import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';

import { parseStoredObject, pluginStoreValueQuery } from '../strapi-internals/core-store';
import { columnName, tableName } from '../strapi-internals/database';
import type { Correction, Story } from '../types/content-types';
import { keptTotals } from '../utils/kept-totals';
import { storyVersionKey } from '../utils/story-version';
import { PLUGIN_ID, PUBLIC_CORRECTION_UID } from '../utils/plugin-id';
import {
  FEED_STORE_KEY,
  filterKey,
  latest,
  toDate,
  type FeedPage,
  type FeedQuery,
  type FeedStory,
} from './correction-feed';

/**
 * The corrections feeds' half of the publish-time public snapshot: one row per correction of a
 * published story, with the story's title and address beside it and when the row last changed
 * for the feed (the later of the correction's issue and the story's publish), written with the
 * story's own snapshot (services/public-snapshot, in the same transaction) and read by the
 * corrections list, RSS and JSON Feed in one query, where the live composition (correction-feed)
 * joins corrections with stories and reads both through the Document Service. A row holds the
 * correction as that composition reads it (its public fields), so the feeds still pass it
 * through Strapi's output sanitizer for the request's caller.
 */

type PageRow = {
  correction: string | null;
  story_document_id: string | null;
  story_slug: string | null;
  story_title: string | null;
  last_changed: unknown;
  feed_state: unknown;
  version: unknown;
};

// Changes whenever the rows do, so the list's total is counted again only then.
const VERSION_KEY = 'public-corrections-version';

const publicCorrectionSnapshot = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(PUBLIC_CORRECTION_UID);
  const version = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: VERSION_KEY });
  const kept = keptTotals();

  const columns = () => {
    const column = (attribute: string) => columnName(strapi, PUBLIC_CORRECTION_UID, attribute);
    return {
      table: tableName(strapi, PUBLIC_CORRECTION_UID),
      correctionId: column('correctionId'),
      storyDocumentId: column('storyDocumentId'),
      locale: column('storyLocale'),
      kind: column('kind'),
      issuedAt: column('issuedAt'),
      feedChangedAt: column('feedChangedAt'),
      storySlug: column('storySlug'),
      storyTitle: column('storyTitle'),
      correction: column('correction'),
    };
  };

  return {
    /**
     * Creates the version's row at boot, so that the first refreshes on several instances update
     * one row rather than each inserting its own (the core store has no unique key).
     */
    async prepare() {
      if (!(await version().get({}))) {
        await version().set({ value: { token: randomUUID() } });
      }
    },

    /**
     * Rewrites the rows of these stories: those of `published` (the ones with a published
     * version, as the snapshot read them) get one per correction in `records`, the others none.
     * Called by public-snapshot.refresh inside its transaction.
     */
    async replace(documentIds: string[], published: Story[], records: Map<string, Correction[]>) {
      const { count: deleted } = await rows().deleteMany({
        where: { storyDocumentId: { $in: documentIds } },
      });
      const data = published.flatMap((story) =>
        (records.get(storyVersionKey(story.documentId, story.locale)) ?? []).map((correction) => ({
          correctionId: correction.id,
          storyDocumentId: story.documentId,
          storyLocale: story.locale,
          kind: correction.kind,
          issuedAt: correction.issuedAt,
          feedChangedAt: latest(toDate(correction.issuedAt), toDate(story.publishedAt)),
          storySlug: story.slug,
          storyTitle: story.title,
          correction: JSON.stringify(correction),
        }))
      );
      if (data.length > 0) {
        await rows().createMany({ data });
      }
      if (Number(deleted) > 0 || data.length > 0) {
        // In this transaction: a total counted before it commits is never kept after.
        await version().set({ value: { token: randomUUID() } });
      }
    },

    /**
     * A page of the feed, newest first, with what its headers need, in one statement: beside the
     * page's rows, when what matches last changed (the latest of each row's correction issue and
     * story publish, read off its own index, for Last-Modified), the unpublish marker and the rows'
     * version, each a scalar subquery of a one-row select that the page is left-joined to, so an
     * empty page still answers them. The list's total is kept per filter and version, and counted
     * in a second query only after the rows changed. Same answer as correction-feed's live `page`.
     */
    async page({
      pagination,
      withTotal = true,
      since,
      kind,
      locale,
    }: FeedQuery): Promise<FeedPage> {
      const c = columns();
      const knex = strapi.db.connection;
      const matching = () => {
        const query = knex(c.table);
        if (since) {
          query.where(c.issuedAt, '>=', since);
        }
        if (kind) {
          query.where(c.kind, kind);
        }
        if (locale) {
          query.where(c.locale, locale);
        }
        return query;
      };
      const head = knex.select(
        matching().max(c.feedChangedAt).as('last_changed'),
        pluginStoreValueQuery(strapi, PLUGIN_ID, FEED_STORE_KEY).as('feed_state'),
        pluginStoreValueQuery(strapi, PLUGIN_ID, VERSION_KEY).as('version')
      );
      const order = [
        { column: c.issuedAt, order: 'desc' as const },
        { column: c.correctionId, order: 'desc' as const },
      ];
      const page = matching()
        .select(
          c.issuedAt,
          c.correctionId,
          c.storyDocumentId,
          c.storySlug,
          c.storyTitle,
          c.correction
        )
        .orderBy(order)
        .offset(pagination.start)
        .limit(pagination.limit);
      const found = (await knex
        .from(head.as('a'))
        .leftJoin(page.as('p'), knex.raw('1 = 1'))
        .select(
          'a.last_changed',
          'a.feed_state',
          'a.version',
          `p.${c.correction} as correction`,
          `p.${c.storyDocumentId} as story_document_id`,
          `p.${c.storySlug} as story_slug`,
          `p.${c.storyTitle} as story_title`
        )
        .orderBy(
          order.map(({ column, order: direction }) => ({ column: `p.${column}`, order: direction }))
        )) as PageRow[];

      const [first] = found;
      const onPage = found.filter((row) => row.correction !== null);
      const stories = new Map<string, FeedStory>();
      for (const row of onPage) {
        stories.set(row.story_document_id!, {
          documentId: row.story_document_id!,
          slug: row.story_slug!,
          title: row.story_title!,
        } as FeedStory);
      }
      const state = parseStoredObject<{ storyUnpublishedAt?: string }>(first?.feed_state);
      // The one figure that reads every matching row: counted again only once the rows changed.
      const total = withTotal
        ? await kept(
            filterKey({ since, kind, locale }),
            parseStoredObject<{ token?: string }>(first?.version)?.token ?? '',
            async () => {
              const [counted] = await matching().count({ n: '*' });
              return Number((counted as { n: unknown } | undefined)?.n ?? 0);
            }
          )
        : null;
      return {
        corrections: onPage.map((row) => JSON.parse(row.correction!) as Correction),
        stories,
        total,
        lastModified: latest(toDate(first?.last_changed), toDate(state?.storyUnpublishedAt)),
      };
    },
  };
};

export default publicCorrectionSnapshot;
