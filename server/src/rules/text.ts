/**
 * Text comparison for the rules: case, Unicode forms, curly quotes and punctuation must not decide
 * whether "On condition of anonymity." is the stock phrase it is.
 */
export const normalize = (text: string | null | undefined) =>
  (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‛′`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word occurrences of any of `phrases` in `text` (both normalized), longest first. */
export const findPhrases = (text: string, phrases: string[]) => {
  const normalized = normalize(text);
  return [...phrases]
    .map(normalize)
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .filter((phrase) => new RegExp(`(^| )${escape(phrase)}( |$)`).test(normalized));
};

export const removePhrases = (text: string, phrases: string[]) =>
  findPhrases(text, phrases).reduce(
    (remaining, phrase) => remaining.replace(new RegExp(`(^| )${escape(phrase)}(?= |$)`, 'g'), ' '),
    normalize(text)
  );
