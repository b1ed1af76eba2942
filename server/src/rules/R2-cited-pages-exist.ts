import { pageExists } from '../../../shared/contracts/citations';
import type { Rule, Violation } from './types';
import { violation } from './violation';

/**
 * R2: every citation names a document and a page that document has. Once the server has read the
 * document's PDF, the PDF's own page count is the limit, and a typed page count that disagrees
 * with it is reported (once per document) so the public metadata gets corrected.
 */
export const citedPagesExist: Rule = ({ draft, documentTexts }) => {
  const reportedMismatch = new Set<string>();
  return (draft.citations ?? []).flatMap((citation, index): Violation[] => {
    const document = citation.sourceDocument;
    if (!document) {
      return [violation('R2', `citations[${index}].sourceDocument`, 'R2.no-document')];
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
      violations.push(
        violation('R2', `citations[${index}].sourceDocument`, 'R2.page-count-mismatch', {
          document: document.title,
          recorded: document.pageCount,
          pdfPages: pdfPageCount,
        })
      );
    }
    const pageCount = pdfPageCount ?? document.pageCount;
    const path = `citations[${index}].page`;
    if (!citation.page) {
      violations.push(violation('R2', path, 'R2.no-page', { document: document.title }));
    } else if (!pageExists(citation.page, pageCount)) {
      violations.push(
        violation('R2', path, pdfPageCount ? 'R2.page-missing-in-pdf' : 'R2.page-missing', {
          page: citation.page,
          document: document.title,
          pageCount,
        })
      );
    }
    return violations;
  });
};
