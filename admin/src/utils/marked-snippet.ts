/** A part of a search snippet: a match the server «marked», or the text around it. */
export type SnippetPart = { text: string; marked: boolean };

/**
 * A snippet from the document search, split where the server marked its matches «like this» (both
 * search engines mark them so). A « left unclosed is read as text: the snippet may cut a match,
 * and a document's own guillemets must not swallow the rest of it.
 */
export const splitMarkedSnippet = (snippet: string): SnippetPart[] => {
  const parts: SnippetPart[] = [];
  const push = (text: string, marked: boolean) => {
    if (text === '') {
      return;
    }
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) {
      last.text += text;
    } else {
      parts.push({ text, marked });
    }
  };
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf('«');
    const close = open === -1 ? -1 : rest.indexOf('»', open + 1);
    if (open === -1 || close === -1) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, open), false);
    push(rest.slice(open + 1, close), true);
    rest = rest.slice(close + 1);
  }
  return parts;
};
