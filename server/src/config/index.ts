import { validateYupSchemaSync, yup } from '@strapi/utils';

import { RULE_CODES, type RuleCode, type RuleLevel } from '../rules/types';

export type PluginConfig = {
  /** Level of each editorial rule: `error` blocks publish, `warning` is reported, `off` skips it. */
  rules: Record<RuleCode, RuleLevel>;
  /** R3: phrases that say a source was anonymous without saying why. */
  stockAnonymityPhrases: string[];
  /** R4: attributions too vague to tell readers anything, compared whole. */
  vagueAttributions: string[];
  /** R10: estimative words that are not ICD 203 likelihood terms. */
  nonIcd203EstimativeTerms: string[];
  /** A standards editor cannot approve quotes in a story they edited last. */
  fourEyes: boolean;
};

const DEFAULT_CONFIG: PluginConfig = {
  rules: Object.fromEntries(RULE_CODES.map((code) => [code, 'error'])) as PluginConfig['rules'],
  // AP, NYT and Washington Post policies: the reason must explain the need, not restate it.
  stockAnonymityPhrases: [
    'on condition of anonymity',
    'on the condition of anonymity',
    'on condition that they not be named',
    'on condition they not be named',
    'spoke on background',
    'on background',
    'requested anonymity',
    'asked for anonymity',
    'asked not to be named',
    'asked not to be identified',
    'declined to be named',
    'declined to be identified',
    'who did not want to be named',
    'anonymously',
  ],
  vagueAttributions: [
    'a source',
    'sources',
    'a person',
    'people',
    'someone',
    'an official',
    'officials',
    'officials say',
    'one official',
    'an insider',
    'insiders',
    'a person familiar with the matter',
    'people familiar with the matter',
  ],
  nonIcd203EstimativeTerms: [
    // Adverbs and modals only: "the two possible outcomes" describes, it does not estimate.
    'possibly',
    'perhaps',
    'maybe',
    'might',
    'could',
    'conceivably',
    'presumably',
    'plausibly',
  ],
  fourEyes: true,
};

const phraseList = () => yup.array().of(yup.string().required('phrases cannot be empty'));

const configSchema = yup
  .object({
    rules: yup
      .object(
        Object.fromEntries(
          RULE_CODES.map((code) => [
            code,
            yup
              .mixed()
              .oneOf(['error', 'warning', 'off'], `rules.${code} must be error, warning or off`),
          ])
        )
      )
      .noUnknown(true, `rules accepts ${RULE_CODES.join(', ')} only`),
    stockAnonymityPhrases: phraseList(),
    vagueAttributions: phraseList(),
    nonIcd203EstimativeTerms: phraseList(),
    fourEyes: yup.boolean(),
  })
  // A typo in config/plugins.ts fails at boot instead of being silently ignored.
  .noUnknown(true, 'unknown option(s): ${unknown}');

export default {
  default: DEFAULT_CONFIG,
  validator(config: unknown) {
    validateYupSchemaSync(configSchema)(config);
  },
};
