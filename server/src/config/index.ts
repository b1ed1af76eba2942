import { validateYupSchemaSync, yup } from '@strapi/utils';

import {
  RULE_CODES,
  RULE_LEVELS,
  type RuleCode,
  type RuleLevel,
} from '../../../shared/contracts/rules';

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

type PhraseLists = Pick<
  PluginConfig,
  'stockAnonymityPhrases' | 'vagueAttributions' | 'nonIcd203EstimativeTerms'
>;

/** The plugin's config as Strapi stores it: a list the app did not set is absent. */
export type StoredPluginConfig = Omit<PluginConfig, keyof PhraseLists> & Partial<PhraseLists>;

export const DEFAULT_PHRASE_LISTS: PhraseLists = {
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
};

// The lists stay out of the defaults Strapi sees: it completes an app's plugin config with
// lodash's defaultsDeep, which merges arrays index by index, so a newsroom's shorter list would
// keep the defaults' tail and no entry could ever be removed. A list the app sets is used whole.
const DEFAULT_CONFIG: StoredPluginConfig = {
  rules: Object.fromEntries(RULE_CODES.map((code) => [code, 'error'])) as PluginConfig['rules'],
  fourEyes: true,
};

/** The config the rules run with: each list the app set, or its default when it set none. */
export const withDefaultPhraseLists = (config: StoredPluginConfig): PluginConfig => ({
  ...config,
  stockAnonymityPhrases: config.stockAnonymityPhrases ?? DEFAULT_PHRASE_LISTS.stockAnonymityPhrases,
  vagueAttributions: config.vagueAttributions ?? DEFAULT_PHRASE_LISTS.vagueAttributions,
  nonIcd203EstimativeTerms:
    config.nonIcd203EstimativeTerms ?? DEFAULT_PHRASE_LISTS.nonIcd203EstimativeTerms,
});

/** What the rules run with when the app configures nothing. */
export const DEFAULT_PLUGIN_CONFIG: PluginConfig = withDefaultPhraseLists(DEFAULT_CONFIG);

const phraseList = () => yup.array().of(yup.string().required('phrases cannot be empty'));

const configSchema = yup
  .object({
    rules: yup
      .object(
        Object.fromEntries(
          RULE_CODES.map((code) => [
            code,
            yup.mixed().oneOf([...RULE_LEVELS], `rules.${code} must be error, warning or off`),
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
