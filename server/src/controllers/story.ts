import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema } from '@strapi/utils';
import type { Context } from 'koa';

import type { GetStories, GetStory, GetStoryJsonLd } from '../../../shared/contracts/stories';
import { toNewsArticle } from '../formats/news-article';
import { sendWithValidators } from '../utils/conditional-get';
import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';
import { PUBLIC_STORY_SHAPE } from '../utils/public-fields';
import { noQuerySchema } from '../validation/correction-feed-query';

const story = ({ strapi }: { strapi: Core.Strapi }) => {
  /** One published story in its public shape, with its corrections; 404 if none matches. */
  const findPublicStory = async (ctx: Context, fields?: string[]) => {
    const publicApi = getService('public-api', { strapi });
    const stories = getService('stories', { strapi });
    const found = await stories.findPublishedOne(ctx.params.slugOrDocumentId, { fields });
    if (!found) {
      throw new errors.NotFoundError('No published story has this slug or documentId');
    }
    const [data] = await stories.withCorrections([
      await publicApi.sanitizeOutput(found, STORY_UID, ctx),
    ]);
    return data;
  };

  return {
    async find(ctx: Context) {
      const publicApi = getService('public-api', { strapi });
      const stories = getService('stories', { strapi });
      const query = await publicApi.parseQuery(ctx, STORY_UID, PUBLIC_STORY_SHAPE);
      const { results, total } = await stories.findPublished(query);

      ctx.body = {
        data: await stories.withCorrections(
          await publicApi.sanitizeOutput(results, STORY_UID, ctx)
        ),
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
        data: await findPublicStory(ctx, query.fields),
        meta: {},
      } satisfies GetStory.Response;
    },

    /** The story as a schema.org NewsArticle, for search engines and fact-check tools. */
    async jsonld(ctx: Context) {
      await validateYupSchema(noQuerySchema)(ctx.query);
      const data = await findPublicStory(ctx);
      const settings = await getService('settings', { strapi }).get();
      const links = getService('public-links', { strapi }).forRequest(ctx, settings);
      const article: GetStoryJsonLd.Response = toNewsArticle(data, settings, {
        story: links.story(data),
        correction: (correctionDocumentId) => links.correction(data, correctionDocumentId),
        absolute: links.absolute,
      });
      sendWithValidators(ctx, JSON.stringify(article), {
        type: 'application/ld+json; charset=utf-8',
        lastModified: data.updatedAt ? new Date(data.updatedAt) : null,
      });
    },
  };
};

export default story;
