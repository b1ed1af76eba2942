import type { Core, Modules } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';

/**
 * Every publish of a story, whichever path calls the Document Service's `publish`, goes through
 * the one publish use-case (services/publication), which runs the rest of the call as its step 4.
 */
export const publishStory =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== STORY_UID || ctx.action !== 'publish') {
      return next();
    }
    const { documentId } = ctx.params as { documentId: string };
    return getService('publication', { strapi }).publish(documentId, next);
  };
