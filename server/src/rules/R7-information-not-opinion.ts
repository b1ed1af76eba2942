import type { Rule, Violation } from './types';
import { violation } from './violation';

/** R7 (AP, NYT): anonymity is granted for information, never for opinion or attacks. */
export const informationNotOpinion: Rule = ({ draft }) =>
  (draft.anonymousQuotes ?? []).flatMap((quote, index): Violation[] =>
    quote.informationNotOpinion === true
      ? []
      : [violation('R7', `anonymousQuotes[${index}].informationNotOpinion`, 'R7.unconfirmed')]
  );
