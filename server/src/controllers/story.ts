import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema } from '@strapi/utils';
import type { Context } from 'koa';

import type { GetStories, GetStory, GetStoryJsonLd } from '../../../shared/contracts/stories';
import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';
import { PUBLIC_STORY_SHAPE } from '../utils/public-fields';
import { storyKeys, SURROGATE_KEYS, tagResponse } from '../utils/surrogate-keys';
import { jsonLdQuerySchema } from '../validation/correction-feed-query';

const story = ({ strapi }: { strapi: Core.Strapi }) => {
  /** One published story in its public shape, with its corrections; 404 if none matches. */
  const findPublicStory = async (ctx: Context, query: { fields?: string[]; locale: string }) => {
    const data = await getService('public-stories', { strapi }).findOne(
      ctx,
      ctx.params.slugOrDocumentId,
      query
    );
    if (!data) {
      // Any story's publish may give this address a story: each purges the lists' key.
      tagResponse(ctx, [SURROGATE_KEYS.stories]);
      throw new errors.NotFoundError(
        `No story with this slug or documentId is published in locale ${query.locale}`
      );
    }
    tagResponse(ctx, storyKeys(data));
    return data;
  };

  return {
    async find(ctx: Context) {
      const publicApi = getService('public-api', { strapi });
      const query = await publicApi.parseQuery(ctx, STORY_UID, PUBLIC_STORY_SHAPE);
      const { data, total } = await getService('public-stories', { strapi }).findPage(ctx, query);

      // The stories, not their source documents: a list of 100 would outgrow a cache's header
      // limit, and a source document's change purges the stories that cite it.
      tagResponse(ctx, [
        SURROGATE_KEYS.stories,
        ...data.map(({ documentId }) => SURROGATE_KEYS.story(documentId)),
      ]);
      ctx.body = {
        data,
        meta: { pagination: publicApi.paginationMeta(query, total) },
      } satisfies GetStories.Response;
    },

    async findOne(ctx: Context) {
      const query = await getService('public-api', { strapi }).parseQuery(
        ctx,
        STORY_UID,
        PUBLIC_STORY_SHAPE
      );
      ctx.body = {
        data: await findPublicStory(ctx, { fields: query.fields, locale: query.locale! }),
        meta: {},
      } satisfies GetStory.Response;
    },

    /** The story as a schema.org NewsArticle, for search engines and fact-check tools. */
    async jsonld(ctx: Context) {
      const params = (await validateYupSchema(jsonLdQuerySchema)(ctx.query)) as { locale?: string };
      const locale = await getService('locales', { strapi }).resolve(params.locale);
      const data = await findPublicStory(ctx, { locale });
      const article: GetStoryJsonLd.Response = await getService('public-stories', {
        strapi,
      }).jsonLd(ctx, data, locale);
      tagResponse(ctx, [SURROGATE_KEYS.settings]);
      ctx.type = 'application/ld+json; charset=utf-8';
      if (data.updatedAt) {
        ctx.lastModified = new Date(data.updatedAt);
      }
      ctx.body = JSON.stringify(article);
    },
  };
};

export default story;
