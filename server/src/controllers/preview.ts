import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { renderPreviewPage, STYLE_HASH } from '../preview/page';
import { getService } from '../utils/get-service';

// Strapi's response helpers (one per HTTP error status), which keep the message they are given.
type RefusingContext = Context & {
  unauthorized(message: string): void;
  forbidden(message: string): void;
};

/** The admin panel's origin, when it is served from another one than this server's. */
const adminOrigin = (strapi: Core.Strapi): string | null => {
  const url = strapi.config.get('admin.url') as string | undefined;
  try {
    return url && /^https?:\/\//i.test(url) ? new URL(url).origin : null;
  } catch {
    return null;
  }
};

const preview = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * GET /intelligence-stories/preview/stories/:documentId: the story page a signed link grants
   * (services/preview). Headers come first, so that a refusal is not cached or framed elsewhere
   * either.
   */
  async render(ctx: Context) {
    const admin = adminOrigin(strapi);
    // A draft must stay on the editor's screen: no cache, shared or private, keeps a copy.
    ctx.set('Cache-Control', 'no-store, max-age=0');
    ctx.set('Pragma', 'no-cache');
    // The link is the credential: a link followed out of the page must not carry it away.
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Robots-Tag', 'noindex, nofollow');
    // No script at all; framed only by the admin panel (this origin, or the admin's own).
    ctx.set(
      'Content-Security-Policy',
      [
        "default-src 'none'",
        `style-src ${STYLE_HASH}`,
        "img-src 'self' https: data:",
        "base-uri 'none'",
        "form-action 'none'",
        `frame-ancestors 'self'${admin ? ` ${admin}` : ''}`,
      ].join('; ')
    );
    if (admin) {
      // frame-ancestors names the admin's origin; X-Frame-Options (SAMEORIGIN) cannot.
      ctx.remove('X-Frame-Options');
    }
    let model;
    try {
      model = await getService('preview', { strapi }).modelFor(ctx.params.documentId, ctx.query);
    } catch (error) {
      // Strapi's route authorization answers an UnauthorizedError or ForbiddenError thrown below
      // it with a bare 401/403: answered here, the editor reads why the link was refused.
      if (error instanceof errors.UnauthorizedError) {
        return (ctx as RefusingContext).unauthorized(error.message);
      }
      if (error instanceof errors.ForbiddenError) {
        return (ctx as RefusingContext).forbidden(error.message);
      }
      throw error;
    }
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = renderPreviewPage(model);
  },
});

export default preview;
