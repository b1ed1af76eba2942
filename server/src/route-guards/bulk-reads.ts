import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { contentManagerService } from '../strapi-internals/content-manager';

export const BULK_FIND_FOR_VALIDATION = 'collection-types.bulkFindForValidation';

/**
 * Strapi 5.54's Content Manager `bulkFindForValidation` (what the bulk-publish dialog reads)
 * checks that the user may read the type at all, then answers every document asked for, whatever
 * its permission's conditions: an Author, who may read their own entries only, got anyone's, their
 * private fields included. Before the handler runs, each document asked for is checked against
 * the user's read permission on it, conditions included, as the bulk publish itself checks each
 * document against the publish permission; one the user may not read refuses the request.
 */
export const refuseUnreadableBulkRead = async (
  strapi: Core.Strapi,
  ctx: Context,
  model: string
) => {
  const { documentIds } = (ctx.request.body ?? {}) as { documentIds?: unknown };
  if (!Array.isArray(documentIds) || documentIds.length === 0) {
    return;
  }
  const checker = contentManagerService(strapi, 'permission-checker').create({
    userAbility: (ctx.state as { userAbility?: unknown }).userAbility,
    model,
  });
  // Every version (locale, draft, published): the conditions read createdBy, which they share.
  const entities = (await strapi.db.query(model as UID.Schema).findMany({
    where: { documentId: { $in: documentIds.filter((id) => typeof id === 'string') } },
    populate: { createdBy: { select: ['id'] } },
  })) as object[];
  if (entities.some((entity) => checker.cannot.read(entity))) {
    throw new errors.PolicyError(
      'You may not read every document of this selection: select only the entries your role lets you read.'
    );
  }
};
