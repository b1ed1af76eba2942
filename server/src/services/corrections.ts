import type { Core, Modules } from '@strapi/strapi';

import type {
  CarryOverCorrection,
  CorrectionInput,
  CorrectionKind,
  DeskCorrection,
  IssuedCorrection,
  PublicCorrection,
} from '../../../shared/contracts/corrections';
import {
  READER_VISIBLE_QUERY,
  readerVisibleChanges,
  readerVisibleFingerprint,
  type ReaderVisible,
} from '../rules/reader-visible-changes';
import type { Correction, Story } from '../types/content-types';
import { adminName, type AdminNameFields } from '../utils/admin-name';
import { storyVersionKey } from '../utils/story-version';
import { getService } from '../utils/get-service';
import { CORRECTION_UID, STORY_UID } from '../utils/plugin-id';
import { PUBLIC_CORRECTION_FIELDS } from '../utils/public-fields';
import type { UserAbility } from './content-manager-links';

export const toPublicCorrection = (correction: Correction): PublicCorrection => ({
  documentId: correction.documentId,
  kind: correction.kind,
  text: correction.text,
  issuedAt: correction.issuedAt,
  lateReason: correction.lateReason ?? null,
  supersedes: correction.supersedes?.documentId ?? null,
});

/**
 * Kinds that explain a change to the text, held until that change is published. A retraction
 * explains a withdrawal, which an unpublish carries out: it is public at once.
 */
const EXPLAINS_A_CHANGE = new Set<CorrectionKind>([
  'correction',
  'clarification',
  'update',
  'editors_note',
]);

/** What is wrong in one language is likely wrong in the others: these are offered to carry over. */
const FACTUAL: CorrectionKind[] = ['correction', 'retraction'];

export type CorrectionBinding = { draftFingerprint: string | null; held: boolean };

/** Records read by `publicRecordsByStory`, each in the shape a story shows its corrections in. */
export const toPublicByStory = (records: Map<string, Correction[]>) =>
  new Map(
    [...records].map(([storyDocumentId, found]) => [storyDocumentId, found.map(toPublicCorrection)])
  );

const corrections = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * What a correction issued now on this story is bound to: the fingerprint of the draft's
   * reader-visible content (R9 lets a republish through only for the change a correction was
   * issued for), and whether it is held, because the draft it explains differs from what readers
   * see: readers then get the correction and its fix together, at the next publish.
   */
  async bindingFor(
    storyDocumentId: string,
    kind: CorrectionKind,
    locale?: string
  ): Promise<CorrectionBinding> {
    const draft = (await strapi.documents(STORY_UID).findOne({
      documentId: storyDocumentId,
      ...(locale ? { locale } : {}),
      status: 'draft',
      fields: [...READER_VISIBLE_QUERY.fields, 'lastPublishedContent'],
      populate: READER_VISIBLE_QUERY.populate,
    } as Modules.Documents.ServiceParams<typeof STORY_UID>['findOne'])) as Story | null;
    if (!draft) {
      return { draftFingerprint: null, held: false };
    }
    const before = draft.lastPublishedContent as ReaderVisible | null | undefined;
    return {
      draftFingerprint: readerVisibleFingerprint(draft),
      held:
        EXPLAINS_A_CHANGE.has(kind) &&
        Boolean(before) &&
        readerVisibleChanges(draft, before!).length > 0,
    };
  },

  /**
   * Makes the corrections held on this story public: called in the transaction of its publish, so
   * readers see each with the fix it explains. Through the query engine, since the Document Service
   * refuses any change to a correction (document-middlewares/append-only-corrections): this is
   * the one change a correction gets, and its text, kind and date stay as issued.
   */
  async releaseHeld(storyDocumentId: string, locale: string): Promise<number> {
    await getService('webhook-events', { strapi }).correctionsReleasing(storyDocumentId, locale);
    const { count } = await strapi.db.query(CORRECTION_UID).updateMany({
      where: { storyDocumentId, storyLocale: locale, held: true },
      data: { held: false },
    });
    return Number(count);
  },

  /**
   * Issues a correction on a published story. The server stamps when and by whom, and what it is
   * bound to (see the correction-issuance middleware); the write validation refuses unpublished
   * stories, a supersede of another story's correction, and a late correction without its reason.
   */
  async issue(
    storyDocumentId: string,
    input: CorrectionInput,
    userId: number
  ): Promise<IssuedCorrection> {
    const created = (await strapi.documents(CORRECTION_UID).create({
      data: {
        storyDocumentId,
        // The language version it corrects, as the request names it (`locale`); the default one
        // when absent.
        storyLocale: await getService('locales', { strapi }).resolve(input.locale, 'locale'),
        kind: input.kind,
        text: input.text,
        lateReason: input.lateReason ?? null,
        supersedes: input.supersedes ?? null,
        carriedFrom: input.carriedFrom ?? null,
        translationOnly: Boolean(input.translationOnly),
        issuedBy: userId,
      },
      fields: [...PUBLIC_CORRECTION_FIELDS, 'storyLocale', 'held'],
      populate: { supersedes: { fields: ['documentId'] } },
    } as Modules.Documents.ServiceParams<typeof CORRECTION_UID>['create'])) as Correction;
    return {
      ...toPublicCorrection(created),
      locale: created.storyLocale ?? null,
      held: Boolean(created.held),
    };
  },

  /**
   * The factual corrections (corrections and retractions) issued on the story's other language
   * versions that this one has not carried over yet, oldest first: a fact wrong in one language is
   * likely wrong in the others, so their editors are offered it. A translation's own slips (issued
   * `translationOnly`), the other kinds (a version's own clarifications, updates and editor's notes)
   * and copies carried over from elsewhere are not offered; held ones wait for their publish.
   */
  async toCarryOver(storyDocumentId: string, locale: string): Promise<CarryOverCorrection[]> {
    const documents = strapi.documents(CORRECTION_UID);
    const [carried, offered] = await Promise.all([
      documents.findMany({
        filters: { storyDocumentId, storyLocale: locale, carriedFrom: { $notNull: true } },
        fields: ['carriedFrom'],
      } as Modules.Documents.ServiceParams<typeof CORRECTION_UID>['findMany']) as Promise<
        Correction[]
      >,
      documents.findMany({
        filters: {
          storyDocumentId,
          storyLocale: { $ne: locale },
          kind: { $in: FACTUAL },
          carriedFrom: { $null: true },
          // Null is false: rows written past the Document Service get no default.
          $and: [
            { $or: [{ held: false }, { held: { $null: true } }] },
            { $or: [{ translationOnly: false }, { translationOnly: { $null: true } }] },
          ],
        },
        fields: [...PUBLIC_CORRECTION_FIELDS, 'storyLocale'],
        populate: { supersedes: { fields: ['documentId'] } },
        sort: [{ issuedAt: 'asc' }, { id: 'asc' }],
      } as Modules.Documents.ServiceParams<typeof CORRECTION_UID>['findMany']) as Promise<
        Correction[]
      >,
    ]);
    const done = new Set(carried.map(({ carriedFrom }) => carriedFrom));
    return offered
      .filter(({ documentId }) => !done.has(documentId))
      .map((correction) => ({
        ...toPublicCorrection(correction),
        locale: correction.storyLocale ?? null,
      }));
  },

  /**
   * Corrections for the desk, newest first: of one story (its timeline) or of all, with their
   * issuer and story title. Admin only: the issuer never leaves through the Content API.
   */
  async forDesk({
    storyDocumentId,
    locale,
    q,
    kind,
    issued = {},
    pagination,
    userAbility,
  }: {
    storyDocumentId?: string;
    /** Of one language version of the stories. */
    locale?: string;
    /** In the story's (draft) title or in the correction's text, ignoring case. */
    q?: string;
    kind?: CorrectionKind;
    /** Issued at or after `from`, and before `before`. */
    issued?: { from?: Date; before?: Date };
    pagination: { start: number; limit: number };
    /** The user asking, for `canOpenStory`; without it no story is said to open. */
    userAbility?: UserAbility;
  }): Promise<{ results: DeskCorrection[]; total: number }> {
    // Corrections name their story by documentId (it survives publish cycles), not by a relation:
    // a title search finds the stories first.
    const titled = q
      ? (
          (await strapi.documents(STORY_UID).findMany({
            status: 'draft',
            locale: locale ?? '*',
            filters: { title: { $containsi: q } },
            fields: ['documentId'],
          })) as Story[]
        ).map(({ documentId }) => documentId)
      : [];
    const issuedAt = {
      ...(issued.from ? { $gte: issued.from.toISOString() } : {}),
      ...(issued.before ? { $lt: issued.before.toISOString() } : {}),
    };
    const filters = {
      ...(storyDocumentId ? { storyDocumentId } : {}),
      ...(locale ? { storyLocale: locale } : {}),
      ...(kind ? { kind } : {}),
      ...(Object.keys(issuedAt).length > 0 ? { issuedAt } : {}),
      ...(q ? { $or: [{ text: { $containsi: q } }, { storyDocumentId: { $in: titled } }] } : {}),
    };
    const documents = strapi.documents(CORRECTION_UID);
    const [found, total] = await Promise.all([
      documents.findMany({
        filters,
        fields: [...PUBLIC_CORRECTION_FIELDS, 'storyLocale', 'issuedByName', 'held'],
        populate: {
          supersedes: { fields: ['documentId'] },
          issuedBy: { fields: ['firstname', 'lastname', 'username'] },
        },
        sort: [{ issuedAt: 'desc' }, { id: 'desc' }],
        ...pagination,
      } as Modules.Documents.ServiceParams<typeof CORRECTION_UID>['findMany']) as Promise<
        Array<Correction & { issuedBy?: AdminNameFields | null }>
      >,
      documents.count({ filters }),
    ]);
    const storyIds = [...new Set(found.map((correction) => correction.storyDocumentId))];
    // Each correction shows the title of the language version it corrects.
    const stories = (await strapi.documents(STORY_UID).findMany({
      status: 'draft',
      locale: '*',
      filters: { documentId: { $in: storyIds } },
      fields: ['title', 'locale'],
    })) as Story[];
    const titles = new Map(
      stories.map((story) => [storyVersionKey(story.documentId, story.locale), story.title])
    );
    const openable = await getService('content-manager-links', { strapi }).openableStories(
      userAbility,
      storyIds
    );
    return {
      results: found.map((correction) => ({
        ...toPublicCorrection(correction),
        storyDocumentId: correction.storyDocumentId,
        locale: correction.storyLocale ?? null,
        storyTitle:
          titles.get(storyVersionKey(correction.storyDocumentId, correction.storyLocale)) ?? null,
        held: Boolean(correction.held),
        // The account's current name, or the one kept at issue once the account is deleted.
        issuedBy:
          (correction.issuedBy && adminName(correction.issuedBy)) ||
          correction.issuedByName ||
          null,
        canOpenStory: openable.has(correction.storyDocumentId),
      })),
      total,
    };
  },

  /**
   * The public record of corrections for a page of stories in one language, oldest first, in one query whatever
   * the page size, as the Document Service reads them in their public fields (what the feeds'
   * output sanitizer and the public snapshot take). Corrections are tied to the story's
   * documentId, which survives publish cycles.
   */
  async publicRecordsByStory(
    storyDocumentIds: string[],
    locale: string
  ): Promise<Map<string, Correction[]>> {
    const byStory = new Map<string, Correction[]>(storyDocumentIds.map((id) => [id, []]));
    if (storyDocumentIds.length === 0) {
      return byStory;
    }
    const found = (await strapi.documents(CORRECTION_UID).findMany({
      // Held ones go public with the story's next publish (`releaseHeld`). Null is not held: rows
      // written past the Document Service (an import, a bulk load) get no default.
      filters: {
        storyDocumentId: { $in: storyDocumentIds },
        storyLocale: locale,
        $or: [{ held: false }, { held: { $null: true } }],
      },
      fields: PUBLIC_CORRECTION_FIELDS,
      populate: { supersedes: { fields: ['documentId'] } },
      sort: [{ issuedAt: 'asc' }, { id: 'asc' }],
    } as Modules.Documents.ServiceParams<typeof CORRECTION_UID>['findMany'])) as Correction[];
    for (const correction of found) {
      byStory.get(correction.storyDocumentId)?.push(correction);
    }
    return byStory;
  },

  /** The same, each in the shape a story shows its corrections in. */
  async publicByStory(
    storyDocumentIds: string[],
    locale: string
  ): Promise<Map<string, PublicCorrection[]>> {
    return toPublicByStory(await this.publicRecordsByStory(storyDocumentIds, locale));
  },
});

export default corrections;
