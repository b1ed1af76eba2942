import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import type { GetSourceDocument, GetSourceDocuments } from '../../../shared/contracts/library';
import type { SourceDocument } from '../types/content-types';
import { getService } from '../utils/get-service';
import { SOURCE_DOCUMENT_UID } from '../utils/plugin-id';
import { PUBLIC_SOURCE_DOCUMENT_SHAPE } from '../utils/public-fields';
import { SURROGATE_KEYS, tagResponse } from '../utils/surrogate-keys';

const sourceDocument = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const publicApi = getService('public-api', { strapi });
    const query = await publicApi.parseQuery(
      ctx,
      SOURCE_DOCUMENT_UID,
      PUBLIC_SOURCE_DOCUMENT_SHAPE
    );
    const { results, total } = await publicApi.findPublishedPage(
      SOURCE_DOCUMENT_UID,
      query,
      PUBLIC_SOURCE_DOCUMENT_SHAPE
    );

    tagResponse(ctx, [
      SURROGATE_KEYS.sourceDocuments,
      ...results.map(({ documentId }) => SURROGATE_KEYS.sourceDocument(documentId)),
    ]);
    ctx.body = {
      data: await publicApi.sanitizeOutput(results as SourceDocument[], SOURCE_DOCUMENT_UID, ctx),
      meta: { pagination: publicApi.paginationMeta(query, total) },
    } satisfies GetSourceDocuments.Response;
  },

  async findOne(ctx: Context) {
    const publicApi = getService('public-api', { strapi });
    const query = await publicApi.parseQuery(
      ctx,
      SOURCE_DOCUMENT_UID,
      PUBLIC_SOURCE_DOCUMENT_SHAPE
    );
    const found = await publicApi.findPublishedOne(
      SOURCE_DOCUMENT_UID,
      { documentId: ctx.params.documentId },
      query,
      PUBLIC_SOURCE_DOCUMENT_SHAPE
    );
    if (!found) {
      // Its first publish purges the lists' key.
      tagResponse(ctx, [SURROGATE_KEYS.sourceDocuments]);
      throw new errors.NotFoundError('No published source document has this documentId');
    }

    tagResponse(ctx, [SURROGATE_KEYS.sourceDocument(found.documentId)]);
    ctx.body = {
      data: await publicApi.sanitizeOutput(found as SourceDocument, SOURCE_DOCUMENT_UID, ctx),
      meta: {},
    } satisfies GetSourceDocument.Response;
  },
});

export default sourceDocument;
