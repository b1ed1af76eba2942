import type { Core, Modules } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import {
  CHANGE_LOG_UID,
  CONFIDENTIAL_SOURCE_UID,
  CORRECTION_UID,
  SOURCE_DOCUMENT_UID,
  STORY_UID,
} from '../utils/plugin-id';

const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);

// The types people write, through the Content Manager, the plugin's routes or code.
const SCREENED_UIDS = new Set<string>([
  STORY_UID,
  SOURCE_DOCUMENT_UID,
  CONFIDENTIAL_SOURCE_UID,
  CORRECTION_UID,
  CHANGE_LOG_UID,
]);

/**
 * Invariant: no write of a type people edit carries a list over its cap, and every string it
 * stores is in NFC. First of the plugin's middlewares, so an oversized write is refused before any
 * of them reads the stored document, and before Strapi's repository writes component rows one
 * by one (where 20,000 key judgments spent minutes); every path, the Content Manager's included,
 * reaches the repository through here.
 */
export const screenInput =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (!SCREENED_UIDS.has(ctx.uid) || !WRITE_ACTIONS.has(ctx.action)) {
      return next();
    }
    const params = ctx.params as { data?: unknown };
    const limits = getService('input-limits', { strapi });
    await limits.assertWithinLimits(ctx.uid, params.data);
    if (params.data !== undefined) {
      params.data = limits.normalize(params.data);
    }
    return next();
  };
