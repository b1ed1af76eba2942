import type { Rule, Violation } from './types';
import { violation } from './violation';

/** R5 (AP, Washington Post): at least one editor knows who every anonymous source is. */
export const sourceKnownToAnEditor: Rule = ({ quotes }) =>
  quotes.flatMap(({ sourceKnownToEditors }, index): Violation[] => {
    const path = `anonymousQuotes[${index}].confidentialSource`;
    if (sourceKnownToEditors === null) {
      return [violation('R5', path, 'R5.no-source')];
    }
    if (sourceKnownToEditors === 0) {
      return [violation('R5', path, 'R5.unknown-to-editors')];
    }
    return [];
  });
