import type { Core, Modules } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { CORRECTION_UID, SOURCE_DOCUMENT_UID, STORY_UID } from '../utils/plugin-id';
import { correctionStoryOf, type Written } from '../utils/written-document';

type Params = { documentId?: string; status?: string };

/**
 * Keeps the public snapshot (services/public-snapshot) equal to what readers would be shown, in
 * the transaction of each change that alters it, so a refused or rolled-back write leaves it as
 * it was. A story's `publish` writes its snapshot in the publish use-case (services/publication,
 * step 7); this covers the other calls that change what readers see:
 * - a story unpublished or deleted, or published by `create`/`update` with `status: 'published'`;
 * - a source document published, unpublished or deleted: the stories that cite it, before the
 *   change and after (a withdrawn one is cited by nothing after);
 * - a correction issued (created or cloned): its story.
 * Other writes change drafts only, and `discardDraft` leaves the published version as it was.
 */
export const refreshPublicSnapshots =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const snapshot = getService('public-snapshot', { strapi });
    const params = ctx.params as Params;
    const writesPublished =
      ctx.action === 'publish' ||
      ctx.action === 'unpublish' ||
      ctx.action === 'delete' ||
      ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');

    if (ctx.uid === CORRECTION_UID && (ctx.action === 'create' || ctx.action === 'clone')) {
      return strapi.db.transaction(async () => {
        const result = await next();
        const storyDocumentId = correctionStoryOf(result as Written);
        if (storyDocumentId) {
          await snapshot.refresh([storyDocumentId]);
        }
        return result;
      });
    }

    if (ctx.uid === STORY_UID && writesPublished && ctx.action !== 'publish') {
      return strapi.db.transaction(async () => {
        const result = await next();
        const changed = params.documentId ?? (result as Written)?.documentId;
        if (changed) {
          await snapshot.refresh([changed]);
        }
        return result;
      });
    }

    if (ctx.uid === SOURCE_DOCUMENT_UID && writesPublished) {
      return strapi.db.transaction(async () => {
        const before = params.documentId ? await snapshot.storiesCiting(params.documentId) : [];
        const result = await next();
        const changed = params.documentId ?? (result as Written)?.documentId;
        const after = changed ? await snapshot.storiesCiting(changed) : [];
        await snapshot.refresh([...before, ...after]);
        return result;
      });
    }

    return next();
  };
