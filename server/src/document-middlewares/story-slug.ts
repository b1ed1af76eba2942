import type { Core, Modules } from '@strapi/strapi';

import { contentManagerService } from '../strapi-internals/content-manager';
import { STORY_UID } from '../utils/plugin-id';

/**
 * The Content Manager fills a story's slug in the browser; stories created from code or imports
 * get the same slug the Content Manager would generate (its own uid service, so both agree).
 */
export const generateStorySlug =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== STORY_UID || ctx.action !== 'create') {
      return next();
    }
    const data = (ctx.params as { data?: { title?: string; slug?: string | null } }).data;
    if (data && !data.slug && data.title) {
      data.slug = await contentManagerService(strapi, 'uid').generateUIDField({
        contentTypeUID: STORY_UID,
        field: 'slug',
        data,
      });
    }
    return next();
  };
