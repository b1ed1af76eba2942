import type { Core } from '@strapi/strapi';

import {
  isHouseRuleCode,
  RULE_CODES,
  type HouseRuleInfo,
  type RuleLevelMap,
} from '../../../shared/contracts/rules';
import {
  assertHouseRule,
  houseRuleInfo,
  type AnyHouseRule,
  type HouseRule,
} from '../rules/house-rules';
import type { HouseRulesRun } from '../rules';
import type { StorySnapshot } from '../rules/types';
import { getConfig } from '../utils/get-config';

/**
 * The house rules an app or another plugin registers: the public API of docs/rules.md ("House
 * rules"), reached as `strapi.plugin('intelligence-stories').service('house-rules')`.
 *
 * Strapi validates the plugin config before any `register` runs, so the validator can only check
 * a house rule code's shape; the plugin's `bootstrap`, which runs after every `register`, closes
 * the registry and refuses to boot on a level or an override for a code nobody registered.
 */
const houseRules = ({ strapi }: { strapi: Core.Strapi }) => {
  const registered = new Map<string, AnyHouseRule>();
  let closed = false;
  const list = () => [...registered.values()];
  const levels = (): RuleLevelMap => {
    const { rules } = getConfig(strapi);
    const inForce = {} as RuleLevelMap;
    for (const code of RULE_CODES) {
      inForce[code] = rules[code];
    }
    for (const rule of registered.values()) {
      inForce[rule.code] = rules[rule.code] ?? rule.level ?? 'error';
    }
    return inForce;
  };

  return {
    /** Adds a rule to the gate, the checklist, the desk and the settings page. */
    register<TData = undefined>(rule: HouseRule<TData>): void {
      const valid = assertHouseRule(rule);
      if (closed) {
        throw new Error(
          `intelligence-stories: house rule ${valid.code} was registered after the plugin's bootstrap; register house rules in a register() function, so the config can be checked against them at boot.`
        );
      }
      if (registered.has(valid.code)) {
        throw new Error(`intelligence-stories: house rule ${valid.code} is registered twice.`);
      }
      registered.set(valid.code, valid);
    },

    list(): AnyHouseRule[] {
      return list();
    },

    infos(): HouseRuleInfo[] {
      return list().map(houseRuleInfo);
    },

    /** Each rule's level in force: the config's, else a house rule's own default. */
    levels,

    /** The house rules that run, with what each loaded for this draft: once per assessment. */
    async prepare(draft: StorySnapshot['draft']): Promise<HouseRulesRun> {
      const inForce = levels();
      const rules = list().filter(({ code }) => inForce[code] !== 'off');
      const data: Record<string, unknown> = {};
      for (const rule of rules) {
        if (rule.load) {
          data[rule.code] = await rule.load({ strapi, draft });
        }
      }
      return { rules, data };
    },

    /**
     * At the plugin's bootstrap, after every register(): no more rules, and every house rule code
     * the config names must be registered (a typo would otherwise leave a rule at its default).
     */
    close(): void {
      closed = true;
      const config = getConfig(strapi);
      const named = [
        ...Object.keys(config.rules).map((code) => `rules.${code}`),
        ...Object.keys(config.overrides).map((code) => `overrides.${code}`),
      ];
      const unknown = named.filter((key) => {
        const code = key.slice(key.indexOf('.') + 1);
        return isHouseRuleCode(code) && !registered.has(code);
      });
      if (unknown.length > 0) {
        throw new Error(
          `intelligence-stories: ${unknown.join(', ')}: no house rule is registered with this code (registered: ${[...registered.keys()].join(', ') || 'none'}).`
        );
      }
    },
  };
};

export default houseRules;
