import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';

const story = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const publicApi = getService('public-api', { strapi });
    const query = await publicApi.parseQuery(ctx, STORY_UID);
    const { results, total } = await getService('stories', { strapi }).findPublished(query);

    ctx.body = {
      data: await publicApi.sanitizeOutput(results, STORY_UID, ctx),
      meta: { pagination: publicApi.paginationMeta(query, total) },
    };
  },
});

export default story;
