import type { Core, Modules } from '@strapi/strapi';

import type { PublicCorrection } from '../../../shared/contracts/corrections';
import type { Correction, Story } from '../types/content-types';
import { getService } from '../utils/get-service';
import { PUBLIC_STORY_UID, STORY_UID } from '../utils/plugin-id';
import {
  inSelectionOrder,
  PUBLIC_STORY_FIELDS,
  PUBLIC_STORY_POPULATE,
  PUBLIC_STORY_SHAPE,
} from '../utils/public-fields';
import { storyVersionKey } from '../utils/story-version';
import type { PublicQuery } from './public-api';
import { toPublicByStory } from './corrections';
import type { StoryWithCorrections } from './stories';

/**
 * The publish-time public snapshot: each published story as readers see it (and, through
 * services/public-correction-snapshot, its corrections as the feeds show them), written in the
 * transaction of every change that alters it (a publish, an unpublish, a delete, a correction, a
 * cited source document published or withdrawn), so that the public routes read one row per
 * story instead of recomposing it from a dozen queries.
 *
 * A row holds the story in its public shape as the allow-list query composes it (no field outside
 * PUBLIC_STORY_FIELDS/POPULATE ever reaches it) and its public corrections, each as JSON text
 * (text, not json: PostgreSQL's jsonb would reorder the keys), plus the scalar fields the list
 * filters and sorts on. What depends on the request is left to the read: Strapi's output
 * sanitizer (a role that may not read source documents does not see them), `fields`, and the
 * JSON-LD's links and publisher, which follow the request's origin and the settings.
 */

type Row = { story: string; corrections: string; versions?: string | null };

/** A published language version of a story, as its JSON-LD links it (services/public-stories). */
export type StoryVersion = Pick<Story, 'documentId' | 'slug' | 'locale' | 'translatedFrom'>;

/** Story attribute → snapshot column, for the filters and sort the snapshot can serve. */
const COLUMNS: Record<string, string> = {
  id: 'storyId',
  documentId: 'storyDocumentId',
  title: 'title',
  slug: 'slug',
  dek: 'dek',
  dateline: 'dateline',
  kind: 'kind',
  backstory: 'backstory',
  firstPublishedAt: 'firstPublishedAt',
  publishedAt: 'storyPublishedAt',
  updatedAt: 'storyUpdatedAt',
};

const LOGICAL = new Set(['$and', '$or', '$not']);

/**
 * The list's filters over the snapshot's columns, or null when they name something the snapshot
 * has no column for (a relation or component path, the body): such a list is composed live.
 */
export const toSnapshotWhere = (filters: unknown): Record<string, unknown> | null => {
  if (filters === undefined || filters === null) {
    return {};
  }
  if (Array.isArray(filters)) {
    const mapped = filters.map(toSnapshotWhere);
    return mapped.every(Boolean) ? (mapped as never) : null;
  }
  if (typeof filters !== 'object') {
    return null;
  }
  const where: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    if (LOGICAL.has(key)) {
      const mapped = toSnapshotWhere(value);
      if (mapped === null) {
        return null;
      }
      where[key] = mapped;
    } else if (COLUMNS[key]) {
      // A scalar attribute: its value is a value or operators on values, never a nested path
      // (Strapi's query validation refuses one).
      where[COLUMNS[key]] = value;
    } else {
      return null;
    }
  }
  return where;
};

type Direction = 'asc' | 'desc';

/** The sort over the snapshot's columns, in the spellings Strapi accepts; null if unservable. */
export const toSnapshotOrderBy = (
  sort: unknown
): Array<Record<string, Direction>> | null | undefined => {
  if (sort === undefined || sort === null) {
    return undefined;
  }
  const entries: Array<[string, string]> = [];
  const collect = (value: unknown): boolean => {
    if (typeof value === 'string') {
      return value.split(',').every((part) => {
        const [field, direction = 'asc'] = part.trim().split(':');
        entries.push([field, direction]);
        return true;
      });
    }
    if (Array.isArray(value)) {
      return value.every(collect);
    }
    if (value && typeof value === 'object') {
      return Object.entries(value).every(([field, direction]) => {
        if (typeof direction !== 'string') {
          return false;
        }
        entries.push([field, direction]);
        return true;
      });
    }
    return false;
  };
  if (!collect(sort)) {
    return null;
  }
  const orderBy: Array<Record<string, Direction>> = [];
  for (const [field, direction] of entries) {
    const lower = direction.toLowerCase();
    if (!COLUMNS[field] || (lower !== 'asc' && lower !== 'desc')) {
      return null;
    }
    orderBy.push({ [COLUMNS[field]]: lower });
  }
  return orderBy;
};

// What a story shows whatever `fields` asks for: its ids, its components and relations, and
// the corrections added after sanitizing.
const ALWAYS_SERVED = new Set(['id', 'documentId', ...Object.keys(PUBLIC_STORY_POPULATE)]);

/**
 * The stored story cut to `fields`, as the live query selecting only those returns it (Strapi
 * reads a string as a comma-separated list).
 */
const project = (story: Record<string, unknown>, fields?: string[] | string) => {
  if (fields === undefined) {
    return story;
  }
  const wanted = typeof fields === 'string' ? fields.split(',').map((f) => f.trim()) : fields;
  return Object.fromEntries(
    Object.entries(story).filter(([key]) => ALWAYS_SERVED.has(key) || wanted.includes(key))
  );
};

const BATCH = 100;

/** Published versions grouped by language, each group in the order they came. */
const byLocale = (stories: Story[]) => {
  const groups = new Map<string, Story[]>();
  for (const story of stories) {
    const locale = story.locale ?? '';
    groups.set(locale, [...(groups.get(locale) ?? []), story]);
  }
  return groups;
};

/**
 * Two transactions rewriting one story's snapshot at once (a correction issued while another
 * editor republishes) would each delete the row they can see and insert their own: on
 * PostgreSQL, under READ COMMITTED, the second one's delete misses the first one's new row and its
 * insert breaks the unique index (a 500). A transaction-scoped advisory lock per story makes the
 * second wait for the first to commit, then read and write after it. The ids come sorted, so two
 * refreshes of several stories take their locks in one order. SQLite runs one write transaction at
 * a time and needs none.
 */
// The transaction's knex, as much of it as this uses (knex is not the plugin's dependency).
type Transaction = { raw(sql: string, bindings: string[]): PromiseLike<unknown> };

const lockSnapshots = async (strapi: Core.Strapi, trx: Transaction, documentIds: string[]) => {
  if (strapi.db.dialect.client !== 'postgres') {
    return;
  }
  for (const documentId of documentIds) {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?), hashtext(?))', [
      PUBLIC_STORY_UID,
      documentId,
    ]);
  }
};

const publicSnapshot = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(PUBLIC_STORY_UID);
  // Reads come from the snapshot; the equivalence test turns this off to compare with the live
  // composition, which stays the code the snapshot is written from.
  let serving = true;

  /** `composed` is `stored` with its corrections (stories.withCorrections). */
  const toRow = (stored: Story, composed: StoryWithCorrections, versions: StoryVersion[]) => {
    const { corrections, ...story } = composed;
    return {
      storyDocumentId: story.documentId,
      storyLocale: stored.locale,
      storyId: story.id,
      title: story.title,
      slug: story.slug,
      dek: story.dek ?? null,
      dateline: story.dateline ?? null,
      kind: story.kind,
      backstory: story.backstory ?? null,
      firstPublishedAt: story.firstPublishedAt ?? null,
      storyPublishedAt: story.publishedAt ?? null,
      // The row's own date, which the list filters and sorts on; the served one may be a later
      // correction's.
      storyUpdatedAt: stored.updatedAt ?? null,
      story: JSON.stringify(story),
      corrections: JSON.stringify(corrections),
      // Every published language version of the document, for the JSON-LD's translation links:
      // the rows of a document are all rewritten together, so this is never stale.
      versions: JSON.stringify(versions),
    };
  };

  const parse = (row: Row) => ({
    story: JSON.parse(row.story) as Story,
    corrections: JSON.parse(row.corrections) as PublicCorrection[],
    versions: row.versions ? (JSON.parse(row.versions) as StoryVersion[]) : null,
  });

  return {
    isServing: () => serving,

    /** For the equivalence test: serve from the live composition (false) or the snapshot. */
    serveFromSnapshot(value: boolean) {
      serving = value;
    },

    /**
     * Rewrites the snapshot of these stories from what the live composition shows now: a story
     * with a published version gets its row, one without loses it. Call it inside the
     * transaction of the change, after the change.
     */
    async refresh(documentIds: string[]) {
      const unique = [...new Set(documentIds)].sort();
      await strapi.db.transaction(async ({ trx }) => {
        await lockSnapshots(strapi, trx, unique);
        for (let i = 0; i < unique.length; i += BATCH) {
          const batch = unique.slice(i, i + BATCH);
          // Every language version with a published version gets its row.
          const published = inSelectionOrder(
            (await strapi.documents(STORY_UID).findMany({
              filters: { documentId: { $in: batch } },
              fields: PUBLIC_STORY_FIELDS,
              populate: PUBLIC_STORY_POPULATE,
              locale: '*',
              status: 'published',
            } as Modules.Documents.ServiceParams<typeof STORY_UID>['findMany'])) as Story[],
            PUBLIC_STORY_SHAPE
          );
          const records = new Map<string, Correction[]>();
          const composed: Array<{ stored: Story; story: StoryWithCorrections }> = [];
          for (const [locale, versions] of byLocale(published)) {
            const found = await getService('corrections', { strapi }).publicRecordsByStory(
              versions.map((story) => story.documentId),
              locale
            );
            const stories = await getService('stories', { strapi }).withCorrections(
              versions,
              locale,
              toPublicByStory(found)
            );
            versions.forEach((stored, index) => {
              records.set(
                storyVersionKey(stored.documentId, locale),
                found.get(stored.documentId) ?? []
              );
              composed.push({ stored, story: stories[index] });
            });
          }
          await rows().deleteMany({ where: { storyDocumentId: { $in: batch } } });
          if (composed.length > 0) {
            const versions = new Map<string, StoryVersion[]>();
            for (const { documentId, slug, locale, translatedFrom } of published) {
              versions.set(documentId, [
                ...(versions.get(documentId) ?? []),
                { documentId, slug, locale, translatedFrom: translatedFrom ?? null },
              ]);
            }
            await rows().createMany({
              data: composed.map(({ stored, story }) =>
                toRow(stored, story, versions.get(stored.documentId) ?? [])
              ),
            });
          }
          await getService('public-correction-snapshot', { strapi }).replace(
            batch,
            published,
            records
          );
        }
      });
    },

    /** Every published story's snapshot rebuilt (the upgrade's migration). Returns the count. */
    async refreshAll(): Promise<number> {
      let after = 0;
      let written = 0;
      for (;;) {
        const batch = (await strapi.db.query(STORY_UID).findMany({
          select: ['id', 'documentId'],
          where: { id: { $gt: after }, publishedAt: { $notNull: true } },
          orderBy: { id: 'asc' },
          limit: BATCH,
        })) as Array<{ id: number; documentId: string }>;
        if (batch.length === 0) {
          return written;
        }
        await this.refresh(batch.map((story) => story.documentId));
        written += batch.length;
        after = batch[batch.length - 1].id;
      }
    },

    /** The stories whose public shape shows this source document, by its link or a citation. */
    async storiesCiting(sourceDocumentId: string): Promise<string[]> {
      const citing = (await strapi.db.query(STORY_UID).findMany({
        select: ['documentId'],
        where: {
          $or: [
            { sourceDocuments: { documentId: sourceDocumentId } },
            { citations: { sourceDocument: { documentId: sourceDocumentId } } },
          ],
        },
      })) as Array<{ documentId: string }>;
      return [...new Set(citing.map((story) => story.documentId))];
    },

    /** One story by slug or documentId in a locale, in one query; null when none is published. */
    async findOne(slugOrDocumentId: string, locale: string) {
      const row = (await rows().findOne({
        select: ['story', 'corrections', 'versions'],
        where: {
          storyLocale: locale,
          $or: [{ slug: slugOrDocumentId }, { storyDocumentId: slugOrDocumentId }],
        },
      })) as Row | null;
      return row ? parse(row) : null;
    },

    /**
     * A page of the list in two queries (the page and the total), or null when its filters or
     * sort name what the snapshot has no column for.
     */
    async findPage(query: PublicQuery<typeof STORY_UID>) {
      const filtered = toSnapshotWhere(query.filters);
      const where = filtered && { ...filtered, storyLocale: query.locale };
      const orderBy =
        query.sort === undefined
          ? [{ storyPublishedAt: 'desc' as const }, { storyId: 'desc' as const }]
          : toSnapshotOrderBy(query.sort);
      if (where === null || orderBy === null) {
        return null;
      }
      const [found, total] = await Promise.all([
        rows().findMany({
          select: ['story', 'corrections'],
          where,
          orderBy,
          offset: query.pagination.start,
          limit: query.pagination.limit,
        }) as Promise<Row[]>,
        rows().count({ where }),
      ]);
      return { results: found.map(parse), total: Number(total) };
    },

    project,
  };
};

export default publicSnapshot;
