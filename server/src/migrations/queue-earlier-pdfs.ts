import type { SourceDocument, SourceDocumentText } from '../types/content-types';
import { getService } from '../utils/get-service';
import { SOURCE_DOCUMENT_TEXT_UID, SOURCE_DOCUMENT_UID } from '../utils/plugin-id';
import type { Migration } from './types';

/**
 * PDFs attached before the plugin read their text (R11, full-text search) have no text job: since
 * then, attaching a PDF queues one (document-middlewares/queue-text-extraction.ts). Each such
 * document's draft PDF is queued here, once; the workers read them after boot.
 */
export const queueEarlierPdfs: Migration = {
  name: 'queue-text-of-earlier-pdfs',
  async up(strapi) {
    const documents = (await strapi.documents(SOURCE_DOCUMENT_UID).findMany({
      status: 'draft',
      fields: ['documentId', 'sha256'],
      populate: { file: { fields: ['id'] } },
    })) as Array<Pick<SourceDocument, 'documentId' | 'sha256' | 'file'>>;
    const known = new Set(
      (
        (await strapi.db.query(SOURCE_DOCUMENT_TEXT_UID).findMany({
          select: ['sourceDocumentId'],
        })) as Array<Pick<SourceDocumentText, 'sourceDocumentId'>>
      ).map((row) => row.sourceDocumentId)
    );
    const extraction = getService('text-extraction', { strapi });
    let queued = 0;
    for (const document of documents) {
      if (document.file?.id && !known.has(document.documentId)) {
        await extraction.enqueue(document.documentId, document.file.id, document.sha256 ?? null);
        queued += 1;
      }
    }
    return queued;
  },
};
