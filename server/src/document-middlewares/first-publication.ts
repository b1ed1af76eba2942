import type { Core, Modules } from '@strapi/strapi';

import { STORY_UID } from '../utils/plugin-id';

/**
 * A story's first publication date is the server's record, the clock for the 30-day late-correction
 * rule and the public "first published" date: no write may set it, and the first publish stamps it.
 * (Strapi's own firstPublishedAt is an opt-in experimental flag an app may not have turned on.)
 */
export const recordFirstPublication =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== STORY_UID) {
      return next();
    }
    if (['create', 'update', 'clone'].includes(ctx.action)) {
      delete (ctx.params as { data?: { firstPublishedAt?: unknown } }).data?.firstPublishedAt;
      return next();
    }
    if (ctx.action !== 'publish') {
      return next();
    }

    const { documentId } = ctx.params as { documentId: string };
    return strapi.db.transaction(async () => {
      const draft = await strapi.documents(STORY_UID).findOne({
        documentId,
        status: 'draft',
        fields: ['id', 'firstPublishedAt'],
      });
      if (draft && !draft.firstPublishedAt) {
        // Stamped on the draft row just before publish copies it. The query engine, because a
        // Document Service update would pass through the middleware above and lose the stamp.
        await strapi.db
          .query(STORY_UID)
          .update({ where: { id: draft.id }, data: { firstPublishedAt: new Date() } });
      }
      return next();
    });
  };
