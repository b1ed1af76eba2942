import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { evaluateRules, type Readiness } from '../rules';
import { awaitedDecision } from '../rules/awaited-decision';
import { checkCitedPassages } from '../rules/cited-passages';
import { applyOverrides, type OverrideEntry } from '../rules/overrides';
import {
  readerVisibleChanges,
  readerVisibleDiff,
  readerVisibleFingerprint,
  type ReaderVisible,
} from '../rules/reader-visible-changes';
import type { StorySnapshot } from '../rules/types';
import type { AnonymousQuote, ChangeLogEntry, Correction, Story } from '../types/content-types';
import { getConfig } from '../utils/get-config';
import { getService } from '../utils/get-service';
import { CHANGE_LOG_UID, CORRECTION_UID, STORY_UID } from '../utils/plugin-id';

type DraftQuote = AnonymousQuote & {
  confidentialSource: { documentId: string; editorsWhoKnow?: Array<{ id: number }> } | null;
};

/**
 * Whether a translated quote renders this approved original: the text it names as its original,
 * and the same confidential source (shared by the versions, never a copy of it).
 */
const rendersOriginal = (
  quote: DraftQuote,
  original: { text: string; source: string | null; approved: boolean }
) =>
  original.approved &&
  Boolean(quote.originalQuote?.trim()) &&
  quote.originalQuote!.trim() === original.text.trim() &&
  (quote.confidentialSource?.documentId ?? null) === original.source;

/**
 * Gathers what the editorial rules look at and runs them: for the publish gate, and for the
 * readiness checklist an editor sees before publishing.
 */
const readiness = ({ strapi }: { strapi: Core.Strapi }) => {
  const stories = () => strapi.documents(STORY_UID);

  const loadDraft = async (documentId: string, locale?: string) =>
    (await stories().findOne({
      documentId,
      ...(locale ? { locale } : {}),
      status: 'draft',
      populate: {
        bylines: true,
        sourceDocuments: { populate: { keyJudgments: true } },
        citations: {
          populate: { sourceDocument: { fields: ['documentId', 'title', 'pageCount'] } },
        },
        anonymousQuotes: {
          populate: {
            // Its documentId is part of what an approval covers (the quote's fingerprint).
            confidentialSource: {
              fields: ['documentId'],
              populate: { editorsWhoKnow: { fields: ['id'] } },
            },
            approvedBy: { fields: ['id'] },
          },
        },
      },
    })) as StorySnapshot['draft'] | null;

  /**
   * The quotes of the version a translation was translated from, each with the source it is
   * linked to and whether its approval stands (the same answer R6 gives in that version).
   */
  const originalApprovals = async (documentId: string, originalLocale: string) => {
    const original = await loadDraft(documentId, originalLocale);
    const originalQuotes = (original?.anonymousQuotes ?? []) as DraftQuote[];
    const facts = await getService('approvers', { strapi }).decisionFacts(originalQuotes);
    return originalQuotes.map((quote, index) => ({
      text: quote.quote,
      source: quote.confidentialSource?.documentId ?? null,
      approved: awaitedDecision(quote, facts[index]) === null,
    }));
  };

  /** R9's excuse: a declaration covering this exact draft that no publish has used yet. */
  const pendingDeclaration = async (draft: Story) =>
    (await strapi.documents(CHANGE_LOG_UID).findFirst({
      filters: {
        kind: 'non_substantive',
        storyDocumentId: draft.documentId,
        draftFingerprint: readerVisibleFingerprint(draft),
        republishedAt: { $null: true },
      },
      sort: [{ declaredAt: 'desc' }],
    })) as ChangeLogEntry | null;

  /** Overrides decided on this exact draft that no publish has used yet, newest first. */
  const pendingOverrides = async (draft: Story) =>
    (await strapi.documents(CHANGE_LOG_UID).findMany({
      filters: {
        kind: 'rule_override',
        storyDocumentId: draft.documentId,
        draftFingerprint: readerVisibleFingerprint(draft),
        republishedAt: { $null: true },
      },
      populate: { declaredBy: { fields: ['firstname', 'lastname'] } },
      sort: [{ declaredAt: 'desc' }, { id: 'desc' }],
    })) as OverrideEntry[];

  /**
   * R9's other excuse: corrections issued since the last publish for this exact draft (bound to
   * its reader-visible fingerprint when issued), held or public. One issued before a later edit
   * explains that edit, not this one.
   */
  const correctionsFor = async (draft: Story, since: string) =>
    (await strapi.documents(CORRECTION_UID).findMany({
      filters: {
        storyDocumentId: draft.documentId,
        issuedAt: { $gt: since },
        draftFingerprint: readerVisibleFingerprint(draft),
      },
      fields: ['kind', 'issuedAt'],
    })) as Correction[];

  return {
    /**
     * The rules' verdict on the current draft of one language version (the app's default locale
     * when `locale` is absent), with what it was based on.
     */
    async assess(
      documentId: string,
      locale?: string
    ): Promise<{
      readiness: Readiness;
      snapshot: StorySnapshot;
      declaration: ChangeLogEntry | null;
      /** The rule overrides this verdict applied: the next publish uses them up. */
      overrides: OverrideEntry[];
    }> {
      const draft = await loadDraft(documentId, locale);
      if (!draft) {
        throw new errors.NotFoundError(
          locale
            ? `No story has this documentId in locale ${locale}`
            : 'No story has this documentId'
        );
      }
      const draftQuotes = (draft.anonymousQuotes ?? []) as DraftQuote[];
      const approvers = getService('approvers', { strapi });
      const facts = await approvers.decisionFacts(draftQuotes);
      const originals = draft.translatedFrom
        ? await originalApprovals(documentId, draft.translatedFrom)
        : null;
      const quotes = draftQuotes.map((quote, index) => ({
        ...facts[index],
        ...(originals
          ? { originalApproved: originals.some((original) => rendersOriginal(quote, original)) }
          : {}),
        sourceKnownToEditors: quote.confidentialSource
          ? (quote.confidentialSource.editorsWhoKnow ?? []).length
          : null,
      }));

      // What readers last saw: the content recorded on the draft at its last publish (see
      // services/publication). It is the published version while there is one, and it outlives an
      // unpublish, so unpublishing cannot launder a silent change (R9). Reading it off the draft
      // spares the gate loading the published version with its relations on every publish.
      const previous: StorySnapshot['previous'] =
        draft.lastPublishedContent && draft.lastPublishedAt
          ? {
              content: draft.lastPublishedContent as ReaderVisible,
              publishedAt: draft.lastPublishedAt,
            }
          : null;
      // R9's excuses (a correction since, a declaration) matter only for a draft that differs
      // from what readers saw: a republish without reader-visible changes does not look them up.
      const changedFields = previous ? readerVisibleChanges(draft, previous.content) : [];
      const changed = changedFields.length > 0;
      const declaration = changed ? await pendingDeclaration(draft) : null;
      const snapshot: StorySnapshot = {
        draft,
        quotes,
        previous,
        correctionsSincePublish: changed ? await correctionsFor(draft, previous!.publishedAt) : [],
        nonSubstantiveReason: declaration?.reason ?? null,
        documentTexts: await getService('document-text', { strapi }).textsFor([
          ...new Set(
            (draft.citations ?? []).flatMap(({ sourceDocument }) =>
              sourceDocument ? [sourceDocument.documentId] : []
            )
          ),
        ]),
      };
      const config = getConfig(strapi);
      // The app's house rules, each with what its `load` read for this draft (once per assessment).
      const house = getService('house-rules', { strapi });
      const houseRules = await house.prepare(draft);
      const verdict = evaluateRules(snapshot, house.levels(), config, houseRules);
      // Overrides (rules/overrides.ts): looked up only where the config lets a rule be overridden.
      const permissions = config.overrides;
      const { readiness, used } = applyOverrides(
        verdict,
        Object.keys(permissions).length > 0 && verdict.errors.length > 0
          ? await pendingOverrides(draft)
          : [],
        permissions
      );
      if (previous) {
        // What a correction issued now explains, and what the next publish shows readers.
        readiness.changedSincePublish = changedFields;
        readiness.changesSincePublish = changed ? readerVisibleDiff(draft, previous.content) : [];
      }
      if (houseRules.rules.length > 0) {
        readiness.houseRules = house
          .infos()
          .filter(({ code }) => houseRules.rules.some((rule) => rule.code === code));
      }
      // Where each cited passage is in its PDF (R11), shown once any cited document has one.
      if (config.rules.R11 !== 'off' && Object.keys(snapshot.documentTexts ?? {}).length > 0) {
        readiness.passages = checkCitedPassages(snapshot);
      }
      return { readiness, snapshot, declaration, overrides: used };
    },

    /** The verdict, and the draft revision it is for: the version later writes are based on. */
    async evaluate(
      documentId: string,
      locale?: string
    ): Promise<Readiness & { revision: string | null }> {
      const { readiness: verdict, snapshot } = await this.assess(documentId, locale);
      return { ...verdict, revision: snapshot.draft.revision ?? null };
    },
  };
};

export default readiness;
