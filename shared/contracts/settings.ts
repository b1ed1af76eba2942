/** The plugin's settings: what the JSON-LD and the feeds say of the publisher, and the rules' levels. */
import type { errors } from '@strapi/utils';

import type { HouseRuleInfo, RuleLevelMap } from './rules';

/**
 * Each rule's level, as the app's config/plugins.ts sets it: R1–R11, then each registered house
 * rule's (its config level, or the level it registered with).
 */
export type RuleLevels = RuleLevelMap;

/** What the rule table shows beside the levels: the house rules, and who may override what. */
export type RuleTableMeta = {
  houseRules: HouseRuleInfo[];
  /** The admin permission that may override each rule for one publish (config `overrides`). */
  overrides: Record<string, string>;
};

export type PublisherSettings = {
  publisherName: string | null;
  publisherUrl: string | null;
  publisherLogoUrl: string | null;
  correctionsPolicyUrl: string | null;
  unnamedSourcesPolicyUrl: string | null;
  /** Where readers find a story, e.g. `https://news.example/stories/{slug}`. */
  storyUrlTemplate: string | null;
};

/**
 * GET /intelligence-stories/settings/rules: read-only, since the levels are the app's config.
 */
export declare namespace GetRuleLevels {
  export interface Response {
    data: RuleLevels;
    meta: RuleTableMeta;
    error?: errors.ApplicationError;
  }
}

/**
 * GET /intelligence-stories/settings
 */
export declare namespace GetSettings {
  export interface Response {
    data: PublisherSettings;
    error?: errors.ApplicationError;
  }
}

/**
 * PUT /intelligence-stories/settings: replaces the settings whole; an empty value clears one.
 */
export declare namespace UpdateSettings {
  export interface Request {
    body: Partial<Record<keyof PublisherSettings, string | null>>;
  }
  export interface Response {
    data: PublisherSettings;
    error?: errors.ApplicationError;
  }
}
