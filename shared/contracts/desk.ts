/**
 * What the desk's admin routes answer, shared by the server that builds it and the admin panel
 * that reads it (as Strapi's own plugins keep their contracts in shared/contracts).
 */
import type { errors } from '@strapi/utils';

import type { Paginated, PaginationQuery } from './pagination';
import type { RuleOverride, StoryKind } from './stories';

/** A document's publication state, as the Content Manager shows it. */
export const DESK_STATES = ['draft', 'published', 'modified'] as const;
export type DeskState = (typeof DESK_STATES)[number];

/** GET /intelligence-stories/desk/stories */
export type DeskStory = {
  documentId: string;
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
};

/**
 * Why an anonymous quote awaits a standards editor's decision: never decided, rejected, approved
 * for a text or sourcing that has changed since, or approved by someone who can no longer approve
 * (the permission withdrawn from their roles, or their account deactivated or deleted).
 */
export const QUEUE_STATES = ['pending', 'rejected', 'voided', 'approver-lost-permission'] as const;
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
  story: { documentId: string; title: string; revision: string | null; updatedAt?: string };
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
};

/**
 * GET /intelligence-stories/desk/stories: the stories' drafts, searched by title, of one state.
 */
export declare namespace GetDeskStories {
  export interface Request {
    query: { q?: string; state?: DeskState; pagination?: PaginationQuery };
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
