import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import {
  readerVisibleChanges,
  readerVisibleFingerprint,
  type ReaderVisible,
} from '../rules/reader-visible-changes';
import type { ChangeLogEntry, Story } from '../types/content-types';
import { getService } from '../utils/get-service';
import { CHANGE_LOG_UID, STORY_UID } from '../utils/plugin-id';

const SHORT_FIELDS = ['title', 'dek'] as const;

/**
 * R9's record: when an editor republishes a changed story without a correction, the reason the
 * change is not substantive, who gave it, when, and what changed, kept for the standards desk.
 */
const changeLog = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Declares the current draft's changes non-substantive, if the draft is still the revision the
   * editor reviewed: the check, the comparison and the entry are one transaction.
   */
  async declareForDraft(
    documentId: string,
    { reason, revision, userId }: { reason: string; revision?: string | null; userId: number }
  ): Promise<ChangeLogEntry> {
    return strapi.db.transaction(async () => {
      const { snapshot } = await getService('readiness', { strapi }).assess(documentId);
      await getService('revisions', { strapi }).advance(
        STORY_UID,
        documentId,
        revision,
        `"${snapshot.draft.title}"`
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
