import { normalize } from './text';
import type { Rule, Violation } from './types';
import { violation } from './violation';

/** R4 (NYT, NPR): the attribution tells readers who is speaking and how they would know. */
export const specificAttribution: Rule = ({ draft }, { vagueAttributions }) => {
  const vague = new Set(vagueAttributions.map(normalize));
  return (draft.anonymousQuotes ?? []).flatMap((quote, index): Violation[] => {
    const attribution = normalize(quote.attribution);
    if (attribution && !vague.has(attribution)) {
      return [];
    }
    const path = `anonymousQuotes[${index}].attribution`;
    return [
      attribution
        ? violation('R4', path, 'R4.vague', { attribution: quote.attribution ?? '' })
        : violation('R4', path, 'R4.missing'),
    ];
  });
};
