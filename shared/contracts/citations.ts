/** A story's citation of a page of a source document (the document-citation component). */

/** How a citation uses the document's words: verbatim, or in the story's own. */
export const PASSAGE_TYPES = ['quote', 'paraphrase'] as const;
export type PassageType = (typeof PASSAGE_TYPES)[number];

/**
 * Whether a document of `pageCount` pages has page `page`: the one test behind R2, the write
 * validation of citations and key judgments, and the panel's key-judgment editor.
 */
export const pageExists = (page: number, pageCount: number) => page >= 1 && page <= pageCount;
