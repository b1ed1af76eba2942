import type { SearchHit } from '../../../shared/contracts/library';

export type { SearchHit };

/**
 * A search hit as a citation an editor can paste: the passage without the search's «markers» and
 * the snippet's cut marks, quoted, with its page. The passage is the snippet around the match; the
 * editor trims it to the words the story uses.
 */
export const citationOf = ({ page, snippet }: SearchHit) => {
  const passage = snippet
    .replace(/[«»]/g, '')
    .replace(/^\s*…\s*|\s*…\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `“${passage}” (p. ${page})`;
};
