import type { Core, Modules } from '@strapi/strapi';

import { CORRECTION_UID } from '../utils/plugin-id';

type CorrectionInput = { issuedAt?: unknown; issuedBy?: unknown };

/**
 * When a correction is issued is the server's clock, never the client's: a backdated correction
 * would hide how late it came. Who issued it is the signed-in admin when there is one (Content
 * Manager, the plugin's issuing route); code without a request names the issuer itself.
 */
export const stampCorrectionIssuance =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== CORRECTION_UID || !['create', 'clone'].includes(ctx.action)) {
      return next();
    }
    const data = (ctx.params as { data?: CorrectionInput }).data;
    if (data) {
      data.issuedAt = new Date().toISOString();
      const user = strapi.requestContext.get()?.state?.user as { id: number } | undefined;
      if (user) {
        data.issuedBy = user.id;
      }
    }
    return next();
  };
