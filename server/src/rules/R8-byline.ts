import type { Rule } from './types';
import { violation } from './violation';

/** R8 (NPR, Reuters): a named reporter stands behind anonymous sourcing. */
export const bylineForAnonymousSourcing: Rule = ({ draft }) => {
  const hasQuotes = (draft.anonymousQuotes ?? []).length > 0;
  const hasByline = (draft.bylines ?? []).some((byline) => byline.name?.trim());
  return hasQuotes && !hasByline ? [violation('R8', 'bylines', 'R8.no-byline')] : [];
};
