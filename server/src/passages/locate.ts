import { comparisonKey, normalizeForSearch } from './normalize';

/** An ellipsis in a quotation marks words left out: each part must appear, in order. */
const ELLIPSIS = /\s*\.\.\.\s*/;

const quotationParts = (passage: string) =>
  comparisonKey(normalizeForSearch(passage))
    .split(ELLIPSIS)
    .map((part) => part.trim())
    .filter(Boolean);

const containsInOrder = (page: string, parts: string[]) => {
  let from = 0;
  for (const part of parts) {
    const at = page.indexOf(part, from);
    if (at < 0) {
      return false;
    }
    from = at + part.length;
  }
  return true;
};

/**
 * Pages (1-based) on which a quotation appears word for word, after normalizing both sides.
 * `pages` are page texts already normalized with normalizeForSearch, as they are stored.
 */
export const pagesQuoting = (pages: string[], passage: string): number[] => {
  const parts = quotationParts(passage);
  if (parts.length === 0) {
    return [];
  }
  return pages.flatMap((text, index) =>
    containsInOrder(comparisonKey(text), parts) ? [index + 1] : []
  );
};
