import type { Core, Modules } from '@strapi/strapi';

import {
  readerVisibleChanges,
  readerVisibleFingerprint,
  type ReaderVisible,
} from '../rules/reader-visible-changes';
import type { ChangeLogEntry, Story } from '../types/content-types';
import { CHANGE_LOG_UID } from '../utils/plugin-id';

const SHORT_FIELDS = ['title', 'dek'] as const;

/**
 * R9's record: when an editor republishes a changed story without a correction, the reason the
 * change is not substantive, who gave it, when, and what changed, kept for the standards desk.
 */
const changeLog = ({ strapi }: { strapi: Core.Strapi }) => ({
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

  /** The declaration covering this exact draft that no publish has used yet, if any. */
  async pendingDeclaration(draft: Story) {
    return (await strapi.documents(CHANGE_LOG_UID).findFirst({
      filters: {
        storyDocumentId: draft.documentId,
        draftFingerprint: readerVisibleFingerprint(draft),
        republishedAt: { $null: true },
      },
      sort: [{ declaredAt: 'desc' }],
    })) as ChangeLogEntry | null;
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
