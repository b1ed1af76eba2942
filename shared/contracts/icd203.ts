/**
 * The analytic standards of Intelligence Community Directive 203 that a key judgment is recorded
 * with: the key-judgment component's enumerations, the validators and the panel's pickers.
 */

/** The analysts' confidence in a judgment, highest first. */
export const CONFIDENCE_LEVELS = ['high', 'moderate', 'low'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** ICD 203's seven likelihood terms, lowest first. */
export const LIKELIHOODS = [
  'almost_no_chance',
  'very_unlikely',
  'unlikely',
  'roughly_even_chance',
  'likely',
  'very_likely',
  'almost_certain',
] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];
