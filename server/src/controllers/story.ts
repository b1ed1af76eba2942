import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';
import { PUBLIC_STORY_SHAPE } from '../utils/public-fields';

const story = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const publicApi = getService('public-api', { strapi });
    const stories = getService('stories', { strapi });
    const query = await publicApi.parseQuery(ctx, STORY_UID, PUBLIC_STORY_SHAPE);
    const { results, total } = await stories.findPublished(query);

    ctx.body = {
      data: await stories.withCorrections(await publicApi.sanitizeOutput(results, STORY_UID, ctx)),
      meta: { pagination: publicApi.paginationMeta(query, total) },
    };
  },

  async findOne(ctx: Context) {
    const publicApi = getService('public-api', { strapi });
    const stories = getService('stories', { strapi });
    const query = await publicApi.parseQuery(ctx, STORY_UID, PUBLIC_STORY_SHAPE);
    const found = await stories.findPublishedOne(ctx.params.slugOrDocumentId, query);
    if (!found) {
      throw new errors.NotFoundError('No published story has this slug or documentId');
    }

    const [data] = await stories.withCorrections([
      await publicApi.sanitizeOutput(found, STORY_UID, ctx),
    ]);
    ctx.body = { data, meta: {} };
  },
});

export default story;
