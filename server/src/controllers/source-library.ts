import type { Core } from '@strapi/strapi';
import { validateYupSchema } from '@strapi/utils';
import type { Context } from 'koa';

import type {
  GetLibrary,
  GetLibraryDocument,
  UpdateKeyJudgments,
} from '../../../shared/contracts/library';
import { getService } from '../utils/get-service';
import { SOURCE_DOCUMENT_UID } from '../utils/plugin-id';
import { paginationMeta, toPagination } from '../utils/pagination';
import { keyJudgmentsBody, libraryQuerySchema } from '../validation/source-library';

/** Admin routes of the source-document library page. */
const sourceLibraryController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('source-library', { strapi });

  return {
    async find(ctx: Context) {
      const params = (await validateYupSchema(libraryQuerySchema)(ctx.query)) as {
        q?: string;
        pagination?: Record<string, string>;
      };
      const { isPaged, ...pagination } = toPagination(params.pagination);
      const { results, total } = await service().list({ q: params.q, pagination });
      ctx.body = {
        data: results,
        meta: { pagination: paginationMeta({ pagination, isPaged }, total) },
      } satisfies GetLibrary.Response;
    },

    async findOne(ctx: Context) {
      const document = await service().findOne(ctx.params.documentId);
      const openable = await getService('content-manager-links', { strapi }).openable(
        SOURCE_DOCUMENT_UID,
        ctx.state.userAbility,
        [document.documentId]
      );
      ctx.body = {
        data: { ...document, canOpen: openable.has(document.documentId) },
      } satisfies GetLibraryDocument.Response;
    },

    async updateKeyJudgments(ctx: Context) {
      // The cap first: the full schema would validate every item of an oversized list.
      await getService('input-limits', { strapi }).assertWithinLimits(
        SOURCE_DOCUMENT_UID,
        ctx.request.body
      );
      const { revision, keyJudgments } = (await validateYupSchema(keyJudgmentsBody)(
        ctx.request.body ?? {}
      )) as UpdateKeyJudgments.Request['body'];
      ctx.body = {
        data: await service().saveKeyJudgments(ctx.params.documentId, keyJudgments, revision),
      } satisfies UpdateKeyJudgments.Response;
    },
  };
};

export default sourceLibraryController;
