import { validateYupSchemaSync, yup } from '@strapi/utils';

import {
  isHouseRuleCode,
  NOT_OVERRIDABLE,
  RULE_CODES,
  RULE_LEVELS,
  type RuleLevelMap,
} from '../../../shared/contracts/rules';

export type PluginConfig = {
  /**
   * Level of each editorial rule: `error` blocks publish, `warning` is reported, `off` skips it.
   * Registered house rules (docs/rules.md, "House rules") are set here by their code too.
   */
  rules: RuleLevelMap;
  /**
   * The admin permission (action uid) whose holders may override a rule at `error` for one
   * publish of one story, with a reason. R6 and R9 cannot be overridden.
   */
  overrides: Record<string, string>;
  /** R3: phrases that say a source was anonymous without saying why. */
  stockAnonymityPhrases: string[];
  /** R4: attributions too vague to tell readers anything, compared whole. */
  vagueAttributions: string[];
  /** R10: estimative words that are not ICD 203 likelihood terms. */
  nonIcd203EstimativeTerms: string[];
  /** A standards editor cannot approve quotes in a story they edited last. */
  fourEyes: boolean;
  /** HTTP caching of the public routes and purges of a shared cache (docs/behind-a-cache.md). */
  cache: CacheConfig;
};

/** Where purges go: a Varnish with vmod xkey by default, or any cache purged by a keys header. */
export type PurgeEndpoint = {
  url: string;
  /** `PURGE` for the shipped Varnish configuration; a CDN's purge API may want `POST`. */
  method?: string;
  /** The request header that carries the space-separated keys: `xkey`, or `Surrogate-Key`. */
  keysHeader?: string;
  /** Sent with every purge, e.g. a CDN's API token. */
  headers?: Record<string, string>;
};

export type CacheConfig = {
  /** Seconds a shared cache may serve a public response before asking Strapi again (s-maxage). */
  sMaxAge: number;
  /** Seconds past that during which it may serve it while fetching a fresh one. */
  staleWhileRevalidate: number;
  /** Seconds a browser may keep it without asking: a browser cannot be purged, hence 0. */
  maxAge: number;
  purge: {
    /** None: no purges are sent, and a change reaches readers once s-maxage runs out. */
    endpoints: PurgeEndpoint[];
    /** Per attempt. */
    timeoutMs: number;
    /** Attempts after the first one fails. */
    retries: number;
  };
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
  overrides: {},
  fourEyes: true,
  // Short enough that a site without purges serves a correction within a minute and a half.
  cache: {
    sMaxAge: 60,
    staleWhileRevalidate: 30,
    maxAge: 0,
    purge: { endpoints: [], timeoutMs: 2000, retries: 2 },
  },
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

const seconds = (path: string) =>
  yup
    .number()
    .integer(`${path} must be a whole number of seconds`)
    .min(0, `${path} cannot be negative`)
    .typeError(`${path} must be a number of seconds`);

const purgeEndpointSchema = yup
  .object({
    url: yup
      .string()
      .required('cache.purge.endpoints[].url is required')
      .test(
        'http-url',
        'cache.purge.endpoints[].url must be an http(s) address, e.g. http://127.0.0.1:6081/',
        (value) => {
          if (value === undefined) {
            return true;
          }
          try {
            return ['http:', 'https:'].includes(new URL(value).protocol);
          } catch {
            return false;
          }
        }
      ),
    method: yup
      .string()
      .matches(/^[A-Z]+$/, 'cache.purge.endpoints[].method must be an HTTP method, e.g. PURGE'),
    keysHeader: yup
      .string()
      .matches(/^[A-Za-z0-9-]+$/, 'cache.purge.endpoints[].keysHeader must be a header name'),
    headers: yup
      .object()
      .test(
        'string-values',
        'cache.purge.endpoints[].headers must map header names to strings',
        (value) => value === undefined || Object.values(value).every((v) => typeof v === 'string')
      ),
  })
  .noUnknown(true, 'cache.purge.endpoints[] accepts url, method, keysHeader and headers only');

const cacheSchema = yup
  .object({
    sMaxAge: seconds('cache.sMaxAge'),
    staleWhileRevalidate: seconds('cache.staleWhileRevalidate'),
    maxAge: seconds('cache.maxAge'),
    purge: yup
      .object({
        endpoints: yup.array().of(purgeEndpointSchema),
        timeoutMs: yup
          .number()
          .integer('cache.purge.timeoutMs must be a whole number of milliseconds')
          .min(1, 'cache.purge.timeoutMs must be at least 1')
          .typeError('cache.purge.timeoutMs must be a number of milliseconds'),
        retries: yup
          .number()
          .integer('cache.purge.retries must be a whole number')
          .min(0, 'cache.purge.retries cannot be negative')
          .max(10, 'cache.purge.retries must be at most 10')
          .typeError('cache.purge.retries must be a number'),
      })
      .noUnknown(true, 'cache.purge accepts endpoints, timeoutMs and retries only'),
  })
  .noUnknown(true, 'cache accepts sMaxAge, staleWhileRevalidate, maxAge and purge only');

const isRuleCode = (code: string) =>
  (RULE_CODES as readonly string[]).includes(code) || isHouseRuleCode(code);

// Strapi validates this before any register() has run, so a house rule's code is checked for its
// shape here, and against the registered rules at the plugin's bootstrap (services/house-rules).
const unknownCodes = (value: object | undefined) =>
  Object.keys(value ?? {}).filter((code) => !isRuleCode(code));

const rulesSchema = yup
  .object()
  .test(
    'rule-codes',
    ({ value }) =>
      `rules accepts ${RULE_CODES.join(', ')} and registered house rule codes (e.g. LEAK-HASH) only: ${unknownCodes(value).join(', ')}`,
    (value) => unknownCodes(value).length === 0
  )
  .test('rule-levels', 'rules: each level must be error, warning or off', function check(value) {
    const wrong = Object.entries(value ?? {}).find(
      ([, level]) => !(RULE_LEVELS as readonly unknown[]).includes(level)
    );
    return wrong
      ? this.createError({ message: `rules.${wrong[0]} must be error, warning or off` })
      : true;
  });

const overridesSchema = yup
  .object()
  .test(
    'rule-codes',
    ({ value }) =>
      `overrides accepts rule codes only (R1 … R11, a house rule's code): ${unknownCodes(value).join(', ')}`,
    (value) => unknownCodes(value).length === 0
  )
  .test('not-overridable', '', function check(value) {
    const code = NOT_OVERRIDABLE.find((rule) => rule in (value ?? {}));
    return code
      ? this.createError({
          message: `overrides.${code}: ${code} cannot be overridden (R6, the approval of anonymous quotes, and R9, the record of changes, hold for every publish)`,
        })
      : true;
  })
  .test('permissions', '', function check(value) {
    const wrong = Object.entries(value ?? {}).find(
      ([, action]) => typeof action !== 'string' || !/^[a-z-]+::[\w.-]+$/.test(action)
    );
    return wrong
      ? this.createError({
          message: `overrides.${wrong[0]} must be an admin permission's action, e.g. plugin::intelligence-stories.rules.override`,
        })
      : true;
  });

const configSchema = yup
  .object({
    rules: rulesSchema,
    overrides: overridesSchema,
    stockAnonymityPhrases: phraseList(),
    vagueAttributions: phraseList(),
    nonIcd203EstimativeTerms: phraseList(),
    fourEyes: yup.boolean(),
    cache: cacheSchema,
  })
  // A typo in config/plugins.ts fails at boot instead of being silently ignored.
  .noUnknown(true, 'unknown option(s): ${unknown}');

export default {
  default: DEFAULT_CONFIG,
  validator(config: unknown) {
    validateYupSchemaSync(configSchema)(config);
  },
};
