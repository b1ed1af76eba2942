import type { Core, Modules } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';

/**
 * A story leaving the public site takes its corrections out of the corrections feeds; no
 * correction's date records that, so the feeds' Last-Modified reads this instead.
 */
export const recordCorrectionsFeedChanges =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const result = await next();
    if (ctx.uid === STORY_UID && (ctx.action === 'unpublish' || ctx.action === 'delete')) {
      await getService('correction-feed', { strapi }).recordStoryUnpublished();
    }
    return result;
  };
