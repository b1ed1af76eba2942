import type { Core, Modules } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { CORRECTION_UID, STORY_UID } from '../utils/plugin-id';

/**
 * What changes the corrections feeds without showing in a correction's own date: a story leaving
 * the public site (it takes its corrections with it; the feeds' Last-Modified reads this), and any
 * correction written (the list's kept total is counted again; see correction-feed).
 */
export const recordCorrectionsFeedChanges =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid === CORRECTION_UID && (ctx.action === 'create' || ctx.action === 'clone')) {
      return strapi.db.transaction(async () => {
        const created = await next();
        await getService('correction-feed', { strapi }).recordCorrectionWritten();
        return created;
      });
    }
    const result = await next();
    if (ctx.uid === STORY_UID && (ctx.action === 'unpublish' || ctx.action === 'delete')) {
      await getService('correction-feed', { strapi }).recordStoryUnpublished();
    }
    return result;
  };
