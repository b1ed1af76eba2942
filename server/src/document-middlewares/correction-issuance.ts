import type { Core, Modules } from '@strapi/strapi';

import type { CorrectionKind } from '../../../shared/contracts/corrections';
import { currentAdminName } from '../utils/admin-name';
import { getService } from '../utils/get-service';
import { CORRECTION_UID } from '../utils/plugin-id';

type CorrectionInput = {
  storyDocumentId?: unknown;
  storyLocale?: unknown;
  kind?: unknown;
  issuedAt?: unknown;
  issuedBy?: unknown;
  issuedByName?: unknown;
  draftFingerprint?: unknown;
  held?: unknown;
};

/** The admin id a write names as issuer, in the shapes the Document Service takes for a relation. */
const issuerId = (issuedBy: unknown): number | null => {
  const id =
    issuedBy !== null && typeof issuedBy === 'object' && 'id' in issuedBy ? issuedBy.id : issuedBy;
  return typeof id === 'number' || (typeof id === 'string' && /^\d+$/.test(id)) ? Number(id) : null;
};

/**
 * When a correction is issued is the server's clock, never the client's: a backdated correction
 * would hide how late it came. Who issued it is the signed-in admin when there is one (Content
 * Manager, the plugin's issuing route); code without a request names the issuer itself. The
 * issuer's name is kept on the correction too (`issuedByName`, never from the client): deleting
 * an admin account empties the relation, and the record must still say who issued it. What it
 * explains is the server's to say too: the fingerprint of the story's draft as it stands (R9
 * accepts a republish only for the change a correction was issued for), and whether it is held
 * until that draft is published (services/corrections `bindingFor`).
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
      data.issuedByName = await currentAdminName(strapi, issuerId(data.issuedBy));
      // Corrections are per language version; one that names none corrects the default one.
      data.storyLocale = await getService('locales', { strapi }).resolve(
        data.storyLocale,
        'storyLocale'
      );
      const binding =
        typeof data.storyDocumentId === 'string'
          ? await getService('corrections', { strapi }).bindingFor(
              data.storyDocumentId,
              data.kind as CorrectionKind,
              data.storyLocale as string
            )
          : { draftFingerprint: null, held: false };
      data.draftFingerprint = binding.draftFingerprint;
      data.held = binding.held;
    }
    return getService('webhook-events', { strapi }).correctionIssued(await next(), data?.held);
  };
