import type { Modules } from '@strapi/strapi';

import { STORY_UID } from '../utils/plugin-id';

// The server's record of a story's publications (services/publication): no write may set them.
const PUBLICATION_FIELDS = [
  'firstPublishedAt',
  'lastPublishedAt',
  'lastPublishedContent',
  'lastPublishedOverrides',
] as const;

/** A story's publication record is written only by its publish: any write's values are dropped. */
export const keepPublicationRecord =
  (): Modules.Documents.Middleware.Middleware => async (ctx, next) => {
    if (ctx.uid === STORY_UID && ['create', 'update', 'clone'].includes(ctx.action)) {
      const data = (ctx.params as { data?: Record<string, unknown> }).data;
      for (const field of PUBLICATION_FIELDS) {
        delete data?.[field];
      }
    }
    return next();
  };
