import type { Core, Modules } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { isValidatedUID } from '../validation';

const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);

/**
 * Validates every create/update/clone of the plugin's types, whichever path it comes from
 * (Content Manager, Content API, code). The write and the check of its stored result share one
 * transaction, so a refused write leaves nothing behind.
 */
export const validateWrites =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (!isValidatedUID(ctx.uid) || !WRITE_ACTIONS.has(ctx.action)) {
      return next();
    }
    const uid = ctx.uid;
    const validation = getService('write-validation', { strapi });
    const params = ctx.params as { data?: unknown };
    await validation.assertValidInput(uid, params.data);

    return strapi.db.transaction(async () => {
      const result = await next();
      const { documentId, locale } = (result ?? {}) as { documentId?: string; locale?: string };
      if (documentId) {
        await validation.assertConsistent(uid, documentId, locale ?? undefined);
      }
      return result;
    });
  };
