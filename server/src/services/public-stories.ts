import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { Story } from '../types/content-types';
import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';
import type { PublicQuery } from './public-api';
import type { StoryWithCorrections } from './stories';

/**
 * The public story routes' reads: from the publish-time snapshot (services/public-snapshot) in
 * one or two queries, or composed live (services/stories) when the snapshot cannot answer (a list
 * filtered or sorted on a relation or component) or is switched off for the equivalence test.
 * Either way the story goes through Strapi's output sanitizer for this request's caller, then
 * gets its corrections, which are not a story attribute the sanitizer would know.
 */
const publicStories = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** One published story by slug or documentId, cut to `fields`; null if none is published. */
  async findOne(
    ctx: Context,
    slugOrDocumentId: string,
    fields?: string[]
  ): Promise<StoryWithCorrections | null> {
    const publicApi = getService('public-api', { strapi });
    const snapshot = getService('public-snapshot', { strapi });
    if (snapshot.isServing()) {
      const found = await snapshot.findOne(slugOrDocumentId);
      if (!found) {
        return null;
      }
      const story = snapshot.project(found.story, fields) as Story;
      return {
        ...(await publicApi.sanitizeOutput(story, STORY_UID, ctx)),
        corrections: found.corrections,
      };
    }
    const stories = getService('stories', { strapi });
    const found = await stories.findPublishedOne(slugOrDocumentId, { fields });
    if (!found) {
      return null;
    }
    const [story] = await stories.withCorrections([
      await publicApi.sanitizeOutput(found, STORY_UID, ctx),
    ]);
    return story;
  },

  /** A page of the list and the total for its pagination. */
  async findPage(
    ctx: Context,
    query: PublicQuery<typeof STORY_UID>
  ): Promise<{ data: StoryWithCorrections[]; total: number }> {
    const publicApi = getService('public-api', { strapi });
    const snapshot = getService('public-snapshot', { strapi });
    const page = snapshot.isServing() ? await snapshot.findPage(query) : null;
    if (page) {
      const sanitized = await publicApi.sanitizeOutput(
        page.results.map(({ story }) => snapshot.project(story, query.fields) as Story),
        STORY_UID,
        ctx
      );
      return {
        data: sanitized.map((story, index) => ({
          ...story,
          corrections: page.results[index].corrections,
        })),
        total: page.total,
      };
    }
    const stories = getService('stories', { strapi });
    const { results, total } = await stories.findPublished(query);
    return {
      data: await stories.withCorrections(await publicApi.sanitizeOutput(results, STORY_UID, ctx)),
      total,
    };
  },
});

export default publicStories;
