import type { Readiness, RuleLevelMap } from '../../../shared/contracts/rules';

/**
 * What the publish gate decided, as a `story.published` event tells it: rule codes only. The
 * findings' messages and paths, an override's reason and who gave it stay in the admin.
 */
export type GateResult = {
  /** False when every rule is `off`: the gate checked nothing. */
  checked: boolean;
  /** Rules in force that found nothing. */
  passed: string[];
  /** Rules that reported warnings (at `warning` level, or undecided, e.g. R11 without the PDF's text). */
  warned: string[];
  /** Rules at `error` whose findings an override lifted for this publish. */
  overridden: string[];
};

/**
 * The gate's result for a publish it let through (so `readiness.errors` is empty), `readiness`
 * being null when no rule was in force, and `levels` every rule's level (built-in and house rules).
 */
export const gateResult = (readiness: Readiness | null, levels: RuleLevelMap): GateResult => {
  const inForce = Object.entries(levels)
    .filter(([, level]) => level !== undefined && level !== 'off')
    .map(([code]) => code);
  if (!readiness) {
    return { checked: false, passed: [], warned: [], overridden: [] };
  }
  const flagged = (overridden: boolean) => {
    const codes = new Set(
      readiness.warnings
        .filter((violation) => Boolean(violation.overridden) === overridden)
        .map(({ code }) => code)
    );
    return [...codes].sort(
      (a, b) => (inForce.indexOf(a) + 1 || Infinity) - (inForce.indexOf(b) + 1 || Infinity)
    );
  };
  const overridden = flagged(true);
  const warned = flagged(false).filter((code) => !overridden.includes(code));
  const reported = new Set([...warned, ...overridden, ...readiness.errors.map(({ code }) => code)]);
  return {
    checked: true,
    passed: inForce.filter((code) => !reported.has(code)),
    warned,
    overridden,
  };
};
