/**
 * What a Document Service write answers, as much of it as the plugin's middlewares read: a
 * document (create, update), or `{ entries }` (clone, publish).
 */
export type Written = {
  documentId?: string;
  storyDocumentId?: unknown;
  entries?: Written[];
} | null;

/** The story a written correction belongs to, whichever shape the write answered in. */
export const correctionStoryOf = (written: Written): string | null => {
  const storyDocumentId = written?.storyDocumentId ?? written?.entries?.[0]?.storyDocumentId;
  return typeof storyDocumentId === 'string' ? storyDocumentId : null;
};
