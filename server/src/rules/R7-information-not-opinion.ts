import { quoteLabel } from './text';
import type { Rule, Violation } from './types';

/** R7 (AP, NYT): anonymity is granted for information, never for opinion or attacks. */
export const informationNotOpinion: Rule = ({ draft }) =>
  (draft.anonymousQuotes ?? []).flatMap((quote, index): Violation[] =>
    quote.informationNotOpinion === true
      ? []
      : [
          {
            code: 'R7',
            path: `anonymousQuotes[${index}].informationNotOpinion`,
            message: `${quoteLabel(index)}: confirm the source gives information, not opinion; anonymous sources are not quoted for opinions or attacks.`,
          },
        ]
  );
