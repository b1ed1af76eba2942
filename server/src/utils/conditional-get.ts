import { createHash } from 'crypto';
import type { Context } from 'koa';

/**
 * Sends a representation with its validators (a strong ETag of the exact bytes, Last-Modified
 * when known) and answers a conditional GET that still matches with 304 and no body, so feed
 * readers polling every few minutes cost one cheap query and a few bytes.
 */
export const sendWithValidators = (
  ctx: Context,
  payload: string,
  { type, lastModified }: { type: string; lastModified?: Date | null }
) => {
  ctx.status = 200;
  ctx.type = type;
  ctx.etag = createHash('sha256').update(payload).digest('base64url');
  if (lastModified) {
    ctx.lastModified = lastModified;
  }
  // koa's `fresh` compares If-None-Match and If-Modified-Since with the headers just set.
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.body = payload;
};
