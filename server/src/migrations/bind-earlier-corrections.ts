import type { Modules } from '@strapi/strapi';

import { READER_VISIBLE_QUERY, readerVisibleFingerprint } from '../rules/reader-visible-changes';
import type { Correction, Story } from '../types/content-types';
import { CORRECTION_UID, STORY_UID } from '../utils/plugin-id';
import type { Migration } from './types';

const BATCH = 100;

/**
 * Corrections are now bound to the draft they explain (R9) and may be held until it is published
 * (services/corrections `bindingFor`). Those issued by an earlier version were public at once:
 * they are marked not held. One issued since its story was last published is still the excuse the
 * earlier version would have accepted for the draft's pending change, so it is bound to the draft
 * as it stands; older ones explain changes already published and stay unbound. Only rows without a
 * value are written, so running it again changes nothing.
 */
export const bindEarlierCorrections: Migration = {
  name: 'bind-earlier-corrections',
  async up(strapi) {
    const corrections = () => strapi.db.query(CORRECTION_UID);
    const { count: unheld } = await corrections().updateMany({
      where: { held: null },
      data: { held: false },
    });

    let bound = 0;
    let after = 0;
    for (;;) {
      const batch = (await corrections().findMany({
        select: ['id', 'storyDocumentId', 'issuedAt'],
        where: { id: { $gt: after }, draftFingerprint: null },
        orderBy: { id: 'asc' },
        limit: BATCH,
      })) as Array<Pick<Correction, 'id' | 'storyDocumentId' | 'issuedAt'>>;
      if (batch.length === 0) {
        break;
      }
      after = batch[batch.length - 1].id;
      const drafts = (await strapi.documents(STORY_UID).findMany({
        status: 'draft',
        filters: { documentId: { $in: [...new Set(batch.map((c) => c.storyDocumentId))] } },
        fields: [...READER_VISIBLE_QUERY.fields, 'lastPublishedAt'],
        populate: READER_VISIBLE_QUERY.populate,
      } as Modules.Documents.ServiceParams<typeof STORY_UID>['findMany'])) as Story[];
      const byStory = new Map(drafts.map((draft) => [draft.documentId, draft]));
      for (const correction of batch) {
        const draft = byStory.get(correction.storyDocumentId);
        const lastPublished = draft?.lastPublishedAt
          ? Date.parse(String(draft.lastPublishedAt))
          : null;
        if (!draft || lastPublished === null) {
          continue;
        }
        if (Date.parse(String(correction.issuedAt)) > lastPublished) {
          await corrections().update({
            where: { id: correction.id, draftFingerprint: null },
            data: { draftFingerprint: readerVisibleFingerprint(draft) },
          });
          bound += 1;
        }
      }
    }
    return Number(unheld) + bound;
  },
};
