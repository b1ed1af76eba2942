import { citesASourceDocument } from './R1-cites-a-source-document';
import { icd203EstimativeLanguage } from './R10-icd203-estimative-language';
import { quotesMatchThePdf } from './R11-quotes-match-the-pdf';
import { citedPagesExist } from './R2-cited-pages-exist';
import { anonymityReason } from './R3-anonymity-reason';
import { specificAttribution } from './R4-specific-attribution';
import { sourceKnownToAnEditor } from './R5-source-known-to-an-editor';
import { quoteApproved } from './R6-quote-approved';
import { informationNotOpinion } from './R7-information-not-opinion';
import { bylineForAnonymousSourcing } from './R8-byline';
import { noStealthEdits } from './R9-no-stealth-edits';
import type { Readiness, RuleLevelMap } from '../../../shared/contracts/rules';
import { awaitedQuotes } from './awaited-decision';
import { runHouseRule, type AnyHouseRule } from './house-rules';
import type { Rule, RuleCode, RuleLevel, RuleOptions, StorySnapshot, Violation } from './types';

export type { Readiness };

export const RULES: Record<RuleCode, Rule> = {
  R1: citesASourceDocument,
  R2: citedPagesExist,
  R3: anonymityReason,
  R4: specificAttribution,
  R5: sourceKnownToAnEditor,
  R6: quoteApproved,
  R7: informationNotOpinion,
  R8: bylineForAnonymousSourcing,
  R9: noStealthEdits,
  R10: icd203EstimativeLanguage,
  R11: quotesMatchThePdf,
};

/** The house rules registered by the app (services/house-rules), with what each one loaded. */
export type HouseRulesRun = { rules: AnyHouseRule[]; data: Record<string, unknown> };

/**
 * Runs every rule that is not off, R1–R11 then the app's house rules; errors block publishing,
 * warnings are only reported. Also says which quotes await a decision, so that no reader of the
 * verdict infers it from R6's violations.
 */
export const evaluateRules = (
  snapshot: StorySnapshot,
  levels: RuleLevelMap,
  options: RuleOptions,
  house: HouseRulesRun = { rules: [], data: {} }
): Readiness => {
  const errors: Violation[] = [];
  const warnings: Violation[] = [];
  const report = (level: RuleLevel | undefined, violations: Violation[]) => {
    for (const violation of violations) {
      (level === 'error' && !violation.advisory ? errors : warnings).push(violation);
    }
  };
  for (const [code, rule] of Object.entries(RULES) as Array<[RuleCode, Rule]>) {
    if (levels[code] !== 'off') {
      report(levels[code], rule(snapshot, options));
    }
  }
  for (const rule of house.rules) {
    const level = levels[rule.code] ?? rule.level ?? 'error';
    if (level !== 'off') {
      report(level, runHouseRule(rule, snapshot, house.data[rule.code]));
    }
  }
  return {
    ready: errors.length === 0,
    errors,
    warnings,
    awaitingDecision: awaitedQuotes(snapshot),
  };
};
