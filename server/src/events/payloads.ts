import type { Core, Modules, UID } from '@strapi/strapi';

import type { PublicCorrection } from '../../../shared/contracts/corrections';
import type { PublicSourceDocument } from '../../../shared/contracts/library';
import type { Decision } from '../../../shared/contracts/quotes';
import type { PublicStory } from '../../../shared/contracts/stories';
import { toPublicCorrection } from '../services/corrections';
import type { AnonymousQuote, Correction, SourceDocumentText, Story } from '../types/content-types';
import { getService } from '../utils/get-service';
import {
  CORRECTION_UID,
  SOURCE_DOCUMENT_TEXT_UID,
  SOURCE_DOCUMENT_UID,
  STORY_UID,
} from '../utils/plugin-id';
import {
  inSelectionOrder,
  PUBLIC_CORRECTION_FIELDS,
  PUBLIC_SOURCE_DOCUMENT_SHAPE,
  PUBLIC_STORY_FIELDS,
  PUBLIC_STORY_POPULATE,
  PUBLIC_STORY_SHAPE,
  type PublicShape,
} from '../utils/public-fields';
import type { GateResult } from './gate';

/**
 * What each event carries. Only the public allow-lists' fields (utils/public-fields), read after
 * the write committed and passed through the Content API's output sanitizer; `model` and `uid` as
 * in Strapi's own `entry.*` events, so a handler written for those can tell these apart.
 */

type Locale = string | null | undefined;

/** A story named in another event: its documentId, and its language and public names if it has them. */
export type StoryReference = {
  documentId: string;
  locale?: string;
  title?: string;
  slug?: string;
};

export type StoryPublishedPayload = {
  model: string;
  uid: typeof STORY_UID;
  /** The version just published, as GET /api/intelligence-stories/stories/:slug serves it. */
  entry: PublicStory & { locale?: string };
  gate: GateResult;
};

export type CorrectionIssuedPayload = {
  model: string;
  uid: typeof CORRECTION_UID;
  entry: PublicCorrection & { locale?: string };
  story: StoryReference;
};

export type ApprovalDecidedPayload = {
  model: string;
  uid: typeof STORY_UID;
  decision: Decision;
  /** The story's draft, on which the decision was made. */
  story: StoryReference;
  /** The quote decided on, in its public fields; null if an edit removed it meanwhile. */
  quote: { index: number; quote: string; attribution: string; anonymityReason: string } | null;
};

export type TextExtractedPayload = {
  model: string;
  uid: typeof SOURCE_DOCUMENT_UID;
  documentId: string;
  /** The published version in its public shape; null while the document is not published. */
  entry: PublicSourceDocument | null;
};

// Taken from the allow-lists, so a field they drop is dropped here too.
const STORY_NAMES = ['title', 'slug', 'locale'].filter((field) =>
  PUBLIC_STORY_FIELDS.includes(field)
);
const QUOTE_FIELDS = PUBLIC_STORY_POPULATE.anonymousQuotes.fields;

const localeParam = (locale: Locale) => (locale ? { locale } : {});

/** The fields of a list that the type has (`locale` comes with Strapi's i18n plugin). */
const existing = (strapi: Core.Strapi, uid: UID.ContentType, fields: string[]) => {
  const { attributes } = strapi.getModel(uid);
  return fields.filter((field) => field in attributes);
};

const sanitized = <T>(strapi: Core.Strapi, uid: UID.ContentType, data: T): Promise<T> =>
  strapi.contentAPI.sanitize.output(data, strapi.getModel(uid)) as Promise<T>;

const describe = (strapi: Core.Strapi, uid: UID.ContentType) => ({
  model: strapi.getModel(uid).modelName,
  uid,
});

/** A published document in a public shape, sanitized as the Content API's routes do. */
const publishedInShape = async <T>(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  shape: PublicShape,
  documentId: string,
  locale?: Locale
): Promise<T | null> => {
  const found = await strapi.documents(uid).findOne({
    documentId,
    status: 'published',
    ...localeParam(locale),
    fields: existing(strapi, uid, shape.fields),
    populate: shape.populate,
  } as Modules.Documents.ServiceParams<typeof uid>['findOne']);
  return found ? sanitized(strapi, uid, inSelectionOrder(found as T, shape)) : null;
};

const storyReference = (documentId: string, story: Partial<Story> | null): StoryReference => ({
  documentId,
  ...(story?.locale ? { locale: story.locale } : {}),
  ...(story?.title ? { title: story.title } : {}),
  ...(story?.slug ? { slug: story.slug } : {}),
});

export const storyPublishedPayload = async (
  strapi: Core.Strapi,
  documentId: string,
  locale: Locale,
  gate: GateResult
): Promise<StoryPublishedPayload | null> => {
  const story = await publishedInShape<Story>(
    strapi,
    STORY_UID,
    PUBLIC_STORY_SHAPE,
    documentId,
    locale
  );
  if (!story) {
    // Unpublished again before this was sent: there is nothing public to describe.
    return null;
  }
  // Its corrections are those of this language version, as the public routes show them.
  const [entry] = await getService('stories', { strapi }).withCorrections(
    [story],
    (story.locale ?? locale) as string
  );
  return {
    ...describe(strapi, STORY_UID),
    uid: STORY_UID,
    entry: entry as unknown as StoryPublishedPayload['entry'],
    gate,
  };
};

export const correctionIssuedPayload = async (
  strapi: Core.Strapi,
  correctionDocumentId: string
): Promise<CorrectionIssuedPayload | null> => {
  // Corrections have no drafts: the row as stored, with the language version it corrects.
  const correction = (await strapi.db.query(CORRECTION_UID).findOne({
    where: { documentId: correctionDocumentId },
    select: [
      'documentId',
      ...existing(strapi, CORRECTION_UID, [...PUBLIC_CORRECTION_FIELDS, 'storyLocale']),
    ],
    populate: { supersedes: { select: ['documentId'] } },
  })) as Correction | null;
  if (!correction) {
    return null;
  }
  const story = (await strapi.documents(STORY_UID).findOne({
    documentId: correction.storyDocumentId,
    status: 'published',
    ...localeParam(correction.storyLocale),
    fields: existing(strapi, STORY_UID, STORY_NAMES),
  } as Modules.Documents.ServiceParams<typeof STORY_UID>['findOne'])) as Story | null;
  return {
    ...describe(strapi, CORRECTION_UID),
    uid: CORRECTION_UID,
    entry: {
      ...toPublicCorrection(correction),
      ...(correction.storyLocale ? { locale: correction.storyLocale } : {}),
    },
    story: storyReference(correction.storyDocumentId, story),
  };
};

export const approvalDecidedPayload = async (
  strapi: Core.Strapi,
  storyDocumentId: string,
  quoteIndex: number,
  decision: Decision,
  locale: Locale
): Promise<ApprovalDecidedPayload> => {
  const draft = (await strapi.documents(STORY_UID).findOne({
    documentId: storyDocumentId,
    status: 'draft',
    ...localeParam(locale),
    fields: existing(strapi, STORY_UID, STORY_NAMES),
    populate: { anonymousQuotes: { fields: QUOTE_FIELDS } },
  } as Modules.Documents.ServiceParams<typeof STORY_UID>['findOne'])) as Story | null;
  const quote = draft?.anonymousQuotes?.[quoteIndex] as AnonymousQuote | undefined;
  return {
    ...describe(strapi, STORY_UID),
    uid: STORY_UID,
    decision,
    story: storyReference(storyDocumentId, draft),
    quote: quote
      ? {
          index: quoteIndex,
          quote: quote.quote,
          attribution: quote.attribution,
          anonymityReason: quote.anonymityReason,
        }
      : null,
  };
};

export const textExtractedPayload = async (
  strapi: Core.Strapi,
  job: { id: number; requestId?: string | null }
): Promise<TextExtractedPayload | null> => {
  // The job's row, if this reading was the one written (a file replaced meanwhile supersedes it).
  const row = (await strapi.db.query(SOURCE_DOCUMENT_TEXT_UID).findOne({
    select: ['sourceDocumentId'],
    where: { id: job.id, requestId: job.requestId, status: 'done' },
  })) as Pick<SourceDocumentText, 'sourceDocumentId'> | null;
  if (!row) {
    return null;
  }
  return {
    ...describe(strapi, SOURCE_DOCUMENT_UID),
    uid: SOURCE_DOCUMENT_UID,
    documentId: row.sourceDocumentId,
    entry: await publishedInShape<PublicSourceDocument>(
      strapi,
      SOURCE_DOCUMENT_UID,
      PUBLIC_SOURCE_DOCUMENT_SHAPE,
      row.sourceDocumentId
    ),
  };
};
