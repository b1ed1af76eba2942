/**
 * Text as the plugin stores and searches it, for a PDF's pages and for a story's passages alike,
 * so that how a PDF happens to lay text out (ligatures, line breaks, curly quotes) never decides
 * whether a quotation matches.
 */
export const normalizeForSearch = (text: string | null | undefined): string =>
  (text ?? '')
    // NFKC folds compatibility forms: ligatures (ﬁ → fi), full-width letters, non-breaking
    // spaces, the ellipsis character (… → ...).
    .normalize('NFKC')
    // Soft hyphens only mark where a word may break; they are never part of it.
    .replace(/\u00AD/g, '')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    // A word broken across a line end ("intel-\nligence") is one word. The hyphen is dropped,
    // as a typesetter's hyphen is: see comparisonKey for compounds that really had one.
    .replace(/(\p{L})-[ \t]*(?:\r\n|\r|\n)\s*(\p{L})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The form two normalized texts are compared in: letter case ignored, and hyphens between
 * letters removed on both sides, because a compound broken at a line end ("well-\nknown") loses
 * its hyphen when the line is joined and must still match the quotation's "well-known".
 */
export const comparisonKey = (normalized: string): string =>
  normalized
    .toLowerCase()
    .replace(/(\p{L})-(?=\p{L})/gu, '$1')
    // Punctuation sitting next to a word in one text and spaced out in the other (a PDF often
    // emits "word ," ) is the same text.
    .replace(/\s+(?=[,.;:!?)\]])/g, '')
    .replace(/([([])\s+/g, '$1');
