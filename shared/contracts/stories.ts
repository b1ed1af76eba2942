/**
 * Stories: their kinds, the routes on a story's sourcing (readiness, non-substantive changes) and
 * what the public Content API serves of a published story.
 */
import type { errors } from '@strapi/utils';
import type { NewsArticle, WithContext } from 'schema-dts';

import type { PublicCorrection } from './corrections';
import type { PublicCitation, PublicQuery, PublicSourceDocument } from './library';
import type { Paginated } from './pagination';
import type { Readiness } from './rules';

export const STORY_KINDS = ['news', 'analysis', 'explainer'] as const;
export type StoryKind = (typeof STORY_KINDS)[number];

/**
 * What a change-log entry records: a change published without a correction (R9), or a rule at
 * `error` overridden for one publish of the story's current draft.
 */
export const CHANGE_LOG_KINDS = ['non_substantive', 'rule_override'] as const;
export type ChangeLogKind = (typeof CHANGE_LOG_KINDS)[number];

/**
 * What a non-substantive declaration covers: the reader-visible fields that changed since the last
 * publish, and the short ones' values before and after.
 */
export type DeclaredChanges = { fields: string[]; [field: string]: unknown };

/** The rules' verdict on a story's draft, and the revision of the draft it is for. */
export type StoryReadiness = Readiness & { revision: string | null };

/**
 * GET /intelligence-stories/stories/:documentId/readiness
 */
export declare namespace GetReadiness {
  export interface Request {
    params: { documentId: string };
  }
  export interface Response {
    data: StoryReadiness;
    error?: errors.ApplicationError;
  }
}

/**
 * POST /intelligence-stories/stories/:documentId/non-substantive-change (201): declares the
 * draft's reader-visible changes need no correction (R9), for the revision the editor reviewed.
 */
export declare namespace DeclareNonSubstantive {
  export interface Request {
    params: { documentId: string };
    body: { revision: string | null; reason: string };
  }
  export interface Response {
    data: {
      documentId: string;
      changes: DeclaredChanges | null;
      declaredAt: string;
    };
    error?: errors.ApplicationError;
  }
}

/**
 * POST /intelligence-stories/stories/:documentId/rule-overrides (201): lifts a rule at `error`
 * for the next publish of the draft the editor reviewed, by a holder of the permission the config
 * names for that rule, with a reason. Recorded in the change log; used up by that publish.
 */
export declare namespace OverrideRule {
  export interface Request {
    params: { documentId: string };
    body: { revision: string | null; rule: string; reason: string };
  }
  export interface Response {
    data: RuleOverride;
    error?: errors.ApplicationError;
  }
}

/**
 * A rule lifted for one publish: who decided it, when, why, and what it covered (the draft's
 * reader-visible content, by fingerprint, and the violations the rule reported on it).
 */
export type RuleOverride = {
  documentId: string;
  rule: string;
  reason: string;
  overriddenBy: string | null;
  overriddenAt: string;
  /** The violations it lifted, as the rule reported them on the draft. */
  violations: Array<{ path: string; message: string }>;
};

/**
 * A published story as the Content API serves it, with its corrections (oldest first). `fields`
 * may narrow it to some of its fields: every one but the ids and the corrections is then optional.
 */
export type PublicStory = {
  id: number;
  documentId: string;
  title?: string;
  slug?: string;
  dek?: string | null;
  /** Strapi blocks. */
  body?: unknown[] | null;
  dateline?: string | null;
  kind?: StoryKind;
  backstory?: string | null;
  firstPublishedAt?: string | null;
  publishedAt?: string | null;
  /** The latest of the publish and the last correction issued. */
  updatedAt?: string;
  bylines?: Array<{ name: string; role?: string | null }>;
  citations?: PublicCitation[];
  anonymousQuotes?: Array<{ quote: string; attribution: string; anonymityReason: string }>;
  sourceDocuments?: PublicSourceDocument[];
  corrections: PublicCorrection[];
};

/**
 * GET /api/intelligence-stories/stories (Content API): published stories, newest first.
 */
export declare namespace GetStories {
  export interface Request {
    query: PublicQuery;
  }
  export interface Response extends Paginated<PublicStory> {
    error?: errors.ApplicationError;
  }
}

/**
 * GET /api/intelligence-stories/stories/:slugOrDocumentId (Content API)
 */
export declare namespace GetStory {
  export interface Request {
    params: { slugOrDocumentId: string };
    query: PublicQuery;
  }
  export interface Response {
    data: PublicStory;
    meta: Record<string, never>;
    error?: errors.ApplicationError;
  }
}

/**
 * GET /api/intelligence-stories/stories/:slugOrDocumentId/jsonld (Content API): the story as a
 * schema.org NewsArticle. It takes no query parameters.
 */
export declare namespace GetStoryJsonLd {
  export interface Request {
    params: { slugOrDocumentId: string };
  }
  export type Response = WithContext<NewsArticle>;
}
