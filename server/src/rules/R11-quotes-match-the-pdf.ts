import { checkCitedPassages, type PassageCheck } from './cited-passages';
import type { Rule, StorySnapshot, Violation } from './types';
import { violation } from './violation';

// A paraphrase is only flagged when another page clearly holds more of its words.
const PARAPHRASE_MIN_BEST = 0.5;
const PARAPHRASE_MIN_LEAD = 0.25;

const percent = (score: number) => Math.round(score * 100);

const violationFor = (
  check: PassageCheck,
  title: string,
  error: string | null | undefined
): Violation | null => {
  const at = (field: string) => `citations[${check.citation}].${field}`;
  const values = { document: title, page: check.page };
  switch (check.state) {
    case 'found-elsewhere': {
      const pages = check.foundOnPages!;
      return violation(
        'R11',
        at('page'),
        pages.length === 1 ? 'R11.found-elsewhere' : 'R11.found-elsewhere-pages',
        { ...values, pages: pages.join(', ') }
      );
    }
    case 'not-found':
      return violation(
        'R11',
        at(check.original ? 'originalPassage' : 'passage'),
        'R11.not-found',
        values
      );
    case 'no-original':
      // A translated paraphrase is only scored, and there is nothing to score it against.
      return check.passageType === 'quote'
        ? violation('R11', at('originalPassage'), 'R11.no-original', values)
        : null;
    case 'no-pdf':
      // A paraphrase is never checked strictly; an unverified quote is worth the desk's attention.
      return check.passageType === 'quote'
        ? violation('R11', at('passage'), 'R11.no-pdf', values, { advisory: true })
        : null;
    case 'no-text-on-page':
      return violation('R11', at('page'), 'R11.no-text-on-page', values, { advisory: true });
    case 'pending':
      // Reading takes seconds: a quote is held until it can be checked; a paraphrase never is.
      return violation(
        'R11',
        at('passage'),
        'R11.pending',
        values,
        check.passageType === 'quote' ? {} : { advisory: true }
      );
    case 'stale':
      return violation('R11', at('passage'), 'R11.stale', values, { advisory: true });
    case 'failed':
      return violation(
        'R11',
        at('passage'),
        'R11.failed',
        { ...values, error: error ?? 'unknown error' },
        { advisory: true }
      );
    case 'scored': {
      const best = check.bestScore ?? 0;
      const cited = check.citedPageScore ?? 0;
      if (
        check.bestPage &&
        check.bestPage !== check.page &&
        best >= PARAPHRASE_MIN_BEST &&
        best - cited >= PARAPHRASE_MIN_LEAD
      ) {
        return violation(
          'R11',
          at('page'),
          'R11.paraphrase-elsewhere',
          { ...values, bestPage: check.bestPage, best: percent(best), cited: percent(cited) },
          { advisory: true }
        );
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
