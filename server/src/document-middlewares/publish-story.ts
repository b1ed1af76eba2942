import type { Core, Modules } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';

type WriteParams = { documentId?: string; locale?: string; status?: string };

/**
 * Every publish of a story, whichever path calls the Document Service, goes through the one
 * publish use-case (services/publication), which runs the rest of the call as its step 4.
 *
 * A `create` or `update` with `status: 'published'` also publishes, but Strapi's repository calls
 * its own publish directly, past every middleware: such a write is split into the draft write and
 * a Document Service `publish`, which comes back through here. Both in one transaction, so a
 * refused publish leaves no draft behind either.
 */
export const publishStory =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== STORY_UID) {
      return next();
    }
    if (ctx.action === 'publish') {
      const { documentId, locale } = ctx.params as { documentId: string; locale?: unknown };
      // Each language version is published on its own (Strapi i18n), and checked on its own.
      return getService('publication', { strapi }).publish(documentId, next, locale);
    }
    const { status, ...draftParams } = ctx.params as WriteParams;
    if ((ctx.action !== 'create' && ctx.action !== 'update') || status !== 'published') {
      return next();
    }
    const published = await strapi.db.transaction(async () => {
      // The rest of the call reads ctx.params when it runs: it writes the draft only.
      ctx.params = draftParams as typeof ctx.params;
      const draft = (await next()) as { documentId: string } | null;
      if (!draft) {
        return draft;
      }
      const { entries } = await strapi.documents(STORY_UID).publish({
        documentId: draft.documentId,
        ...(draftParams.locale ? { locale: draftParams.locale } : {}),
      });
      // What Strapi's own create or update with this status answers: the published version.
      return entries[0];
    });
    return published as Awaited<ReturnType<typeof next>>;
  };
