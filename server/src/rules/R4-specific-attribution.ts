import { normalize, quoteLabel } from './text';
import type { Rule, Violation } from './types';

/** R4 (NYT, NPR): the attribution tells readers who is speaking and how they would know. */
export const specificAttribution: Rule = ({ draft }, { vagueAttributions }) => {
  const vague = new Set(vagueAttributions.map(normalize));
  return (draft.anonymousQuotes ?? []).flatMap((quote, index): Violation[] => {
    const attribution = normalize(quote.attribution);
    if (attribution && !vague.has(attribution)) {
      return [];
    }
    return [
      {
        code: 'R4',
        path: `anonymousQuotes[${index}].attribution`,
        message: attribution
          ? `${quoteLabel(index)}: '${quote.attribution}' does not tell readers who is speaking; describe the source's position (e.g. 'a representative of the Biden administration').`
          : `${quoteLabel(index)}: say who is speaking (e.g. 'a representative of the Biden administration').`,
      },
    ];
  });
};
