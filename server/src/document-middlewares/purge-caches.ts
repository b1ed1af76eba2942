import type { Core, Modules } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { CORRECTION_UID, SOURCE_DOCUMENT_UID, STORY_UID } from '../utils/plugin-id';
import { correctionStoryOf, type Written } from '../utils/written-document';

type Params = { documentId?: string; status?: string; data?: { storyDocumentId?: unknown } };

/**
 * Purges a shared cache (services/cache-purge) of what a change showed readers, once the
 * transaction that made it commits: a refused or rolled-back write purges nothing, and the next
 * read through the cache gets the committed state. The calls that change what readers see:
 * - a story or source document published (also by `create`/`update` with `status: 'published'`,
 *   which publish without calling `publish`), unpublished, or deleted while published;
 * - a correction issued (created or cloned), when its story is public.
 * Other writes change drafts only, which readers never see, and so does `discardDraft`: it
 * replaces the draft with the published version and leaves that one as it was.
 */
export const purgeCaches =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const purge = getService('cache-purge', { strapi });
    const params = ctx.params as Params;

    if (ctx.uid === CORRECTION_UID && (ctx.action === 'create' || ctx.action === 'clone')) {
      if (!purge.isEnabled()) {
        return next();
      }
      return strapi.db.transaction(async ({ onCommit }) => {
        const result = await next();
        const storyDocumentId = correctionStoryOf(result as Written);
        if (storyDocumentId) {
          const keys = await purge.keysOfCorrectionIssued(storyDocumentId);
          onCommit(() => purge.enqueue(keys));
        }
        return result;
      });
    }

    const documents = ctx.uid === STORY_UID || ctx.uid === SOURCE_DOCUMENT_UID ? ctx.uid : null;
    const publishing =
      ctx.action === 'publish' ||
      ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
    const leaving = ctx.action === 'unpublish' || ctx.action === 'delete';
    if (!documents || !(publishing || leaving) || !purge.isEnabled()) {
      return next();
    }

    return strapi.db.transaction(async ({ onCommit }) => {
      const { documentId } = params;
      const wasPublic =
        leaving && documentId ? await purge.hasPublishedVersion(documents, documentId) : false;
      // What cited a source document before the change: a withdrawn one is cited by nothing after.
      const before =
        documents === SOURCE_DOCUMENT_UID && documentId && (publishing || wasPublic)
          ? await purge.keysOfSourceDocumentChange(documentId)
          : [];
      const result = await next();
      const changed = documentId ?? (result as Written)?.documentId;
      if (!changed || (leaving && !wasPublic)) {
        return result;
      }
      const after =
        documents === STORY_UID
          ? await purge.keysOfStoryChange(changed, { leaving })
          : await purge.keysOfSourceDocumentChange(changed);
      onCommit(() => purge.enqueue([...before, ...after]));
      return result;
    });
  };
