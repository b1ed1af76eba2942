import type { Core, UID } from '@strapi/strapi';
import { validateYupSchema } from '@strapi/utils';
import type { Context, Next } from 'koa';

import { getService } from '../utils/get-service';
import { PLUGIN_ID } from '../utils/plugin-id';
import { bulkSelectionLimits } from '../validation/list-limits';
import { assertShallowBody } from './json-depth';

const PLUGIN_MODEL = new RegExp(`^plugin::${PLUGIN_ID}\\.`);

/**
 * On the Content Manager's routes that read a body, for the plugin's types only (the rest of the
 * app's content is not the plugin's to police): the body's depth, a bulk selection's size and a
 * document's lists, before the Content Manager's own sanitizer walks every item. The Document
 * Service middleware checks the lists again, on every path.
 */
export const screenContentManagerBody =
  (strapi: Core.Strapi) =>
  async (ctx: Context, next: Next): Promise<void> => {
    const { model, uid } = (ctx.params ?? {}) as { model?: string; uid?: string };
    const body = ctx.request.body as Record<string, unknown> | undefined;
    // The slug generator names its model in the body rather than the path.
    const named = model ?? uid ?? body?.contentTypeUID;
    if (typeof named !== 'string' || !PLUGIN_MODEL.test(named)) {
      return next();
    }
    assertShallowBody(body);
    await validateYupSchema(bulkSelectionLimits, { abortEarly: true })(body ?? {});
    if (strapi.contentTypes[named as UID.ContentType]) {
      await getService('input-limits', { strapi }).assertWithinLimits(
        named as UID.ContentType,
        body
      );
    }
    return next();
  };
