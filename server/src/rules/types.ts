import type { TextStatus } from '../../../shared/contracts/library';
import type { Violation } from '../../../shared/contracts/rules';
import type { Correction, SourceDocument, Story } from '../types/content-types';
import type { ReaderVisible } from './reader-visible-changes';

// The codes, levels and violations cross to the admin panel: their home is shared/contracts.
export type { RuleCode, RuleLevel, Violation } from '../../../shared/contracts/rules';

/** What the server read from a source document's PDF (see services/document-text.ts). */
export type DocumentText = {
  status: TextStatus;
  error?: string | null;
  /** Pages of the PDF, in order, normalized with passages/normalize; empty until done. */
  pages: string[];
  pageCount: number | null;
  pagesWithoutText: number[];
  /** Pending for so long that no instance seems to be reading it: R11 stops waiting for it. */
  stale?: boolean;
};

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
    /**
     * In a translation: whether the original quote it renders (`originalQuote`) stands approved,
     * with the same confidential source, in the version it was translated from. Absent elsewhere.
     */
    originalApproved?: boolean;
  }>;
  previous: { content: ReaderVisible; publishedAt: string } | null;
  /** Corrections issued since the last publish for this draft (bound to its fingerprint). */
  correctionsSincePublish: Correction[];
  nonSubstantiveReason: string | null;
  /**
   * Text of the cited documents' PDFs, by source document documentId; a document missing from it
   * has no PDF. Left out, R11 has nothing to check against and reports nothing.
   */
  documentTexts?: Record<string, DocumentText>;
};

export type RuleOptions = {
  stockAnonymityPhrases: string[];
  vagueAttributions: string[];
  nonIcd203EstimativeTerms: string[];
};

export type Rule = (snapshot: StorySnapshot, options: RuleOptions) => Violation[];
