import { checkCitedPassages, type PassageCheck } from './cited-passages';
import type { Rule, StorySnapshot, Violation } from './types';

// A paraphrase is only flagged when another page clearly holds more of its words.
const PARAPHRASE_MIN_BEST = 0.5;
const PARAPHRASE_MIN_LEAD = 0.25;

const pageList = (pages: number[]) =>
  pages.length === 1
    ? `page ${pages[0]}`
    : `pages ${pages.slice(0, -1).join(', ')} and ${pages[pages.length - 1]}`;

const percent = (score: number) => `${Math.round(score * 100)}%`;

const violationFor = (
  check: PassageCheck,
  title: string,
  error: string | null | undefined
): Violation | null => {
  const label = `Citation ${check.citation + 1}`;
  const at = (field: string) => `citations[${check.citation}].${field}`;
  const document = `"${title}"`;
  switch (check.state) {
    case 'found-elsewhere':
      return {
        code: 'R11',
        path: at('page'),
        message: `${label}: this quote is not on page ${check.page} of ${document}; it is on ${pageList(check.foundOnPages!)}. Correct the page.`,
      };
    case 'not-found':
      return {
        code: 'R11',
        path: at('passage'),
        message: `${label}: this quote does not appear anywhere in the PDF of ${document}; check it word for word against the document.`,
      };
    case 'no-pdf':
      // A paraphrase is never checked strictly; an unverified quote is worth the desk's attention.
      return check.passageType === 'quote'
        ? {
            code: 'R11',
            path: at('passage'),
            advisory: true,
            message: `${label}: ${document} has no PDF attached, so this quote cannot be checked against the document; attach the PDF to the source document, or check the quote by eye.`,
          }
        : null;
    case 'no-text-on-page':
      return {
        code: 'R11',
        path: at('page'),
        advisory: true,
        message: `${label}: page ${check.page} of ${document} is a scanned image without text, so the ${check.passageType} cannot be checked automatically; check it by eye.`,
      };
    case 'pending':
      // Reading takes seconds: a quote is held until it can be checked; a paraphrase never is.
      return {
        code: 'R11',
        path: at('passage'),
        ...(check.passageType === 'quote' ? {} : { advisory: true }),
        message: `${label}: the PDF of ${document} is still being read, so the ${check.passageType} cannot be checked yet; try again in a moment.`,
      };
    case 'stale':
      return {
        code: 'R11',
        path: at('passage'),
        advisory: true,
        message: `${label}: the PDF of ${document} has been waiting to be read for a long time, so the ${check.passageType} cannot be checked; check it by eye, and ask an administrator to look at the server's PDF reading.`,
      };
    case 'failed':
      return {
        code: 'R11',
        path: at('passage'),
        advisory: true,
        message: `${label}: the PDF of ${document} could not be read (${error ?? 'unknown error'}), so the ${check.passageType} cannot be checked against it; replace the file or check it by eye.`,
      };
    case 'scored': {
      const best = check.bestScore ?? 0;
      const cited = check.citedPageScore ?? 0;
      if (
        check.bestPage &&
        check.bestPage !== check.page &&
        best >= PARAPHRASE_MIN_BEST &&
        best - cited >= PARAPHRASE_MIN_LEAD
      ) {
        return {
          code: 'R11',
          path: at('page'),
          advisory: true,
          message: `${label} paraphrases page ${check.page} of ${document}, but its words best match page ${check.bestPage} (${percent(best)} of them there, ${percent(cited)} on page ${check.page}); check the page.`,
        };
      }
      return null;
    }
    default:
      return null;
  }
};

/**
 * R11: a passage cited as a quote from a source document appears, word for word (after
 * normalizing both), on the cited page of the PDF attached to it. Paraphrases are only scored and
 * never block. A quote whose PDF is being read waits for it (seconds); no PDF, a PDF unreadable or
 * stuck in the queue, or a page without text cannot decide anything, so those are reported as
 * warnings whatever the rule's level.
 */
export const quotesMatchThePdf: Rule = (snapshot: StorySnapshot) => {
  const citations = snapshot.draft.citations ?? [];
  return checkCitedPassages(snapshot).flatMap((check) => {
    const document = citations[check.citation].sourceDocument;
    const text = snapshot.documentTexts?.[check.sourceDocument];
    const violation = violationFor(check, document?.title ?? 'the source document', text?.error);
    return violation ? [violation] : [];
  });
};
