import anonymousQuote from './anonymous-quote.json';
import byline from './byline.json';
import documentCitation from './document-citation.json';
import keyJudgment from './key-judgment.json';

/** The plugin's components, keyed by name; registered under the `intelligence-stories` category. */
export default {
  'anonymous-quote': anonymousQuote,
  byline,
  'document-citation': documentCitation,
  'key-judgment': keyJudgment,
};
