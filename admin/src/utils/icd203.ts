import type { Confidence, LibraryKeyJudgment, Likelihood } from './api';

/** The analysts' confidence levels, as intelligence products state them. */
export const CONFIDENCE_LEVELS: Array<{ value: Confidence; label: string }> = [
  { value: 'high', label: 'High confidence' },
  { value: 'moderate', label: 'Moderate confidence' },
  { value: 'low', label: 'Low confidence' },
];

/**
 * ICD 203's likelihood scale, lowest first: each term with its synonym and its probability band,
 * so an editor picks the term the report used, not a paraphrase of it.
 */
export const LIKELIHOOD_TERMS: Array<{ value: Likelihood; label: string; band: string }> = [
  { value: 'almost_no_chance', label: 'Almost no chance (remote)', band: '1–5%' },
  { value: 'very_unlikely', label: 'Very unlikely (highly improbable)', band: '5–20%' },
  { value: 'unlikely', label: 'Unlikely (improbable)', band: '20–45%' },
  {
    value: 'roughly_even_chance',
    label: 'Roughly even chance (roughly even odds)',
    band: '45–55%',
  },
  { value: 'likely', label: 'Likely (probable)', band: '55–80%' },
  { value: 'very_likely', label: 'Very likely (highly probable)', band: '80–95%' },
  { value: 'almost_certain', label: 'Almost certain (nearly certain)', band: '95–99%' },
];

/** A new, empty row of the key judgments editor. */
export const blankJudgment = (): LibraryKeyJudgment => ({
  text: '',
  page: null,
  confidence: 'moderate',
  likelihood: null,
  minorityView: null,
});

/** What the panel checks before sending key judgments: the server checks the same again. */
export const judgmentErrors = (judgments: LibraryKeyJudgment[], pageCount: number) =>
  judgments.flatMap((judgment, index) => {
    const problems: Array<{ path: string; rule: 'required' | 'page' }> = [];
    if (judgment.text.trim().length === 0) {
      problems.push({ path: `keyJudgments.${index}.text`, rule: 'required' });
    }
    if (judgment.page !== null && (judgment.page < 1 || judgment.page > pageCount)) {
      problems.push({ path: `keyJudgments.${index}.page`, rule: 'page' });
    }
    return problems;
  });
