import { awaitedQuotes } from './awaited-decision';
import type { Rule } from './types';
import { violation } from './violation';

/**
 * R6 (NYT, Washington Post): a standards editor approved the exact text readers will see. An
 * approval covers a fingerprint of quote, attribution, reason and their sourcing (the linked source,
 * how it knows, the attestation); any change since voids it, and so does its approver losing the
 * approve permission. Every quote awaiting a decision is a violation (see awaited-decision).
 */
export const quoteApproved: Rule = (snapshot) =>
  awaitedQuotes(snapshot).map(({ path, reason }) => violation('R6', path, `R6.${reason}`));
