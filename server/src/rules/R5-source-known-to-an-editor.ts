import { quoteLabel } from './text';
import type { Rule, Violation } from './types';

/** R5 (AP, Washington Post): at least one editor knows who every anonymous source is. */
export const sourceKnownToAnEditor: Rule = ({ quotes }) =>
  quotes.flatMap(({ sourceKnownToEditors }, index): Violation[] => {
    const path = `anonymousQuotes[${index}].confidentialSource`;
    if (sourceKnownToEditors === null) {
      return [
        {
          code: 'R5',
          path,
          message: `${quoteLabel(index)}: link the confidential source record of the person quoted.`,
        },
      ];
    }
    if (sourceKnownToEditors === 0) {
      return [
        {
          code: 'R5',
          path,
          message: `${quoteLabel(index)}: no editor is recorded as knowing who the source is; add one to the source record.`,
        },
      ];
    }
    return [];
  });
