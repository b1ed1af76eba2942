import { contentTypes } from '@strapi/utils';

import { getService } from '../utils/get-service';
import { CONFIDENTIAL_SOURCE_UID, SOURCE_DOCUMENT_UID, STORY_UID } from '../utils/plugin-id';
import type { Migration } from './types';

const REVISIONED = [STORY_UID, SOURCE_DOCUMENT_UID, CONFIDENTIAL_SOURCE_UID] as const;

/**
 * Optimistic concurrency (services/revisions.ts) compares the revision an editor loaded with the
 * one stored on the draft. Documents last saved before revisions existed have none: the plugin's
 * routes accept null for them, so any editor's null matched any other's. Each such draft (each row
 * of a type without drafts) gets a revision of its own; a published version takes its draft's at
 * the next publish. Only rows still without one are written.
 */
export const backfillRevisions: Migration = {
  name: 'backfill-revisions',
  async up(strapi) {
    const revisions = getService('revisions', { strapi });
    let changed = 0;
    for (const uid of REVISIONED) {
      const drafts = contentTypes.hasDraftAndPublish(strapi.getModel(uid))
        ? { publishedAt: null }
        : {};
      const rows = (await strapi.db.query(uid).findMany({
        select: ['id'],
        where: { revision: null, ...drafts },
      })) as Array<{ id: number }>;
      for (const { id } of rows) {
        await strapi.db
          .query(uid)
          .update({ where: { id, revision: null }, data: { revision: revisions.fresh() } });
      }
      changed += rows.length;
    }
    return changed;
  },
};
