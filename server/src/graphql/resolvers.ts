import type { Core } from '@strapi/strapi';
import { validateYupSchema } from '@strapi/utils';

import type { CorrectionKind } from '../../../shared/contracts/corrections';
import type { StoryKind } from '../../../shared/contracts/stories';
import type { SourceDocument } from '../types/content-types';
import { getService } from '../utils/get-service';
import { paginationMeta } from '../utils/pagination';
import { CORRECTION_UID, SOURCE_DOCUMENT_UID, STORY_UID } from '../utils/plugin-id';
import { PUBLIC_SOURCE_DOCUMENT_SHAPE, PUBLIC_STORY_SHAPE } from '../utils/public-fields';
import { jsonLdQuerySchema } from '../validation/correction-feed-query';
import {
  asRestRequest,
  restLocale,
  restPagination,
  type GraphqlContext,
  type PaginationArg,
} from './rest-request';

type StoriesArgs = {
  locale?: string | null;
  kind?: StoryKind | null;
  sourceDocument?: string | null;
  pagination?: PaginationArg | null;
};
type StoryArgs = { slugOrDocumentId: string; locale?: string | null };
type CorrectionsArgs = {
  locale?: string | null;
  kind?: CorrectionKind | null;
  since?: string | null;
  pagination?: PaginationArg | null;
};

/**
 * The plugin's Query resolvers. Each turns its arguments into the query its REST route takes and
 * calls the services that route's controller calls (controllers/story.ts, source-document.ts,
 * correction.ts), so both answer the same published stories, the same allow-listed fields and the
 * same refusals (a ValidationError naming the argument). The permission each needs is in ./index.
 */
export const publicQueryResolvers = (strapi: Core.Strapi) => {
  const publicApi = () => getService('public-api', { strapi });
  const publicStories = () => getService('public-stories', { strapi });

  /** The story shape's query checks, which also resolve the locale (the app's default if none). */
  const storyQuery = async (context: GraphqlContext, query: Record<string, unknown>) => {
    const ctx = asRestRequest(context, query);
    return { ctx, parsed: await publicApi().parseQuery(ctx, STORY_UID, PUBLIC_STORY_SHAPE) };
  };

  /** The app's locale the argument names, or its default one; refused when the app has none so. */
  const resolveLocale = (locale: unknown) => getService('locales', { strapi }).resolve(locale);

  return {
    async intelligenceStories(_parent: unknown, args: StoriesArgs, context: GraphqlContext) {
      const filters = {
        ...(args.kind ? { kind: { $eq: args.kind } } : {}),
        ...(args.sourceDocument
          ? { sourceDocuments: { documentId: { $eq: args.sourceDocument } } }
          : {}),
      };
      const { ctx, parsed } = await storyQuery(context, {
        ...(Object.keys(filters).length > 0 ? { filters } : {}),
        ...restPagination(args.pagination),
        ...restLocale(args.locale),
      });
      const { data, total } = await publicStories().findPage(ctx, parsed);
      return { nodes: data, pageInfo: publicApi().paginationMeta(parsed, total) };
    },

    async intelligenceStory(_parent: unknown, args: StoryArgs, context: GraphqlContext) {
      const { ctx, parsed } = await storyQuery(context, restLocale(args.locale));
      return publicStories().findOne(ctx, args.slugOrDocumentId, {
        fields: parsed.fields,
        locale: parsed.locale!,
      });
    },

    async intelligenceStoryJsonLd(_parent: unknown, args: StoryArgs, context: GraphqlContext) {
      const ctx = asRestRequest(context, restLocale(args.locale));
      const params = (await validateYupSchema(jsonLdQuerySchema)(ctx.query)) as { locale?: string };
      const locale = await resolveLocale(params.locale);
      const story = await publicStories().findOne(ctx, args.slugOrDocumentId, { locale });
      if (!story) {
        return null;
      }
      return publicStories().jsonLd(ctx, story, locale);
    },

    async intelligenceSourceDocuments(
      _parent: unknown,
      args: { pagination?: PaginationArg | null },
      context: GraphqlContext
    ) {
      const ctx = asRestRequest(context, restPagination(args.pagination));
      const api = publicApi();
      const query = await api.parseQuery(ctx, SOURCE_DOCUMENT_UID, PUBLIC_SOURCE_DOCUMENT_SHAPE);
      const { results, total } = await api.findPublishedPage(
        SOURCE_DOCUMENT_UID,
        query,
        PUBLIC_SOURCE_DOCUMENT_SHAPE
      );
      return {
        nodes: await api.sanitizeOutput(results as SourceDocument[], SOURCE_DOCUMENT_UID, ctx),
        pageInfo: api.paginationMeta(query, total),
      };
    },

    async intelligenceSourceDocument(
      _parent: unknown,
      args: { documentId: string },
      context: GraphqlContext
    ) {
      const ctx = asRestRequest(context, {});
      const api = publicApi();
      const query = await api.parseQuery(ctx, SOURCE_DOCUMENT_UID, PUBLIC_SOURCE_DOCUMENT_SHAPE);
      const found = await api.findPublishedOne(
        SOURCE_DOCUMENT_UID,
        { documentId: args.documentId },
        query,
        PUBLIC_SOURCE_DOCUMENT_SHAPE
      );
      return found ? api.sanitizeOutput(found as SourceDocument, SOURCE_DOCUMENT_UID, ctx) : null;
    },

    async intelligenceCorrections(
      _parent: unknown,
      args: CorrectionsArgs,
      context: GraphqlContext
    ) {
      const ctx = asRestRequest(context, {
        ...(args.kind ? { kind: args.kind } : {}),
        ...(args.since !== null && args.since !== undefined ? { since: args.since } : {}),
        ...restPagination(args.pagination),
        ...restLocale(args.locale),
      });
      const feed = getService('correction-feed', { strapi });
      const { query, isPaged } = await feed.listQuery(ctx.query);
      const page = await feed.read(query);
      const sanitized = await publicApi().sanitizeOutput(page.corrections, CORRECTION_UID, ctx);
      return {
        nodes: feed.toFeedCorrections(sanitized, page.stories),
        pageInfo: paginationMeta({ pagination: query.pagination, isPaged }, page.total ?? 0),
      };
    },
  };
};

export type PublicQueryName = keyof ReturnType<typeof publicQueryResolvers>;
