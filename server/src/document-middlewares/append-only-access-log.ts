import type { Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { SOURCE_ACCESS_LOG_UID } from '../utils/plugin-id';

const CHANGES = new Set(['update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * Who saw or changed a confidential source is evidence: once written, an entry of the access log
 * can be neither edited nor deleted, by any path.
 */
export const keepAccessLogAppendOnly =
  (): Modules.Documents.Middleware.Middleware => async (ctx, next) => {
    if (ctx.uid === SOURCE_ACCESS_LOG_UID && CHANGES.has(ctx.action)) {
      throw new errors.PolicyError(
        'The confidential-source access log is append-only: its entries cannot be edited or deleted.'
      );
    }
    return next();
  };
