import type { Rule } from './types';

/** R8 (NPR, Reuters): a named reporter stands behind anonymous sourcing. */
export const bylineForAnonymousSourcing: Rule = ({ draft }) => {
  const hasQuotes = (draft.anonymousQuotes ?? []).length > 0;
  const hasByline = (draft.bylines ?? []).some((byline) => byline.name?.trim());
  return hasQuotes && !hasByline
    ? [
        {
          code: 'R8',
          path: 'bylines',
          message:
            'A story with anonymous quotes needs a byline: a named reporter stands behind its sourcing.',
        },
      ]
    : [];
};
