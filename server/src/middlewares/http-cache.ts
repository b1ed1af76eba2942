import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';

import { getConfig } from '../utils/get-config';
import { cacheControl, isNotModified, strongEtag } from '../utils/http-cache';
import { responseTags, SURROGATE_KEYS } from '../utils/surrogate-keys';

/**
 * Whether a shared cache may keep the answer: not when the caller signed in (an API token or a
 * user's JWT; Strapi's public role has no credentials), since the output sanitizer shapes what it
 * sees by its permissions. An Authorization header Strapi did not accept never reaches a route.
 */
const isForEveryone = (ctx: Context) =>
  !ctx.request.headers.authorization &&
  !(ctx.state.auth as { credentials?: unknown } | undefined)?.credentials;

const sendSurrogateKeys = (ctx: Context) => {
  const keys = [SURROGATE_KEYS.all, ...responseTags(ctx)].join(' ');
  // Fastly and most CDNs read Surrogate-Key; Varnish's vmod xkey reads xkey.
  ctx.set('Surrogate-Key', keys);
  ctx.set('xkey', keys);
};

/**
 * HTTP caching for every public route of the plugin: a strong ETag of the exact bytes, 304 to a
 * conditional GET that still matches, Cache-Control from the plugin's `cache` config, and the
 * surrogate keys the controller tagged the response with (utils/surrogate-keys), by which a
 * change purges it (services/cache-purge). A 404 is cached as long but never served stale, under
 * the key of the list a publish would add it to; any other error is not stored at all.
 */
export const httpCache =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const { cache } = getConfig(strapi);
    const forEveryone = isForEveryone(ctx);
    try {
      await next();
    } catch (error) {
      const cacheableMiss = error instanceof errors.NotFoundError && forEveryone;
      ctx.set('Cache-Control', cacheControl(cacheableMiss ? 'not-found' : 'no-store', cache));
      if (cacheableMiss) {
        sendSurrogateKeys(ctx);
      }
      throw error;
    }
    if (ctx.status !== 200 || ctx.body === null || ctx.body === undefined) {
      ctx.set('Cache-Control', cacheControl('no-store', cache));
      return;
    }

    // Serialized here, as koa would, so the ETag is the digest of the bytes sent.
    const payload =
      typeof ctx.body === 'string' || Buffer.isBuffer(ctx.body)
        ? ctx.body
        : JSON.stringify(ctx.body);
    ctx.body = payload;
    ctx.etag = strongEtag(payload);
    ctx.set('Cache-Control', cacheControl(forEveryone ? 'public' : 'private', cache));
    if (forEveryone) {
      sendSurrogateKeys(ctx);
    }
    const lastModified = ctx.response.lastModified as Date | undefined;
    if (
      isNotModified(
        {
          ifNoneMatch: ctx.get('If-None-Match') || undefined,
          ifModifiedSince: ctx.get('If-Modified-Since') || undefined,
        },
        { etag: ctx.response.etag, lastModified }
      )
    ) {
      ctx.status = 304;
    }
  };
