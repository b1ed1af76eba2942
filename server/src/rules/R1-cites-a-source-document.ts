import type { Rule } from './types';
import { violation } from './violation';

/** R1 (AP, Reuters): a story built on a report says which report. */
export const citesASourceDocument: Rule = ({ draft }) => {
  const cited = (draft.citations ?? []).some((citation) => citation.sourceDocument);
  if ((draft.sourceDocuments ?? []).length > 0 || cited) {
    return [];
  }
  return [violation('R1', 'sourceDocuments', 'R1.no-source-document')];
};
