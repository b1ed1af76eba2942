import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';
import { publishRefusedError } from '../utils/publish-refusal';

type Refusal = Parameters<typeof publishRefusedError>[0][number];

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
  const readiness = getService('readiness', { strapi });
  const refusals: Refusal[] = [];
  for (const documentId of documentIds) {
    if (typeof documentId !== 'string') {
      continue; // the Content Manager's own validation answers for malformed input
    }
    const found = await strapi.documents(STORY_UID).findOne({ documentId, fields: ['id'] });
    if (!found) {
      continue;
    }
    const { readiness: result, snapshot } = await readiness.assess(documentId);
    if (result.errors.length > 0) {
      refusals.push({ documentId, title: snapshot.draft.title, violations: result.errors });
    }
  }
  if (refusals.length > 0) {
    throw publishRefusedError(refusals);
  }
  return next();
};
