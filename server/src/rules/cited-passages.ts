import type { PassageCheck } from '../../../shared/contracts/rules';
import { pagesQuoting } from '../passages/locate';
import { bestMatchingPage } from '../passages/similarity';
import type { StorySnapshot } from './types';

export type { PassageCheck };

const round = (score: number) => Math.round(score * 100) / 100;

/**
 * Each document citation checked against the text of its document's PDF: where a quote actually
 * is, and which page a paraphrase's words best match. Pure: R11 and the readiness report share it.
 */
export const checkCitedPassages = ({ draft, documentTexts }: StorySnapshot): PassageCheck[] =>
  // No texts looked up at all (a snapshot built without them): nothing to check against.
  (documentTexts ? (draft.citations ?? []) : []).flatMap((citation, index): PassageCheck[] => {
    const documentId = citation.sourceDocument?.documentId;
    if (!documentId || !citation.passage?.trim() || !citation.page) {
      return [];
    }
    const base = {
      citation: index,
      sourceDocument: documentId,
      passageType: citation.passageType ?? 'quote',
      page: citation.page,
      ...(draft.translatedFrom ? { original: true } : {}),
    };
    // A translation's passage is in another language than its PDF: what is checked is the
    // original passage it renders. Without one, a quote cannot be checked at all.
    const passage = draft.translatedFrom ? citation.originalPassage?.trim() : citation.passage;
    if (!passage) {
      return [{ ...base, state: 'no-original' }];
    }
    const text = documentTexts?.[documentId];
    if (!text) {
      return [{ ...base, state: 'no-pdf' }];
    }
    if (text.status !== 'done') {
      return [{ ...base, state: text.stale ? 'stale' : text.status }];
    }
    const citedPageHasText = !text.pagesWithoutText.includes(citation.page);

    if (base.passageType === 'quote') {
      const foundOnPages = pagesQuoting(text.pages, passage);
      const state = foundOnPages.includes(citation.page)
        ? 'found'
        : foundOnPages.length > 0
          ? 'found-elsewhere'
          : citedPageHasText
            ? 'not-found'
            : 'no-text-on-page';
      return [{ ...base, state, foundOnPages }];
    }

    const { best, scores } = bestMatchingPage(text.pages, passage);
    return [
      {
        ...base,
        state: citedPageHasText || best ? 'scored' : 'no-text-on-page',
        bestPage: best?.page ?? null,
        bestScore: round(best?.score ?? 0),
        citedPageScore: round(scores[citation.page - 1] ?? 0),
      },
    ];
  });
