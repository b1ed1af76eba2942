import { pageExists } from '../../../shared/contracts/citations';
import {
  CONFIDENCE_LEVELS,
  LIKELIHOODS,
  type Confidence,
  type Likelihood,
} from '../../../shared/contracts/icd203';
import type { LibraryKeyJudgment } from './api';

/** The analysts' confidence levels, as intelligence products state them. */
const CONFIDENCE_LABELS: Record<Confidence, string> = {
  high: 'High confidence',
  moderate: 'Moderate confidence',
  low: 'Low confidence',
};

export const CONFIDENCE_OPTIONS = CONFIDENCE_LEVELS.map((value) => ({
  value,
  label: CONFIDENCE_LABELS[value],
}));

/**
 * ICD 203's likelihood terms, each with its synonym and its probability band, so an editor picks
 * the term the report used, not a paraphrase of it.
 */
const LIKELIHOOD_LABELS: Record<Likelihood, { label: string; band: string }> = {
  almost_no_chance: { label: 'Almost no chance (remote)', band: '1–5%' },
  very_unlikely: { label: 'Very unlikely (highly improbable)', band: '5–20%' },
  unlikely: { label: 'Unlikely (improbable)', band: '20–45%' },
  roughly_even_chance: { label: 'Roughly even chance (roughly even odds)', band: '45–55%' },
  likely: { label: 'Likely (probable)', band: '55–80%' },
  very_likely: { label: 'Very likely (highly probable)', band: '80–95%' },
  almost_certain: { label: 'Almost certain (nearly certain)', band: '95–99%' },
};

/** The scale, lowest first. */
export const LIKELIHOOD_OPTIONS = LIKELIHOODS.map((value) => ({
  value,
  ...LIKELIHOOD_LABELS[value],
}));

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
    if (judgment.page !== null && !pageExists(judgment.page, pageCount)) {
      problems.push({ path: `keyJudgments.${index}.page`, rule: 'page' });
    }
    return problems;
  });
