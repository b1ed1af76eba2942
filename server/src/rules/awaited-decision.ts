import type { AwaitedQuote, QueueState } from '../../../shared/contracts/desk';
import type { AnonymousQuote } from '../types/content-types';
import type { StorySnapshot } from './types';

/** What an approval is checked against besides the quote's own stored fields. */
export type DecisionFacts = Pick<
  StorySnapshot['quotes'][number],
  'fingerprint' | 'approverMayApprove' | 'originalApproved'
>;

/**
 * Whether a quote awaits a standards editor's decision, and why. An approval counts only while it
 * covers what the quote says now (its fingerprint) and its approver may still approve (R6: "approved
 * by a user holding the approve permission"). The one answer R6, readiness, the desk and the
 * approval queue give: a rule's level decides whether it blocks publishing, never whether it awaits.
 */
export const awaitedDecision = (
  quote: Pick<AnonymousQuote, 'approvalState' | 'approvedFingerprint'>,
  { fingerprint, approverMayApprove, originalApproved }: DecisionFacts
): QueueState | null => {
  if (quote.approvalState === 'rejected') {
    return 'rejected';
  }
  if (quote.approvalState !== 'approved') {
    return 'pending';
  }
  if (quote.approvedFingerprint !== fingerprint) {
    return 'voided';
  }
  if (!approverMayApprove) {
    return 'approver-lost-permission';
  }
  // A translation's quote stands on its original's approval as well as its own.
  return originalApproved === false ? 'original-not-approved' : null;
};

/** The draft's quotes that await a decision, in order, each with the field R6 reports it on. */
export const awaitedQuotes = ({
  draft,
  quotes,
}: Pick<StorySnapshot, 'draft' | 'quotes'>): AwaitedQuote[] =>
  (draft.anonymousQuotes ?? []).flatMap((quote, quoteIndex): AwaitedQuote[] => {
    const reason = awaitedDecision(quote, quotes[quoteIndex]);
    return reason
      ? [{ quoteIndex, path: `anonymousQuotes[${quoteIndex}].approvalState`, reason }]
      : [];
  });
