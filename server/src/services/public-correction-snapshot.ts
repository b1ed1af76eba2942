import type { Core } from '@strapi/strapi';

import { parseStoredObject, pluginStoreValueQuery } from '../strapi-internals/core-store';
import { columnName, tableName } from '../strapi-internals/database';
import type { Correction, Story } from '../types/content-types';
import { PLUGIN_ID, PUBLIC_CORRECTION_UID } from '../utils/plugin-id';
import {
  FEED_STORE_KEY,
  latest,
  toDate,
  type FeedPage,
  type FeedQuery,
  type FeedStory,
} from './correction-feed';

/**
 * The corrections feeds' half of the publish-time public snapshot: one row per correction of a
 * published story, with the story's title, address and publish date beside it, written with the
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
  last_issued: unknown;
  last_published: unknown;
  total: unknown;
  feed_state: unknown;
};

const publicCorrectionSnapshot = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(PUBLIC_CORRECTION_UID);

  const columns = () => {
    const column = (attribute: string) => columnName(strapi, PUBLIC_CORRECTION_UID, attribute);
    return {
      table: tableName(strapi, PUBLIC_CORRECTION_UID),
      correctionId: column('correctionId'),
      storyDocumentId: column('storyDocumentId'),
      kind: column('kind'),
      issuedAt: column('issuedAt'),
      storyPublishedAt: column('storyPublishedAt'),
      storySlug: column('storySlug'),
      storyTitle: column('storyTitle'),
      correction: column('correction'),
    };
  };

  return {
    /**
     * Rewrites the rows of these stories: those of `published` (the ones with a published
     * version, as the snapshot read them) get one per correction in `records`, the others none.
     * Called by public-snapshot.refresh inside its transaction.
     */
    async replace(documentIds: string[], published: Story[], records: Map<string, Correction[]>) {
      await rows().deleteMany({ where: { storyDocumentId: { $in: documentIds } } });
      const data = published.flatMap((story) =>
        (records.get(story.documentId) ?? []).map((correction) => ({
          correctionId: correction.id,
          storyDocumentId: story.documentId,
          kind: correction.kind,
          issuedAt: correction.issuedAt,
          storyPublishedAt: story.publishedAt ?? null,
          storySlug: story.slug,
          storyTitle: story.title,
          correction: JSON.stringify(correction),
        }))
      );
      if (data.length > 0) {
        await rows().createMany({ data });
      }
    },

    /**
     * A page of the feed, newest first, with what its headers need, in one statement: the
     * aggregates over every matching row (the latest issue and story publish for Last-Modified,
     * the total when asked, the unpublish marker) left-joined with the page's rows, so an empty
     * page still answers them. Same answer as correction-feed's live `page`.
     */
    async page({ pagination, withTotal = true, since, kind }: FeedQuery): Promise<FeedPage> {
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
        return query;
      };
      const aggregates = matching().select(
        knex.raw('max(??) as last_issued', [c.issuedAt]),
        knex.raw('max(??) as last_published', [c.storyPublishedAt]),
        withTotal ? knex.raw('count(*) as total') : knex.raw('null as total'),
        pluginStoreValueQuery(strapi, PLUGIN_ID, FEED_STORE_KEY).as('feed_state')
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
        .from(aggregates.as('a'))
        .leftJoin(page.as('p'), knex.raw('1 = 1'))
        .select(
          'a.last_issued',
          'a.last_published',
          'a.total',
          'a.feed_state',
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
      return {
        corrections: onPage.map((row) => JSON.parse(row.correction!) as Correction),
        stories,
        total: withTotal ? Number(first?.total ?? 0) : null,
        lastModified: latest(
          toDate(first?.last_issued),
          toDate(first?.last_published),
          toDate(state?.storyUnpublishedAt)
        ),
      };
    },
  };
};

export default publicCorrectionSnapshot;
