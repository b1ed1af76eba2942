import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export const DRAFT_ACTIONS = new Set([
  'collection-types.publish',
  'collection-types.unpublish',
  'collection-types.discard',
  'collection-types.bulkPublish',
  'collection-types.bulkUnpublish',
  'single-types.publish',
  'single-types.unpublish',
  'single-types.discard',
]);

/**
 * Strapi 5.54's Content Manager answers a draft action on a type without drafts with a 500 (the
 * plugin's corrections and logs have none), and serves a collection type through its single-type
 * routes. Both are refused as the bad requests they are, before the handler runs.
 */
export const refuseMisdirectedAction = (strapi: Core.Strapi, handler: string, model: string) => {
  // Read loosely: the generated typings narrow each uid to its own kind.
  const schema = strapi.getModel(model as UID.Schema) as
    { modelType: string; kind?: string; options?: { draftAndPublish?: boolean } } | undefined;
  if (!schema || schema.modelType !== 'contentType') {
    return;
  }
  if (handler.startsWith('single-types.') && schema.kind !== 'singleType') {
    throw new errors.ValidationError(
      `${model} is a collection type: it is served under /content-manager/collection-types/${model}`
    );
  }
  if (DRAFT_ACTIONS.has(handler) && !schema.options?.draftAndPublish) {
    throw new errors.ValidationError(
      `${model} has no drafts: it cannot be published, unpublished or discarded`
    );
  }
};
