import type { QuoteInParagraph } from '../../../shared/contracts/desk';

type Block = { type?: string; text?: string; children?: Block[] };

const textOf = (node: Block): string =>
  typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join('');

/** The body's paragraphs as readers read them: a block a paragraph, a list item one of its own. */
export const paragraphsOf = (body: unknown): string[] =>
  (Array.isArray(body) ? (body as Block[]) : []).flatMap((block) =>
    block.type === 'list' ? (block.children ?? []).map(textOf) : [textOf(block)]
  );

// Typography the editor does not see as a difference: curly and straight quotes, runs of spaces.
const QUOTE_MARKS = /[‘’‛′`]/;
const DOUBLE_MARKS = /[“”„″«»]/;

/** `text` with quotes straightened and spaces collapsed, and where each character came from. */
const canonical = (text: string) => {
  let out = '';
  const origin: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    let char = text[index];
    if (/\s/.test(char)) {
      if (out.endsWith(' ')) {
        continue;
      }
      char = ' ';
    } else if (QUOTE_MARKS.test(char)) {
      char = "'";
    } else if (DOUBLE_MARKS.test(char)) {
      char = '"';
    }
    out += char.toLowerCase().length === 1 ? char.toLowerCase() : char;
    origin.push(index);
  }
  return { out, origin };
};

/**
 * The body paragraph that holds `quote`, split around it so the panel can mark it; null when no
 * paragraph holds it (the story quotes it elsewhere, or its text drifted from the body's). Case,
 * curly quotes, spacing and the quotation marks around the quote do not decide.
 */
export const findQuoteInParagraph = (body: unknown, quote: string): QuoteInParagraph => {
  const needle = canonical(
    quote
      .trim()
      .replace(/^["“”'‘’]+|["“”'‘’]+$/g, '')
      .trim()
  ).out;
  if (!needle) {
    return null;
  }
  for (const paragraph of paragraphsOf(body)) {
    const { out, origin } = canonical(paragraph);
    const at = out.indexOf(needle);
    if (at >= 0) {
      const start = origin[at];
      const end = origin[at + needle.length - 1] + 1;
      return {
        before: paragraph.slice(0, start),
        match: paragraph.slice(start, end),
        after: paragraph.slice(end),
      };
    }
  }
  return null;
};
