import type { SearchHit } from '../../../shared/contracts/library';

export type { SearchHit };

/** The document a hit comes from, as a citation names it. */
export type CitedDocument = {
  title: string;
  issuer?: string | null;
  documentNumber?: string | null;
};

/**
 * A hit's passage as a story quotes it: without the search's «markers» and the snippet's cut
 * marks, on one line. The passage is the snippet around the match; the editor trims it to the
 * words the story uses.
 */
export const passageOf = ({ snippet }: SearchHit) =>
  snippet
    .replace(/[«»]/g, '')
    .replace(/^\s*…\s*|\s*…\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A search hit as the citation block an editor pastes into a story: the passage quoted, then
 * where it comes from, page included, which is what a story's document citation records (the
 * document, the page and the passage).
 *
 *   “We assess that Russian President Putin authorized…”
 *   — ODNI, Foreign Threats to the 2020 US Federal Elections (ICA 2020-00078D), p. 7
 */
export const citationOf = (hit: SearchHit, document?: CitedDocument) => {
  const source = document
    ? [
        document.issuer,
        `${document.title}${document.documentNumber ? ` (${document.documentNumber})` : ''}`,
      ]
        .filter(Boolean)
        .join(', ')
    : null;
  const reference = source ? `— ${source}, p. ${hit.page}` : `— p. ${hit.page}`;
  return `“${passageOf(hit)}”\n${reference}`;
};
