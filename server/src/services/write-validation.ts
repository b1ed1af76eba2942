import type { Core, UID } from '@strapi/strapi';
import type { yup } from '@strapi/utils';

import { pageExists } from '../../../shared/contracts/citations';
import { LATE_AFTER_DAYS } from '../../../shared/contracts/corrections';
import type { Correction, SourceDocument, Story } from '../types/content-types';
import { buildAttributeSchema } from '../validation/attribute-schema';
import { typeRules, type ValidatedUID } from '../validation';
import {
  fieldProblemsError,
  validateInLanguage,
  type FieldProblem,
} from '../validation/localized-errors';
import { editorLanguage } from '../utils/editor-language';
import { getService } from '../utils/get-service';
import { CORRECTION_UID, SOURCE_DOCUMENT_UID, STORY_UID } from '../utils/plugin-id';

type Violation = FieldProblem;

const LATE_AFTER_MS = LATE_AFTER_DAYS * 24 * 60 * 60 * 1000;

const toTime = (value: unknown) => (value ? new Date(String(value)).getTime() : null);

/**
 * Every write to the plugin's types passes here twice: the input is checked field by field before
 * the write, and the stored draft is checked as a whole after it, inside the same transaction, so
 * that a rule spanning fields or documents (a cited page within the cited document) holds whatever
 * shape the input had (Content Manager payloads, partial updates from code).
 */
const writeValidation = ({ strapi }: { strapi: Core.Strapi }) => {
  const schemas = new Map<ValidatedUID, yup.AnySchema>();

  const inputSchema = (uid: ValidatedUID) => {
    if (!schemas.has(uid)) {
      schemas.set(uid, buildAttributeSchema(strapi, strapi.getModel(uid)).concat(typeRules[uid]));
    }
    return schemas.get(uid)!;
  };

  const storyViolations = async (documentId: string, locale?: string): Promise<Violation[]> => {
    const story = (await strapi.documents(STORY_UID).findOne({
      documentId,
      ...(locale ? { locale } : {}),
      status: 'draft',
      fields: ['slug', 'locale', 'translatedFrom'],
      populate: {
        citations: { populate: { sourceDocument: { fields: ['title', 'pageCount'] } } },
      },
    })) as Pick<Story, 'slug' | 'citations' | 'locale' | 'translatedFrom'> | null;
    if (!story) {
      return [];
    }

    const violations: Violation[] = [];
    story.citations?.forEach((citation, index) => {
      const document = citation.sourceDocument;
      if (document && citation.page && !pageExists(citation.page, document.pageCount)) {
        violations.push({
          path: ['citations', String(index), 'page'],
          id: 'page-missing',
          values: { page: citation.page, document: document.title, pageCount: document.pageCount },
        });
      }
    });

    // Unique among the stories of one language: a translation may keep its original's slug.
    const sameSlug = await strapi.documents(STORY_UID).count({
      filters: { slug: story.slug, documentId: { $ne: documentId } },
      locale: story.locale ?? undefined,
      status: 'draft',
    });
    if (sameSlug > 0) {
      violations.push({ path: ['slug'], id: 'slug-taken', values: { slug: story.slug } });
    }

    // A translation names the version it was translated from: another language of this story.
    if (story.translatedFrom) {
      const codes = await getService('locales', { strapi }).codes();
      const original =
        story.translatedFrom !== story.locale &&
        codes.includes(story.translatedFrom) &&
        (await strapi.documents(STORY_UID).count({
          filters: { documentId },
          locale: story.translatedFrom,
          status: 'draft',
        }));
      if (!original) {
        violations.push({
          path: ['translatedFrom'],
          id: 'translated-from-unknown',
          values: { locale: story.translatedFrom },
        });
      }
    }
    return violations;
  };

  const sourceDocumentViolations = async (documentId: string): Promise<Violation[]> => {
    const document = (await strapi.documents(SOURCE_DOCUMENT_UID).findOne({
      documentId,
      status: 'draft',
      fields: ['pageCount', 'documentDate', 'releaseDate'],
      populate: { keyJudgments: { fields: ['page'] } },
    })) as Pick<
      SourceDocument,
      'pageCount' | 'documentDate' | 'releaseDate' | 'keyJudgments'
    > | null;
    if (!document) {
      return [];
    }

    const violations: Violation[] = [];
    const documentDate = toTime(document.documentDate);
    const releaseDate = toTime(document.releaseDate);
    if (documentDate !== null && releaseDate !== null && releaseDate < documentDate) {
      violations.push({ path: ['releaseDate'], id: 'release-before-document' });
    }
    document.keyJudgments?.forEach((judgment, index) => {
      if (judgment.page && document.pageCount && !pageExists(judgment.page, document.pageCount)) {
        violations.push({
          path: ['keyJudgments', String(index), 'page'],
          id: 'judgment-page-beyond',
          values: { page: judgment.page, pageCount: document.pageCount },
        });
      }
    });
    return violations;
  };

  const correctionViolations = async (documentId: string): Promise<Violation[]> => {
    const correction = (await strapi.documents(CORRECTION_UID).findOne({
      documentId,
      fields: ['storyDocumentId', 'storyLocale', 'issuedAt', 'lateReason', 'carriedFrom'],
      populate: { supersedes: { fields: ['storyDocumentId', 'storyLocale'] } },
    })) as Pick<
      Correction,
      'storyDocumentId' | 'storyLocale' | 'issuedAt' | 'lateReason' | 'supersedes' | 'carriedFrom'
    > | null;
    if (!correction) {
      return [];
    }

    const violations: Violation[] = [];
    // Corrections are per language: the story must be published in the correction's locale.
    const locale = correction.storyLocale ?? undefined;
    const story = (await strapi.documents(STORY_UID).findOne({
      documentId: correction.storyDocumentId,
      ...(locale ? { locale } : {}),
      status: 'published',
      fields: ['firstPublishedAt'],
    })) as Pick<Story, 'firstPublishedAt'> | null;
    if (!story) {
      const exists = await strapi.documents(STORY_UID).count({
        filters: { documentId: correction.storyDocumentId },
        ...(locale ? { locale } : {}),
      });
      violations.push(
        exists
          ? { path: ['storyDocumentId'], id: 'story-not-published' }
          : {
              path: ['storyDocumentId'],
              id: 'story-unknown',
              values: { documentId: correction.storyDocumentId },
            }
      );
    }

    const firstPublished = toTime(story?.firstPublishedAt);
    const issued = toTime(correction.issuedAt);
    if (
      firstPublished !== null &&
      issued !== null &&
      issued - firstPublished > LATE_AFTER_MS &&
      !correction.lateReason?.trim()
    ) {
      violations.push({
        path: ['lateReason'],
        id: 'late',
        values: {
          days: LATE_AFTER_DAYS,
          firstPublished: new Date(firstPublished).toISOString().slice(0, 10),
        },
      });
    }

    // A carried-over correction names one of the same story, issued in another language.
    if (correction.carriedFrom) {
      const original = (await strapi.documents(CORRECTION_UID).findOne({
        documentId: correction.carriedFrom,
        fields: ['storyDocumentId', 'storyLocale'],
      })) as Pick<Correction, 'storyDocumentId' | 'storyLocale'> | null;
      if (
        !original ||
        original.storyDocumentId !== correction.storyDocumentId ||
        original.storyLocale === correction.storyLocale
      ) {
        violations.push({ path: ['carriedFrom'], id: 'carried-from-other' });
      }
    }

    const superseded = correction.supersedes;
    if (
      superseded &&
      (superseded.storyDocumentId !== correction.storyDocumentId ||
        (superseded.storyLocale ?? null) !== (correction.storyLocale ?? null))
    ) {
      violations.push({ path: ['supersedes'], id: 'supersedes-other-story' });
    }
    return violations;
  };

  const consistencyChecks: Partial<
    Record<UID.ContentType, (documentId: string, locale?: string) => Promise<Violation[]>>
  > = {
    [STORY_UID]: storyViolations,
    [SOURCE_DOCUMENT_UID]: sourceDocumentViolations,
    [CORRECTION_UID]: correctionViolations,
  };

  return {
    async assertValidInput(uid: ValidatedUID, data: unknown) {
      await validateInLanguage(inputSchema(uid), data ?? {}, editorLanguage(strapi));
    },

    /** `locale`: the version written, for a localized type (Strapi i18n). */
    async assertConsistent(uid: ValidatedUID, documentId: string, locale?: string) {
      const check = consistencyChecks[uid];
      const problems = check ? await check(documentId, locale) : [];
      if (problems.length > 0) {
        throw fieldProblemsError(problems, editorLanguage(strapi));
      }
    },
  };
};

export default writeValidation;
