import type { Core, Modules } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { SOURCE_DOCUMENT_UID } from '../utils/plugin-id';

type MediaInput = number | string | { id?: number | string } | null | undefined;

const mediaId = (value: MediaInput) => {
  const id = typeof value === 'object' ? value?.id : value;
  return id === undefined || id === null || id === '' ? null : Number(id);
};

// discardDraft restores the published version's file; delete forgets the text with the document.
const ACTIONS = new Set(['create', 'update', 'clone', 'discardDraft', 'delete']);

/**
 * Once a source document's PDF is attached or replaced (and the write has passed validation),
 * queues the reading of its text; the request returns at once, the text follows (see the
 * document-text service). A clone carries its original's file, so it is read too.
 */
export const queueTextExtraction =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== SOURCE_DOCUMENT_UID || !ACTIONS.has(ctx.action)) {
      return next();
    }
    const params = ctx.params as { data?: Record<string, unknown>; documentId?: string };
    const data = params.data;
    const result = await next();
    const extraction = getService('text-extraction', { strapi });
    if (ctx.action === 'delete') {
      const remaining = await strapi.documents(SOURCE_DOCUMENT_UID).count({
        filters: { documentId: params.documentId },
      });
      if (params.documentId && remaining === 0) {
        await extraction.enqueue(params.documentId, null, null);
      }
      return result;
    }
    const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
    if (!documentId) {
      return result;
    }
    if (data && 'file' in data) {
      await extraction.enqueue(
        documentId,
        mediaId(data.file as MediaInput),
        (data.sha256 as string | null | undefined) ?? null
      );
    } else if (ctx.action === 'clone' || ctx.action === 'discardDraft') {
      const draft = (await strapi.documents(SOURCE_DOCUMENT_UID).findOne({
        documentId,
        status: 'draft',
        fields: ['sha256'],
        populate: { file: { fields: ['id'] } },
      })) as { sha256?: string | null; file?: { id: number } | null } | null;
      await extraction.enqueue(documentId, draft?.file?.id ?? null, draft?.sha256 ?? null);
    }
    return result;
  };
