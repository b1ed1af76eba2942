/**
 * An anonymous quote's approval by the standards desk (the anonymous-quote component) and the
 * routes that decide it.
 */
import type { errors } from '@strapi/utils';

import type { StoryReadiness } from './stories';

/** Where a quote's approval stands, as stored on the quote. */
export const APPROVAL_STATES = ['pending', 'approved', 'rejected'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** What a standards editor decides: the states a decision writes. */
export const DECISIONS = ['approved', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

/** One decision kept in a story's approval history (the quote-decision type), newest first. */
export type QuoteDecisionEntry = {
  quoteIndex: number;
  decision: Decision;
  /** The quote's text the decision covered. */
  quote: string;
  comment: string | null;
  /** Who decided, by name (kept after their account is deleted); null if it was never known. */
  decidedBy: string | null;
  decidedAt: string;
};

type QuoteParams = {
  documentId: string;
  /** The quote's position in the story's draft, from 0. */
  quoteIndex: string;
};

/**
 * POST /intelligence-stories/stories/:documentId/quotes/:quoteIndex/approve
 */
export declare namespace ApproveQuote {
  export interface Request {
    params: QuoteParams;
    body: {
      /** The story revision the editor reviewed, from the readiness route. */
      revision: string | null;
      comment?: string | null;
    };
  }
  export interface Response {
    /** The story's readiness once the decision is recorded. */
    data: StoryReadiness;
    error?: errors.ApplicationError;
  }
}

/**
 * POST /intelligence-stories/stories/:documentId/quotes/:quoteIndex/reject
 */
export declare namespace RejectQuote {
  export interface Request {
    params: QuoteParams;
    body: {
      revision: string | null;
      /** Why the quote is rejected, so the desk can fix it. */
      comment: string;
    };
  }
  export interface Response {
    data: StoryReadiness;
    error?: errors.ApplicationError;
  }
}
