import type { Rule } from './types';

/** R1 (AP, Reuters): a story built on a report says which report. */
export const citesASourceDocument: Rule = ({ draft }) => {
  const cited = (draft.citations ?? []).some((citation) => citation.sourceDocument);
  if ((draft.sourceDocuments ?? []).length > 0 || cited) {
    return [];
  }
  return [
    {
      code: 'R1',
      path: 'sourceDocuments',
      message:
        'Link at least one source document: readers must be able to see which report the story is built on.',
    },
  ];
};
