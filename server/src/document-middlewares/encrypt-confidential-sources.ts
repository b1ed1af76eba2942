import type { Core, Modules } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { CONFIDENTIAL_SOURCE_UID } from '../utils/plugin-id';

const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);

/**
 * Every write of a confidential source, whichever path it takes (Content Manager, the plugin's
 * admin routes, code, the seed), is encrypted here just before it reaches the database, so no
 * caller can store an identity in plain text. It runs after validation, which checks the lengths
 * the editor typed, not the ciphertext's.
 */
export const encryptConfidentialSources =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== CONFIDENTIAL_SOURCE_UID || !WRITE_ACTIONS.has(ctx.action)) {
      return next();
    }
    const params = ctx.params as { data?: Record<string, unknown> };
    params.data = getService('source-encryption', { strapi }).encryptFields(params.data ?? {});
    return next();
  };
