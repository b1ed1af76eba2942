import type { Core } from '@strapi/strapi';

import { toRuleOverride, type OverrideEntry } from '../rules/overrides';
import { readerVisible } from '../rules/reader-visible-changes';
import type { Story } from '../types/content-types';
import type readinessService from './readiness';
import { editorLanguage } from '../utils/editor-language';
import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';
import { publishRefusedError, type Refusal } from '../utils/publish-refusal';

/**
 * A story's publish, the one use-case every path reaches: the Content Manager's publish and bulk
 * publish, content releases and code all call the Document Service's `publish`, whose middleware
 * (document-middlewares/publish-story) hands the call here. Modelled on review-workflows'
 * `checkStageBeforePublish`: read this file and you have read the publish.
 */
type Assessment = Awaited<ReturnType<ReturnType<typeof readinessService>['assess']>>;

const publication = ({ strapi }: { strapi: Core.Strapi }) => {
  const rulesAreOff = () =>
    Object.values(getService('house-rules', { strapi }).levels()).every((level) => level === 'off');

  return {
    /**
     * Publishes a story's draft, `publishDraft` being Strapi's own publish (the rest of the
     * Document Service call). One transaction, so the verdict, the record and the publish see
     * one state, and a refusal leaves nothing behind.
     */
    async publish<R>(
      documentId: string,
      publishDraft: () => R,
      /** The Document Service's `locale` param: one code, '*' or a list; the default if absent. */
      localeParam?: unknown
    ): Promise<Awaited<R>> {
      return strapi.db.transaction(async (): Promise<Awaited<R>> => {
        const locales = await this.localesToPublish(documentId, localeParam);
        const assessments: Array<Assessment | null> = [];
        for (const locale of locales) {
          assessments.push(await this.prepareVersion(documentId, locale));
        }

        // 4. Publish: Strapi copies the draft(s) to the published row(s).
        const published = await publishDraft();

        for (const [index, locale] of locales.entries()) {
          await this.afterVersionPublished(documentId, locale, assessments[index]);
        }

        // 8. Write what readers now see to the public snapshot (services/public-snapshot), which
        //    the public routes read instead of recomposing the story.
        await getService('public-snapshot', { strapi }).refresh([documentId]);
        return published;
      });
    },

    /** The language versions a publish call covers, as Strapi's publish reads its `locale`. */
    async localesToPublish(documentId: string, localeParam: unknown): Promise<string[]> {
      if (localeParam === '*' || Array.isArray(localeParam)) {
        const drafts = (await strapi.documents(STORY_UID).findMany({
          filters: { documentId },
          locale: '*',
          status: 'draft',
          fields: ['locale'],
        })) as Story[];
        const all = drafts.map(({ locale }) => locale!);
        return localeParam === '*' ? all : all.filter((code) => localeParam.includes(code));
      }
      return [await getService('locales', { strapi }).resolve(localeParam)];
    },

    /** Steps 1–3 for one language version: assess, refuse, record. */
    async prepareVersion(documentId: string, locale: string): Promise<Assessment | null> {
      // 1. Assess the draft against the sourcing rules. With every rule 'off' there is nothing
      //    to check: such a site pays nothing for the rules.
      const assessment = rulesAreOff()
        ? null
        : await getService('readiness', { strapi }).assess(documentId, locale);

      // 2. Refuse, naming every violation, when a rule at 'error' fails.
      if (assessment && assessment.readiness.errors.length > 0) {
        const { readiness, snapshot } = assessment;
        throw publishRefusedError(
          [
            {
              documentId,
              title: snapshot.draft.title,
              violations: readiness.errors,
              warnings: readiness.warnings,
            },
          ],
          editorLanguage(strapi)
        );
      }

      // 3. Record what readers are about to see, on the draft row that Strapi's publish copies
      //    to the published one: the first publication's date (the public "first published"
      //    date, and the clock of the 30-day late-correction rule), the last one's, and the
      //    reader-visible content R9 compares the next republish with, even after an unpublish.
      const draft = assessment?.snapshot.draft ?? (await this.loadDraft(documentId, locale));
      if (draft) {
        await this.record(draft, assessment?.overrides ?? []);
      }
      return assessment;
    },

    /** Steps 5–7 for one language version, once Strapi has published it. */
    async afterVersionPublished(documentId: string, locale: string, assessment: Assessment | null) {
      // 5. The declaration that this republish's changes are not substantive (R9) is used up:
      //    a later change needs its own.
      if (assessment?.declaration) {
        await getService('change-log', { strapi }).markRepublished(assessment.declaration);
      }

      // 6. The rule overrides this publish went through on are used up too: the next publish is
      //    checked again. (They are in the publication record, step 3.)
      for (const override of assessment?.overrides ?? []) {
        await getService('change-log', { strapi }).markRepublished(override);
      }

      // 7. The corrections held for this draft go public with it: readers never see a fix
      //    without its correction, or a correction without its fix (services/corrections).
      if ((await getService('corrections', { strapi }).releaseHeld(documentId, locale)) > 0) {
        await getService('correction-feed', { strapi }).recordCorrectionWritten();
      }
      getService('webhook-events', { strapi }).storyPublished(documentId, locale, assessment);
    },

    /**
     * Checks every story of a selection before any is published (the Content Manager's bulk
     * publish runs its publishes concurrently, and one refused mid-way would not undo the others).
     * Stories that do not exist are left to the Content Manager to answer for.
     */
    async assertPublishable(documentIds: string[], localeParam?: unknown): Promise<void> {
      if (rulesAreOff()) {
        return;
      }
      const readiness = getService('readiness', { strapi });
      const locale = await getService('locales', { strapi }).resolve(localeParam);
      const refusals: Refusal[] = [];
      for (const documentId of documentIds) {
        const found = await strapi
          .documents(STORY_UID)
          .findOne({ documentId, locale, fields: ['id'] });
        if (!found) {
          continue;
        }
        const { readiness: verdict, snapshot } = await readiness.assess(documentId, locale);
        if (verdict.errors.length > 0) {
          refusals.push({ documentId, title: snapshot.draft.title, violations: verdict.errors });
        }
      }
      if (refusals.length > 0) {
        throw publishRefusedError(refusals, editorLanguage(strapi));
      }
    },

    /** What recording a publication reads off the draft when the rules did not load it. */
    async loadDraft(documentId: string, locale?: string) {
      return (await strapi.documents(STORY_UID).findOne({
        documentId,
        ...(locale ? { locale } : {}),
        status: 'draft',
        populate: {
          citations: { populate: { sourceDocument: { fields: ['documentId'] } } },
          anonymousQuotes: true,
        },
      })) as Story | null;
    },

    /**
     * Through the query engine: the story's own writes may not set these fields (see
     * document-middlewares/keep-publication-record), and a Document Service update would pass
     * through that guard.
     */
    async record(draft: Story, overrides: OverrideEntry[] = []) {
      const now = new Date();
      await strapi.db.query(STORY_UID).update({
        where: { id: draft.id },
        data: {
          firstPublishedAt: draft.firstPublishedAt ?? now,
          lastPublishedAt: now,
          lastPublishedContent: readerVisible(draft),
          // The rules this publish went through on by override, and whose decision each was.
          lastPublishedOverrides: overrides.length > 0 ? overrides.map(toRuleOverride) : null,
        },
      });
    },
  };
};

export default publication;
