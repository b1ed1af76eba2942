import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import {
  readerVisibleChanges,
  readerVisibleFingerprint,
  type ReaderVisible,
} from '../rules/reader-visible-changes';
import type { OverrideEntry } from '../rules/overrides';
import type { ChangeLogEntry, Story } from '../types/content-types';
import { getConfig } from '../utils/get-config';
import { getService } from '../utils/get-service';
import { CHANGE_LOG_UID, STORY_UID } from '../utils/plugin-id';

const SHORT_FIELDS = ['title', 'dek'] as const;

/**
 * A story's change log, the decisions on its publishes kept for the standards desk. R9's record:
 * when an editor republishes a changed story without a correction, the reason the change is not
 * substantive, who gave it, when, and what changed. And the rule overrides: who lifted which rule
 * for one publish of which draft, and why.
 */
const changeLog = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Declares the current draft's changes non-substantive, if the draft is still the revision the
   * editor reviewed: the check, the comparison and the entry are one transaction.
   */
  async declareForDraft(
    documentId: string,
    {
      reason,
      revision,
      userId,
      locale,
    }: { reason: string; revision?: string | null; userId: number; locale?: string }
  ): Promise<ChangeLogEntry> {
    return strapi.db.transaction(async () => {
      const { snapshot } = await getService('readiness', { strapi }).assess(documentId, locale);
      await getService('revisions', { strapi }).advance(
        STORY_UID,
        documentId,
        revision,
        `"${snapshot.draft.title}"`,
        locale
      );
      if (!snapshot.previous) {
        throw new errors.ValidationError(
          'This story has never been published: a first publication needs no declaration.'
        );
      }
      if (readerVisibleChanges(snapshot.draft, snapshot.previous.content).length === 0) {
        throw new errors.ValidationError(
          'Nothing to declare: the draft reads exactly like the story as last published.'
        );
      }
      return this.declareNonSubstantive(snapshot.draft, snapshot.previous.content, reason, userId);
    });
  },

  async declareNonSubstantive(draft: Story, before: ReaderVisible, reason: string, userId: number) {
    const changed = readerVisibleChanges(draft, before);
    const changes = {
      fields: changed,
      ...Object.fromEntries(
        SHORT_FIELDS.filter((field) => changed.includes(field)).map((field) => [
          field,
          { before: before[field], after: draft[field] ?? null },
        ])
      ),
    };
    return strapi.documents(CHANGE_LOG_UID).create({
      data: {
        storyDocumentId: draft.documentId,
        kind: 'non_substantive',
        reason,
        declaredBy: userId,
        declaredAt: new Date().toISOString(),
        draftFingerprint: readerVisibleFingerprint(draft),
        changes,
      },
    }) as Promise<ChangeLogEntry>;
  },

  /**
   * Overrides a rule at `error` for the next publish of the current draft, if the draft is still
   * the revision the editor reviewed and `may` (the caller's ability) holds the permission the
   * config names for that rule. The entry records who, when, why, which rule and what it covered:
   * the draft's reader-visible fingerprint and the violations lifted. A later change to the draft
   * needs its own override; the publish that uses it marks it republished.
   */
  async overrideRule(
    documentId: string,
    {
      rule,
      reason,
      revision,
      userId,
      may,
      locale,
    }: {
      rule: string;
      reason: string;
      revision?: string | null;
      userId: number;
      may: (action: string) => boolean;
      /** The story's language version; the app's default when absent. */
      locale?: string;
    }
  ): Promise<OverrideEntry> {
    const permission = getConfig(strapi).overrides[rule];
    if (!permission) {
      throw new errors.ValidationError(
        `rule: ${rule} cannot be overridden: the config names no permission for it (overrides.${rule})`,
        { errors: [{ path: ['rule'], message: `${rule} cannot be overridden` }] }
      );
    }
    if (!may(permission)) {
      throw new errors.ForbiddenError(
        `Overriding ${rule} needs the permission ${permission}, which your roles do not hold`
      );
    }
    return strapi.db.transaction(async () => {
      const { readiness, snapshot } = await getService('readiness', { strapi }).assess(
        documentId,
        locale
      );
      await getService('revisions', { strapi }).advance(
        STORY_UID,
        documentId,
        revision,
        `"${snapshot.draft.title}"`,
        locale
      );
      const violations = readiness.errors
        .filter(({ code }) => code === rule)
        .map(({ path, message }) => ({ path, message }));
      if (violations.length === 0) {
        throw new errors.ValidationError(
          `rule: ${rule} blocks nothing on this draft (it passes, is not at error, or is already overridden)`,
          { errors: [{ path: ['rule'], message: `${rule} blocks nothing on this draft` }] }
        );
      }
      const entry = await strapi.documents(CHANGE_LOG_UID).create({
        data: {
          storyDocumentId: documentId,
          kind: 'rule_override',
          rule,
          reason,
          declaredBy: userId,
          declaredAt: new Date().toISOString(),
          draftFingerprint: readerVisibleFingerprint(snapshot.draft),
          changes: { fields: [], title: snapshot.draft.title, violations },
        },
        populate: { declaredBy: { fields: ['firstname', 'lastname'] } },
      });
      return entry as unknown as OverrideEntry;
    });
  },

  /** How many overrides each rule had since a date: the desk's review of them. */
  async overrideCounts(since: Date): Promise<Record<string, number>> {
    const entries = (await strapi.documents(CHANGE_LOG_UID).findMany({
      filters: { kind: 'rule_override', declaredAt: { $gte: since.toISOString() } },
      fields: ['rule'],
    })) as ChangeLogEntry[];
    const counts: Record<string, number> = {};
    for (const { rule } of entries) {
      if (rule) {
        counts[rule] = (counts[rule] ?? 0) + 1;
      }
    }
    return counts;
  },

  async markRepublished(entry: ChangeLogEntry) {
    await strapi.documents(CHANGE_LOG_UID).update({
      documentId: entry.documentId,
      data: { republishedAt: new Date().toISOString() } as Modules.Documents.Params.Data.Input<
        typeof CHANGE_LOG_UID
      >,
    });
  },
});

export default changeLog;
