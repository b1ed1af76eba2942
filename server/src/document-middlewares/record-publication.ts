import type { Core, Modules } from '@strapi/strapi';

import { readerVisible } from '../rules/reader-visible-changes';
import type { Story } from '../types/content-types';
import { assessedDraft } from '../utils/assessed-drafts';
import { STORY_UID } from '../utils/plugin-id';

// The server's record of a story's publications; no write may set them.
const PUBLICATION_FIELDS = ['firstPublishedAt', 'lastPublishedAt', 'lastPublishedContent'] as const;

/**
 * Records, at each publish, when the story was first and last published and what readers then
 * saw. The first date is the public "first published" date and the clock of the 30-day
 * late-correction rule (Strapi's own firstPublishedAt is an opt-in experimental flag); the last
 * content is what R9 compares a republish with, even after the story was unpublished.
 */
export const recordPublication =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== STORY_UID) {
      return next();
    }
    if (['create', 'update', 'clone'].includes(ctx.action)) {
      const data = (ctx.params as { data?: Record<string, unknown> }).data;
      for (const field of PUBLICATION_FIELDS) {
        delete data?.[field];
      }
      return next();
    }
    if (ctx.action !== 'publish') {
      return next();
    }

    const { documentId } = ctx.params as { documentId: string };
    return strapi.db.transaction(async () => {
      // The gate, when on, has just read the draft in this transaction; otherwise read it here.
      const draft =
        assessedDraft(ctx) ??
        ((await strapi.documents(STORY_UID).findOne({
          documentId,
          status: 'draft',
          populate: {
            citations: { populate: { sourceDocument: { fields: ['documentId'] } } },
            anonymousQuotes: true,
          },
        })) as Story | null);
      if (draft) {
        const now = new Date();
        // Stamped on the draft row just before publish copies it to the published row. The query
        // engine, because a Document Service update would pass through the guard above.
        await strapi.db.query(STORY_UID).update({
          where: { id: draft.id },
          data: {
            firstPublishedAt: draft.firstPublishedAt ?? now,
            lastPublishedAt: now,
            lastPublishedContent: readerVisible(draft),
          },
        });
      }
      return next();
    });
  };
