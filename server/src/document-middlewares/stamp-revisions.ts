import type { Core, Modules } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { CONFIDENTIAL_SOURCE_UID, SOURCE_DOCUMENT_UID, STORY_UID } from '../utils/plugin-id';

const REVISIONED = new Set<string>([STORY_UID, SOURCE_DOCUMENT_UID, CONFIDENTIAL_SOURCE_UID]);

/**
 * Every write of a story's or a source document's draft, or of a confidential source, from any
 * path (Content Manager, code), gets a new revision, so a plugin route acting on the version an
 * editor saw can tell that it changed since. Clients cannot choose it.
 */
export const stampRevisions =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (REVISIONED.has(ctx.uid) && ['create', 'update', 'clone'].includes(ctx.action)) {
      const params = ctx.params as { data?: Record<string, unknown> };
      params.data = { ...params.data, revision: getService('revisions', { strapi }).fresh() };
    }
    return next();
  };
