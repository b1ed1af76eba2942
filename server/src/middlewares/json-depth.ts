import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';

import { nestsDeeperThan } from '../utils/json-walk';
import { MAX_JSON_DEPTH } from '../validation/limits';

const MESSAGE = `the request body nests deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`;

/**
 * V8's JSON.parse takes any depth, but what Strapi does next (permission sanitizing, yup, the
 * error handler's serializing) recurses per level: a body nested 100,000 deep overflowed the stack
 * and answered 500. Refused here, after the body parser and before anything walks the body.
 */
export const assertShallowBody = (body: unknown) => {
  if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
    throw new errors.ValidationError(MESSAGE, {
      errors: [{ path: [], message: MESSAGE, name: 'ValidationError' }],
    });
  }
};

export const refuseDeepJson = async (ctx: Context, next: Next) => {
  assertShallowBody(ctx.request.body);
  return next();
};
