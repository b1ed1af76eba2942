import type { Core, Modules } from '@strapi/strapi';

import type { AnonymousQuote, Story } from '../types/content-types';
import { STORY_UID } from '../utils/plugin-id';

// Written only by the approvals service; a story's own writes can neither set nor erase them.
const APPROVAL_FIELDS = [
  'approvalState',
  'approvedBy',
  'approvedAt',
  'approvedFingerprint',
  'approvedText',
  'approvalComment',
] as const;

type QuoteInput = Record<string, unknown> & { id?: number | string };

/**
 * An approval cannot be typed in: approval fields are dropped from every story write, and a quote
 * keeps its stored decision only when it is one of this story's own quotes (matched by its
 * component id). Anything else, including an id borrowed from another story, starts pending.
 */
export const protectQuoteApprovals =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== STORY_UID || !['create', 'update', 'clone'].includes(ctx.action)) {
      return next();
    }
    const params = ctx.params as {
      documentId?: string;
      data?: { anonymousQuotes?: QuoteInput[] };
    };
    const quotes = params.data?.anonymousQuotes;
    if (!Array.isArray(quotes)) {
      return next();
    }

    let ownQuoteIds = new Set<number>();
    if (ctx.action === 'update' && params.documentId) {
      const draft = (await strapi.documents(STORY_UID).findOne({
        documentId: params.documentId,
        status: 'draft',
        fields: ['id'],
        populate: { anonymousQuotes: { fields: ['id'] } },
      })) as (Story & { anonymousQuotes: AnonymousQuote[] }) | null;
      ownQuoteIds = new Set((draft?.anonymousQuotes ?? []).map((quote) => Number(quote.id)));
    }

    for (const quote of quotes) {
      for (const field of APPROVAL_FIELDS) {
        delete quote[field];
      }
      if (quote.id !== undefined && !ownQuoteIds.has(Number(quote.id))) {
        delete quote.id;
      }
    }
    return next();
  };
