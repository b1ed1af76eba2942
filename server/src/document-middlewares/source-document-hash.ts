import type { Core, Modules } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { SOURCE_DOCUMENT_UID } from '../utils/plugin-id';

type MediaInput = number | string | { id?: number | string } | null | undefined;

const mediaId = (value: MediaInput) => (typeof value === 'object' ? value?.id : value);

/**
 * A source document's sha256 is the server's reading of the attached file. Whatever a client sends
 * for it is dropped; when the file is attached, replaced or removed, the digest follows.
 */
export const computeSourceDocumentHash =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== SOURCE_DOCUMENT_UID || !['create', 'update', 'clone'].includes(ctx.action)) {
      return next();
    }
    const data = (ctx.params as { data?: Record<string, unknown> }).data;
    if (data) {
      delete data.sha256;
      if ('file' in data) {
        const fileId = mediaId(data.file as MediaInput);
        data.sha256 = fileId
          ? await getService('file-digest', { strapi }).sha256OfUpload(fileId)
          : null;
      }
    }
    return next();
  };
