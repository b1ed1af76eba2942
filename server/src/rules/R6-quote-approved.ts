import type { QueueState } from '../../../shared/contracts/desk';
import { awaitedQuotes } from './awaited-decision';
import { quoteLabel } from './text';
import type { Rule } from './types';

const MESSAGES: Record<QueueState, (label: string) => string> = {
  pending: (label) => `${label}: needs a standards editor's approval before it can be published.`,
  rejected: (label) =>
    `${label} was rejected by a standards editor; it needs their approval before it can be published.`,
  voided: (label) =>
    `${label} was changed after it was approved; the approval no longer covers it and it needs approving again.`,
  'approver-lost-permission': (label) =>
    `${label} was approved by someone who may not approve quotes; it needs approving again.`,
};

/**
 * R6 (NYT, Washington Post): a standards editor approved the exact text readers will see. An
 * approval covers a fingerprint of quote, attribution, reason and their sourcing (the linked source,
 * how it knows, the attestation); any change since voids it, and so does its approver losing the
 * approve permission. Every quote awaiting a decision is a violation (see awaited-decision).
 */
export const quoteApproved: Rule = (snapshot) =>
  awaitedQuotes(snapshot).map(({ quoteIndex, path, reason }) => ({
    code: 'R6',
    path,
    message: MESSAGES[reason](quoteLabel(quoteIndex)),
  }));
