import type { Core } from '@strapi/strapi';
import { yup } from '@strapi/utils';

import {
  isHouseRuleCode,
  RULE_LEVELS,
  type HouseRuleInfo,
  type LocalizedText,
  type RuleLevel,
} from '../../../shared/contracts/rules';
import { formatRuleMessage } from '../../../shared/messages/rule-messages';
import type { StorySnapshot, Violation } from './types';

export type { HouseRuleInfo, LocalizedText };

/** What a house rule reports: where in the story, and what the editor should do. */
export type HouseRuleFinding = { path: string; message: string };

/**
 * What a house rule may load before it runs, once per assessment of a story (the checklist, the
 * desk, the gate): the extension point for data the readiness snapshot does not carry. It may read
 * the database (inside the publish's transaction when the gate calls it); `check` stays pure.
 */
export type HouseRuleLoader<TData> = (context: {
  strapi: Core.Strapi;
  draft: StorySnapshot['draft'];
}) => TData | Promise<TData>;

/**
 * A newsroom's own publish check, registered by an app or another plugin in its `register`
 * (docs/rules.md, "House rules"). The gate, the checklist, the desk and the settings page treat it
 * like R1–R11; its level is `rules.<code>` in the plugin config, `level` when the config sets none.
 */
export type HouseRule<TData = undefined> = {
  code: string;
  title: LocalizedText;
  description: LocalizedText;
  /** The story's fields it looks at, e.g. `['sourceDocuments']`. */
  fields: string[];
  /** Its level when config/plugins.ts sets none; `error` by default. */
  level?: RuleLevel;
  /**
   * A pure function of the snapshot R1–R11 get (and of what `load` returned): same story, same
   * findings. An empty list means the story passes.
   */
  check: (snapshot: StorySnapshot, data: TData) => HouseRuleFinding[];
} & (undefined extends TData
  ? { load?: HouseRuleLoader<TData> }
  : { load: HouseRuleLoader<TData> });

/** Gives a house rule its types where it is written: `defineHouseRule({ ... })`. */
export const defineHouseRule = <TData = undefined>(rule: HouseRule<TData>): HouseRule<TData> =>
  rule;

// The registry stores rules whatever their data; each rule gets back what its own `load` returned.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyHouseRule = HouseRule<any>;

const localized = (field: string) =>
  yup
    .object({
      en: yup.string().trim().required(`${field}.en is required`),
      fr: yup.string().trim().required(`${field}.fr is required`),
    })
    .required(`${field} is required, in English and French ({ en, fr })`)
    .noUnknown(true, `${field} accepts en and fr only`);

const definitionSchema = yup
  .object({
    code: yup
      .string()
      .required('code is required')
      .test(
        'house-code',
        'code must be capitals, digits and hyphens (e.g. LEAK-HASH), at most 40 characters, and not R followed by a number (the plugin keeps those)',
        (value) => value === undefined || isHouseRuleCode(value)
      ),
    title: localized('title'),
    description: localized('description'),
    fields: yup
      .array()
      .of(yup.string().required())
      .min(1, 'fields must name at least one field of the story')
      .required('fields is required'),
    level: yup.mixed().oneOf([...RULE_LEVELS, undefined], 'level must be error, warning or off'),
    check: yup.mixed().test('function', 'check must be a function', (v) => typeof v === 'function'),
    load: yup
      .mixed()
      .test(
        'function',
        'load must be a function',
        (v) => v === undefined || typeof v === 'function'
      ),
  })
  .noUnknown(true, 'unknown field(s): ${unknown}');

/** Refuses a malformed definition where it is registered, naming the field. */
export const assertHouseRule = (rule: unknown): AnyHouseRule => {
  try {
    definitionSchema.validateSync(rule, { strict: true, abortEarly: true });
  } catch (error) {
    const code = (rule as { code?: unknown })?.code;
    throw new Error(
      `intelligence-stories: house rule ${typeof code === 'string' ? code : '(no code)'}: ${(error as Error).message}`
    );
  }
  return rule as AnyHouseRule;
};

export const houseRuleInfo = ({
  code,
  title,
  description,
  fields,
}: AnyHouseRule): HouseRuleInfo => ({
  code,
  title,
  description,
  fields,
});

/**
 * Runs one house rule. Its findings carry its code, whatever the function says; a rule that throws
 * is reported as broken rather than skipped, so a bug in it blocks at `error` instead of waving
 * stories through.
 */
export const runHouseRule = (
  rule: AnyHouseRule,
  snapshot: StorySnapshot,
  data: unknown
): Violation[] => {
  try {
    return rule.check(snapshot, data).map(({ path, message }) => ({
      code: rule.code,
      path: String(path),
      message: String(message),
    }));
  } catch (error) {
    const values = { rule: rule.code, error: (error as Error).message };
    return [
      {
        code: rule.code,
        path: rule.fields[0],
        message: formatRuleMessage('house.broken', rule.fields[0], values, 'en'),
        messageId: 'house.broken',
        values,
      },
    ];
  }
};
