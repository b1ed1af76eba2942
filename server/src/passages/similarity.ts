import { comparisonKey, normalizeForSearch } from './normalize';

// Words that carry no meaning of their own; counting them would make every page look alike.
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before
  being below between both but by can could did do does doing down during each few for from
  further had has have having he her here hers him his how i if in into is it its itself just
  me more most my no nor not now of off on once only or other our out over own same she should
  so some such than that the their them then there these they this those through to too under
  until up very was we were what when where which while who whom why will with would you your`
    .split(/\s+/)
    .filter(Boolean)
);

// Light stemming: "interfered", "interferes" and "interfering" are one word for a paraphrase.
const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'edly', 'ies', 'ied', 'ed', 'es', 'ly', 's'];

const stem = (word: string) => {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
};

/** The distinct content words of a text, stemmed: what a paraphrase must keep from its source. */
export const contentWords = (text: string): Set<string> =>
  new Set(
    (comparisonKey(normalizeForSearch(text)).match(/[\p{L}\p{N}]+/gu) ?? [])
      .filter((word) => word.length > 1 && !STOPWORDS.has(word))
      .map(stem)
  );

/**
 * How much of a paraphrase's substance a page holds, from 0 to 1: the share of the paraphrase's
 * distinct content words (stop words dropped, lightly stemmed) that occur on the page, i.e. the
 * containment of the paraphrase's word set in the page's. Containment rather than Jaccard because
 * a page holds far more words than the sentence that paraphrases it; a paraphrase reworded
 * around the same names, numbers and terms still scores high on its page and low elsewhere.
 */
export const paraphraseScore = (passageWords: Set<string>, pageWords: Set<string>): number => {
  if (passageWords.size === 0) {
    return 0;
  }
  let found = 0;
  for (const word of passageWords) {
    if (pageWords.has(word)) {
      found += 1;
    }
  }
  return found / passageWords.size;
};

export type PageMatch = { page: number; score: number };

/** The page whose words best cover the passage, and the score of every page (1-based). */
export const bestMatchingPage = (
  pages: string[],
  passage: string
): { best: PageMatch | null; scores: number[] } => {
  const words = contentWords(passage);
  const scores = pages.map((text) => paraphraseScore(words, contentWords(text)));
  let best: PageMatch | null = null;
  scores.forEach((score, index) => {
    if (score > 0 && (!best || score > best.score)) {
      best = { page: index + 1, score };
    }
  });
  return { best, scores };
};
