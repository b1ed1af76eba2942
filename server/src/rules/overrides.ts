import type { Readiness, Violation } from '../../../shared/contracts/rules';
import type { RuleOverride } from '../../../shared/contracts/stories';
import type { ChangeLogEntry } from '../types/content-types';

/** A rule-override entry of the change log, with the admin who decided it. */
export type OverrideEntry = ChangeLogEntry & {
  declaredBy?: { id: number; firstname?: string | null; lastname?: string | null } | null;
};

const adminName = (user: OverrideEntry['declaredBy']) =>
  user ? [user.firstname, user.lastname].filter(Boolean).join(' ') || `#${user.id}` : null;

export const toRuleOverride = (entry: OverrideEntry): RuleOverride => ({
  documentId: entry.documentId,
  rule: entry.rule ?? '',
  reason: entry.reason,
  overriddenBy: adminName(entry.declaredBy),
  overriddenAt: entry.declaredAt,
  violations: ((entry.changes as { violations?: RuleOverride['violations'] } | undefined)
    ?.violations ?? []) as RuleOverride['violations'],
});

/**
 * Lifts, for the next publish, the errors of each rule an override covers, and says of the other
 * errors who may override them. An override counts only while the config still names a
 * permission for its rule (`permissions`): removing the entry from the config withdraws them all.
 * Returns the verdict and the overrides it used, which that publish consumes.
 */
export const applyOverrides = (
  readiness: Readiness,
  pending: OverrideEntry[],
  permissions: Record<string, string>
): { readiness: Readiness; used: OverrideEntry[] } => {
  const byRule = new Map<string, OverrideEntry>();
  for (const entry of pending) {
    if (entry.rule && permissions[entry.rule] && !byRule.has(entry.rule)) {
      byRule.set(entry.rule, entry);
    }
  }
  const errors: Violation[] = [];
  const lifted: Violation[] = [];
  for (const violation of readiness.errors) {
    if (byRule.has(violation.code)) {
      lifted.push({ ...violation, overridden: true });
    } else {
      const permission = permissions[violation.code];
      errors.push(permission ? { ...violation, overridableBy: permission } : violation);
    }
  }
  const used = [...byRule.values()].filter(({ rule }) => lifted.some(({ code }) => code === rule));
  return {
    readiness: {
      ...readiness,
      ready: errors.length === 0,
      errors,
      warnings: [...lifted, ...readiness.warnings],
      ...(used.length > 0 ? { overrides: used.map(toRuleOverride) } : {}),
    },
    used,
  };
};
