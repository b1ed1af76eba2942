import type { Likelihood } from '../types/content-types';
import { findPhrases } from './text';
import type { Rule, Violation } from './types';
import { violation } from './violation';

/** ICD 203's likelihood scale, each step with the wordings the directive allows. */
const ICD_203_TERMS: Record<Likelihood, string[]> = {
  almost_no_chance: ['almost no chance', 'remote'],
  very_unlikely: ['very unlikely', 'highly improbable'],
  unlikely: ['unlikely', 'improbable'],
  roughly_even_chance: ['roughly even chance', 'roughly even odds'],
  likely: ['likely', 'probable', 'probably'],
  very_likely: ['very likely', 'highly probable'],
  almost_certain: ['almost certain', 'almost certainly', 'nearly certain'],
};

const termsOf = (likelihood: Likelihood) => ICD_203_TERMS[likelihood];

const stepInText = (text: string): Likelihood | null => {
  // Longest wording first, so "very unlikely" is not read as "unlikely" or "likely".
  const [longest] = findPhrases(text, Object.values(ICD_203_TERMS).flat());
  const entry = Object.entries(ICD_203_TERMS).find(([, terms]) => terms.includes(longest));
  return (entry?.[0] as Likelihood | undefined) ?? null;
};

/**
 * R10 (ICD 203): a key judgment's estimative language uses the directive's likelihood terms, and
 * agrees with the likelihood recorded for it.
 */
export const icd203EstimativeLanguage: Rule = ({ draft }, { nonIcd203EstimativeTerms }) =>
  (draft.sourceDocuments ?? []).flatMap((document, documentIndex) =>
    (document.keyJudgments ?? []).flatMap((judgment, index): Violation[] => {
      const path = `sourceDocuments[${documentIndex}].keyJudgments[${index}]`;
      const [vague] = findPhrases(judgment.text, nonIcd203EstimativeTerms);
      if (vague) {
        return [
          violation('R10', `${path}.text`, 'R10.not-icd-term', {
            document: document.title,
            term: vague,
          }),
        ];
      }
      const stated = stepInText(judgment.text);
      if (judgment.likelihood && stated && stated !== judgment.likelihood) {
        return [
          violation('R10', `${path}.likelihood`, 'R10.disagrees', {
            document: document.title,
            stated: termsOf(stated)[0],
            recorded: termsOf(judgment.likelihood)[0],
          }),
        ];
      }
      return [];
    })
  );
