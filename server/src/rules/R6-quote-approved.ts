import { quoteLabel } from './text';
import type { Rule, Violation } from './types';

/**
 * R6 (NYT, Washington Post): a standards editor approved the exact text readers will see. An
 * approval covers a fingerprint of quote, attribution, reason and their sourcing (the linked source,
 * how it knows, the attestation); any change since voids it.
 */
export const quoteApproved: Rule = ({ draft, quotes }) =>
  (draft.anonymousQuotes ?? []).flatMap((quote, index): Violation[] => {
    const path = `anonymousQuotes[${index}].approvalState`;
    const label = quoteLabel(index);
    const { fingerprint, approverMayApprove } = quotes[index];
    let message: string | null = null;
    if (quote.approvalState !== 'approved') {
      message = `${label}: needs a standards editor's approval before it can be published.`;
    } else if (quote.approvedFingerprint !== fingerprint) {
      message = `${label} was changed after it was approved; the approval no longer covers it and it needs approving again.`;
    } else if (!approverMayApprove) {
      message = `${label} was approved by someone who may not approve quotes; it needs approving again.`;
    }
    return message ? [{ code: 'R6', path, message }] : [];
  });
