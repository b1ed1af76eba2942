import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';

/**
 * The Content Manager publishes a bulk selection concurrently inside one transaction; when one
 * publish fails mid-way, the others can still land outside it. So every story of the selection is
 * checked before any is published, and a selection with a refused story publishes none of them.
 */
export const bulkPublishGate = (strapi: Core.Strapi) => async (ctx: Context, next: Next) => {
  const documentIds: unknown = ctx.request.body?.documentIds;
  if (ctx.params.model !== STORY_UID || !Array.isArray(documentIds)) {
    return next();
  }
  // Malformed ids are the Content Manager's own validation's to answer for.
  await getService('publication', { strapi }).assertPublishable(
    documentIds.filter((documentId): documentId is string => typeof documentId === 'string'),
    // The language version published, where the Content Manager's bulk publish reads it.
    ctx.request.body?.locale ?? ctx.query.locale
  );
  return next();
};
