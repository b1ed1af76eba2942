import type { QueueState } from '../../../shared/contracts/desk';
import type { AnonymousQuote } from '../types/content-types';

/**
 * Whether a quote awaits a standards editor's decision, and why: never decided, rejected, or
 * approved for a text that has changed since (the fingerprint of what it says now differs).
 */
export const awaitedDecision = (
  quote: Pick<AnonymousQuote, 'approvalState' | 'approvedFingerprint'>,
  currentFingerprint: string
): QueueState | null => {
  if (quote.approvalState === 'rejected') {
    return 'rejected';
  }
  if (quote.approvalState !== 'approved') {
    return 'pending';
  }
  return quote.approvedFingerprint !== currentFingerprint ? 'voided' : null;
};
