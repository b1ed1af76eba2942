/**
 * What the desk's admin routes answer, shared by the server that builds it and the admin panel
 * that reads it (as Strapi's own plugins keep their contracts in shared/contracts).
 */
import type { errors } from '@strapi/utils';

import type { Paginated, PaginationQuery } from './pagination';
import type { QuoteDecisionEntry } from './quotes';
import type { HouseRuleInfo, Violation } from './rules';
import type { RuleOverride, StoryKind } from './stories';

/** A document's publication state, as the Content Manager shows it. */
export const DESK_STATES = ['draft', 'published', 'modified'] as const;
export type DeskState = (typeof DESK_STATES)[number];

/** GET /intelligence-stories/desk/stories */
export type DeskStory = {
  documentId: string;
  /** The language version listed (Strapi i18n). */
  locale: string;
  title: string;
  slug: string;
  kind: StoryKind;
  state: DeskState;
  updatedAt?: string;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  revision: string | null;
  readiness: { ready: boolean; errors: number; warnings: number };
  /** The rule overrides its next publish will use (decided on the current draft). */
  overrides: RuleOverride[];
  /** How many of its quotes await a standards editor's decision: `awaitingDecision.length`. */
  pendingApprovals: number;
  awaitingDecision: AwaitedQuote[];
  corrections: number;
  lastCorrectionAt: string | null;
  /**
   * Whether the user asking may open it in the Content Manager: its read permission, conditions
   * included (an Author reads their own entries only). The panel links only what opens.
   */
  canOpen: boolean;
};

/**
 * Why an anonymous quote awaits a standards editor's decision: never decided, rejected, approved
 * for a text or sourcing that has changed since, or approved by someone who can no longer approve
 * (the permission withdrawn from their roles, or their account deactivated or deleted).
 */
// `original-not-approved`: a translated quote approved in its own language whose original quote
// (the text it renders, in the version it was translated from) has no standing approval.
export const QUEUE_STATES = [
  'pending',
  'rejected',
  'voided',
  'approver-lost-permission',
  'original-not-approved',
] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** A quote of a story's draft that awaits a decision, as readiness and the desk report it. */
export type AwaitedQuote = {
  quoteIndex: number;
  /** The field R6 reports it on, `anonymousQuotes[<index>].approvalState`. */
  path: string;
  reason: QueueState;
};

/** GET /intelligence-stories/desk/approvals: a quote no valid approval covers. */
export type QueueItem = {
  story: {
    documentId: string;
    /** The language version the quote is in (Strapi i18n): each version's quotes are approved apart. */
    locale?: string | null;
    title: string;
    revision: string | null;
    updatedAt?: string;
    /**
     * Whether the user asking may open it in the Content Manager; the route adds it to what the
     * queue's service gives (absent: not known, not linked).
     */
    canOpen?: boolean;
  };
  quoteIndex: number;
  quote: string;
  attribution: string;
  anonymityReason: string;
  howSourceKnows: string | null;
  informationNotOpinion: boolean;
  state: QueueState;
  comment: string | null;
  /** Who made the decision on record (an approval that no longer counts, or a rejection). */
  decidedBy: string | null;
  /** The source by its alias and who knows it: never its identity. */
  source: { documentId: string; alias: string; editorsWhoKnow: string[] } | null;
  /** Whether the signed-in standards editor may decide on it, known before they try. */
  decision: DecisionAbility;
};

/**
 * Why a standards editor may not decide on a quote: four eyes (the `fourEyes` option), they saved
 * the story last, so another standards editor must clear its sourcing.
 */
export const DECISION_REFUSALS = ['edited-last'] as const;
export type DecisionRefusal = (typeof DECISION_REFUSALS)[number];

export type DecisionAbility =
  { mayDecide: true; reason: null } | { mayDecide: false; reason: DecisionRefusal };

/** The body paragraph a quote appears in, split around it; null when the body does not hold it. */
export type QuoteInParagraph = { before: string; match: string; after: string } | null;

/** GET /intelligence-stories/desk/approvals/:documentId/quotes/:quoteIndex: what a decision needs. */
export type QueueItemDetail = {
  story: { documentId: string; locale?: string | null; title: string; revision: string | null };
  quoteIndex: number;
  quote: string;
  /** Where the quote stands now (null: a valid approval covers it, it is not in the queue). */
  state: QueueState | null;
  paragraph: QuoteInParagraph;
  /** The text a voided approval covered, to compare with `quote`; null when not kept or not voided. */
  approvedText: string | null;
  /** The quote's other findings (R3–R5, R7 and house rules on it): R6 is what is being decided. */
  violations: { errors: Violation[]; warnings: Violation[] };
  houseRules: HouseRuleInfo[];
  /** The story's last save: who put the quote, as it reads now, before the desk, and when. */
  lastSavedBy: string | null;
  lastSavedAt: string | null;
  /** Every decision on the story's quotes, newest first. */
  history: QuoteDecisionEntry[];
  decision: DecisionAbility;
};

export declare namespace GetApprovalQueueItem {
  export interface Request {
    params: { documentId: string; quoteIndex: string };
  }
  export interface Response {
    data: QueueItemDetail;
    error?: errors.ApplicationError;
  }
}

/**
 * GET /intelligence-stories/desk/approvals/count: how many quotes await a decision, and how many of
 * them the signed-in standards editor may decide (the menu's badge).
 */
export declare namespace GetApprovalQueueCount {
  export interface Response {
    data: { total: number; mayDecide: number };
    error?: errors.ApplicationError;
  }
}

/**
 * GET /intelligence-stories/desk/stories: the stories' drafts, searched by title, of one state.
 */
export declare namespace GetDeskStories {
  export interface Request {
    query: { q?: string; state?: DeskState; locale?: string; pagination?: PaginationQuery };
  }
  export interface Response extends Paginated<DeskStory> {
    error?: errors.ApplicationError;
  }
}

/** The window of the desk's count of overrides per rule. */
export const OVERRIDE_WINDOW_DAYS = 30;

/**
 * GET /intelligence-stories/desk/overrides: how many overrides each rule had in the last 30 days,
 * by rule code (rules never overridden are absent).
 */
export declare namespace GetDeskOverrides {
  export interface Response {
    data: Record<string, number>;
    meta: { since: string; days: number };
    error?: errors.ApplicationError;
  }
}

/**
 * GET /intelligence-stories/desk/approvals: a page of the quotes awaiting a decision, most
 * recently edited story first, with the total of them all.
 */
export declare namespace GetApprovalQueue {
  export interface Request {
    query: { pagination?: PaginationQuery };
  }
  export interface Response extends Paginated<QueueItem> {
    error?: errors.ApplicationError;
  }
}
