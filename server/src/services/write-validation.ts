import type { Core, UID } from '@strapi/strapi';
import { errors, validateYupSchema, type yup } from '@strapi/utils';

import { pageExists } from '../../../shared/contracts/citations';
import { LATE_AFTER_DAYS } from '../../../shared/contracts/corrections';
import type { Correction, SourceDocument, Story } from '../types/content-types';
import { buildAttributeSchema } from '../validation/attribute-schema';
import { typeRules, type ValidatedUID } from '../validation';
import { CORRECTION_UID, SOURCE_DOCUMENT_UID, STORY_UID } from '../utils/plugin-id';

type Violation = { path: string[]; message: string };

const throwViolations = (violations: Violation[]) => {
  if (violations.length === 0) {
    return;
  }
  throw new errors.ValidationError(violations[0].message, {
    errors: violations.map(({ path, message }) => ({ path, message, name: 'ValidationError' })),
  });
};

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

  const storyViolations = async (documentId: string): Promise<Violation[]> => {
    const story = (await strapi.documents(STORY_UID).findOne({
      documentId,
      status: 'draft',
      fields: ['slug'],
      populate: {
        citations: { populate: { sourceDocument: { fields: ['title', 'pageCount'] } } },
      },
    })) as Pick<Story, 'slug' | 'citations'> | null;
    if (!story) {
      return [];
    }

    const violations: Violation[] = [];
    story.citations?.forEach((citation, index) => {
      const document = citation.sourceDocument;
      if (document && citation.page && !pageExists(citation.page, document.pageCount)) {
        violations.push({
          path: ['citations', String(index), 'page'],
          message: `citations[${index}].page: page ${citation.page} does not exist in "${document.title}", which has ${document.pageCount} pages`,
        });
      }
    });

    const sameSlug = await strapi.documents(STORY_UID).count({
      filters: { slug: story.slug, documentId: { $ne: documentId } },
      status: 'draft',
    });
    if (sameSlug > 0) {
      violations.push({
        path: ['slug'],
        message: `slug: "${story.slug}" is already used by another story`,
      });
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
      violations.push({
        path: ['releaseDate'],
        message: 'releaseDate cannot be earlier than documentDate',
      });
    }
    document.keyJudgments?.forEach((judgment, index) => {
      if (judgment.page && document.pageCount && !pageExists(judgment.page, document.pageCount)) {
        violations.push({
          path: ['keyJudgments', String(index), 'page'],
          message: `keyJudgments[${index}].page: page ${judgment.page} is beyond the document's ${document.pageCount} pages`,
        });
      }
    });
    return violations;
  };

  const correctionViolations = async (documentId: string): Promise<Violation[]> => {
    const correction = (await strapi.documents(CORRECTION_UID).findOne({
      documentId,
      fields: ['storyDocumentId', 'issuedAt', 'lateReason'],
      populate: { supersedes: { fields: ['storyDocumentId'] } },
    })) as Pick<Correction, 'storyDocumentId' | 'issuedAt' | 'lateReason' | 'supersedes'> | null;
    if (!correction) {
      return [];
    }

    const violations: Violation[] = [];
    const story = (await strapi.documents(STORY_UID).findOne({
      documentId: correction.storyDocumentId,
      status: 'published',
      fields: ['firstPublishedAt'],
    })) as Pick<Story, 'firstPublishedAt'> | null;
    if (!story) {
      const exists = await strapi.documents(STORY_UID).count({
        filters: { documentId: correction.storyDocumentId },
      });
      violations.push({
        path: ['storyDocumentId'],
        message: exists
          ? 'storyDocumentId: corrections are issued on published stories; this story is not published'
          : `storyDocumentId: no story has the documentId "${correction.storyDocumentId}"`,
      });
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
        message: `lateReason: this correction comes more than ${LATE_AFTER_DAYS} days after the story was first published (${new Date(firstPublished).toISOString().slice(0, 10)}); say why it is late`,
      });
    }

    const superseded = correction.supersedes;
    if (superseded && superseded.storyDocumentId !== correction.storyDocumentId) {
      violations.push({
        path: ['supersedes'],
        message: 'supersedes: a correction can only supersede a correction of the same story',
      });
    }
    return violations;
  };

  const consistencyChecks: Partial<
    Record<UID.ContentType, (documentId: string) => Promise<Violation[]>>
  > = {
    [STORY_UID]: storyViolations,
    [SOURCE_DOCUMENT_UID]: sourceDocumentViolations,
    [CORRECTION_UID]: correctionViolations,
  };

  return {
    async assertValidInput(uid: ValidatedUID, data: unknown) {
      await validateYupSchema(inputSchema(uid))(data ?? {});
    },

    async assertConsistent(uid: ValidatedUID, documentId: string) {
      const check = consistencyChecks[uid];
      if (check) {
        throwViolations(await check(documentId));
      }
    },
  };
};

export default writeValidation;
