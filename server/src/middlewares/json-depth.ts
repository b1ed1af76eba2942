import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';

import { nestsDeeperThan } from '../utils/json-walk';
import { MAX_JSON_DEPTH } from '../validation/limits';
import { PLUGIN_ID } from '../utils/plugin-id';

const MESSAGE = `the request body nests deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`;

/**
 * V8's JSON.parse takes any depth, but what Strapi does next (permission sanitizing, yup, the
 * error handler's serializing) recurses per level: a body nested 100,000 deep overflowed the stack
 * and answered 500. Refused here, after the body parser and before anything walks the body.
 */
export const refuseDeepJson = async (ctx: Context, next: Next) => {
  if (nestsDeeperThan(ctx.request.body, MAX_JSON_DEPTH)) {
    throw new errors.ValidationError(MESSAGE, {
      errors: [{ path: [], message: MESSAGE, name: 'ValidationError' }],
    });
  }
  return next();
};

const PLUGIN_MODEL = new RegExp(`^plugin::${PLUGIN_ID}\\.`);

/**
 * The same, on the Content Manager's routes, for the plugin's types only: the rest of the app's
 * content is not the plugin's to police.
 */
export const refuseDeepJsonForPluginModels = async (ctx: Context, next: Next) => {
  const { model, uid } = (ctx.params ?? {}) as { model?: string; uid?: string };
  // The slug generator names its model in the body rather than the path.
  const body = ctx.request.body as { contentTypeUID?: unknown } | undefined;
  const named = model ?? uid ?? body?.contentTypeUID;
  if (typeof named === 'string' && PLUGIN_MODEL.test(named)) {
    return refuseDeepJson(ctx, next);
  }
  return next();
};
