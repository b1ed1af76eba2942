import type { Correction, SourceDocument, Story } from '../types/content-types';
import type { ReaderVisible } from './reader-visible-changes';

export const RULE_CODES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'] as const;
export type RuleCode = (typeof RULE_CODES)[number];
export type RuleLevel = 'error' | 'warning' | 'off';

export type Violation = { code: RuleCode; path: string; message: string };

/**
 * Everything a rule may look at, gathered once by the readiness service: the draft about to be
 * published (with its documents and each quote's confidential source, approver and current
 * fingerprint) and, for R9, what readers saw at the last publish (kept even while the story is
 * unpublished) and the corrections issued since.
 */
export type StorySnapshot = {
  draft: Story & {
    sourceDocuments: SourceDocument[];
  };
  quotes: Array<{
    fingerprint: string;
    /** Editors recorded as knowing the linked source; null when no source is linked. */
    sourceKnownToEditors: number | null;
    approverMayApprove: boolean;
  }>;
  previous: { content: ReaderVisible; publishedAt: string } | null;
  correctionsSincePublish: Correction[];
  nonSubstantiveReason: string | null;
};

export type RuleOptions = {
  stockAnonymityPhrases: string[];
  vagueAttributions: string[];
  nonIcd203EstimativeTerms: string[];
};

export type Rule = (snapshot: StorySnapshot, options: RuleOptions) => Violation[];
