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
import type { Readiness } from '../../../shared/contracts/rules';
import { awaitedQuotes } from './awaited-decision';
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

/**
 * Runs every rule that is not off; errors block publishing, warnings are only reported. Also says
 * which quotes await a decision, so that no reader of the verdict infers it from R6's violations.
 */
export const evaluateRules = (
  snapshot: StorySnapshot,
  levels: Record<RuleCode, RuleLevel>,
  options: RuleOptions
): Readiness => {
  const errors: Violation[] = [];
  const warnings: Violation[] = [];
  for (const [code, rule] of Object.entries(RULES) as Array<[RuleCode, Rule]>) {
    const level = levels[code];
    if (level !== 'off') {
      for (const violation of rule(snapshot, options)) {
        (level === 'error' && !violation.advisory ? errors : warnings).push(violation);
      }
    }
  }
  return {
    ready: errors.length === 0,
    errors,
    warnings,
    awaitingDecision: awaitedQuotes(snapshot),
  };
};
