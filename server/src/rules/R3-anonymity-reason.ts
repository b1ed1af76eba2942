import { findPhrases, removePhrases } from './text';
import type { Rule, Violation } from './types';
import { violation } from './violation';

// Fewer words than this, once stock phrases are removed, cannot explain a need for anonymity.
const MIN_REASON_WORDS = 3;

/** R3 (AP, NYT, Washington Post): readers are told why the source was granted anonymity. */
export const anonymityReason: Rule = ({ draft }, { stockAnonymityPhrases }) =>
  (draft.anonymousQuotes ?? []).flatMap((quote, index): Violation[] => {
    const path = `anonymousQuotes[${index}].anonymityReason`;
    const reason = quote.anonymityReason ?? '';
    const remaining = removePhrases(reason, stockAnonymityPhrases).split(' ').filter(Boolean);
    if (remaining.length >= MIN_REASON_WORDS) {
      return [];
    }
    const [stock] = findPhrases(reason, stockAnonymityPhrases);
    return [
      stock
        ? violation('R3', path, 'R3.stock-phrase', { phrase: stock })
        : violation('R3', path, 'R3.no-reason'),
    ];
  });
