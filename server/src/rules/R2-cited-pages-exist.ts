import { pageExists } from '../../../shared/contracts/citations';
import type { Rule, Violation } from './types';

/**
 * R2: every citation names a document and a page that document has. Once the server has read the
 * document's PDF, the PDF's own page count is the limit, and a typed page count that disagrees
 * with it is reported (once per document) so the public metadata gets corrected.
 */
export const citedPagesExist: Rule = ({ draft, documentTexts }) => {
  const reportedMismatch = new Set<string>();
  return (draft.citations ?? []).flatMap((citation, index): Violation[] => {
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
    const text = documentTexts?.[document.documentId];
    const pdfPageCount = text?.status === 'done' ? text.pageCount : null;
    const violations: Violation[] = [];
    if (
      pdfPageCount &&
      pdfPageCount !== document.pageCount &&
      !reportedMismatch.has(document.documentId)
    ) {
      reportedMismatch.add(document.documentId);
      violations.push({
        code: 'R2',
        path: `citations[${index}].sourceDocument`,
        message: `${label}: "${document.title}" is recorded as ${document.pageCount} pages but its PDF has ${pdfPageCount}; correct the document's page count.`,
      });
    }
    const pageCount = pdfPageCount ?? document.pageCount;
    if (!citation.page || !pageExists(citation.page, pageCount)) {
      violations.push({
        code: 'R2',
        path: `citations[${index}].page`,
        message: `${label}: page ${citation.page ?? '(none)'} does not exist in "${document.title}", which has ${pageCount} pages${pdfPageCount ? ' in its PDF' : ''}.`,
      });
    }
    return violations;
  });
};
