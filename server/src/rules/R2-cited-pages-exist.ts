import type { Rule, Violation } from './types';

/** R2: every citation names a document and a page that document has. */
export const citedPagesExist: Rule = ({ draft }) =>
  (draft.citations ?? []).flatMap((citation, index): Violation[] => {
    const label = `Citation ${index + 1}`;
    const document = citation.sourceDocument;
    if (!document) {
      return [
        {
          code: 'R2',
          path: `citations[${index}].sourceDocument`,
          message: `${label}: choose the source document it cites.`,
        },
      ];
    }
    if (!citation.page || citation.page < 1 || citation.page > document.pageCount) {
      return [
        {
          code: 'R2',
          path: `citations[${index}].page`,
          message: `${label}: page ${citation.page ?? '(none)'} does not exist in "${document.title}", which has ${document.pageCount} pages.`,
        },
      ];
    }
    return [];
  });
