import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { toNewsArticle } from '../formats/news-article';
import type { Story } from '../types/content-types';
import { getService } from '../utils/get-service';
import { STORY_UID } from '../utils/plugin-id';
import type { PublicQuery } from './public-api';
import type { StoryVersion } from './public-snapshot';

// The language versions read with a story from its snapshot, for its JSON-LD only: kept beside
// the object the read returns, so no response can ever serialize them.
const versionsRead = new WeakMap<object, StoryVersion[]>();
import type { StoryWithCorrections } from './stories';

/**
 * The public story routes' reads: from the publish-time snapshot (services/public-snapshot) in
 * one or two queries, or composed live (services/stories) when the snapshot cannot answer (a list
 * filtered or sorted on a relation or component) or is switched off for the equivalence test.
 * Either way the story goes through Strapi's output sanitizer for this request's caller, then
 * gets its corrections, which are not a story attribute the sanitizer would know.
 */
const publicStories = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * One published story by slug or documentId in `locale`, cut to `fields`; null if none is
   * published in that locale.
   */
  async findOne(
    ctx: Context,
    slugOrDocumentId: string,
    { fields, locale }: { fields?: string[]; locale: string }
  ): Promise<StoryWithCorrections | null> {
    const publicApi = getService('public-api', { strapi });
    const snapshot = getService('public-snapshot', { strapi });
    if (snapshot.isServing()) {
      const found = await snapshot.findOne(slugOrDocumentId, locale);
      if (!found) {
        return null;
      }
      const story = snapshot.project(found.story, fields) as Story;
      const served = {
        ...(await publicApi.sanitizeOutput(story, STORY_UID, ctx)),
        corrections: found.corrections,
      };
      if (found.versions) {
        versionsRead.set(served, found.versions);
      }
      return served;
    }
    const stories = getService('stories', { strapi });
    const found = await stories.findPublishedOne(slugOrDocumentId, { fields, locale });
    if (!found) {
      return null;
    }
    const [story] = await stories.withCorrections(
      [await publicApi.sanitizeOutput(found, STORY_UID, ctx)],
      locale
    );
    return story;
  },

  /**
   * A published story as its JSON-LD (a schema.org NewsArticle), with the links of this request
   * and the publisher settings, and its other published language versions linked as translations:
   * what `GET /stories/:slugOrDocumentId/jsonld` and the GraphQL query answer.
   */
  async jsonLd(ctx: Context, story: StoryWithCorrections, locale: string) {
    const [settings, versions, defaultLocale] = await Promise.all([
      getService('settings', { strapi }).get(),
      // Read with the story from its snapshot; composed live, or in a row written before the
      // snapshot kept them, they are looked up.
      versionsRead.get(story) ?? this.publishedVersions(story.documentId),
      getService('locales', { strapi }).defaultLocale(),
    ]);
    const links = getService('public-links', { strapi }).forRequest(ctx, settings, defaultLocale);
    const version = (of: (typeof versions)[number]) => ({
      url: links.story(of),
      locale: of.locale!,
    });
    const original = versions.find((other) => other.locale === story.translatedFrom);
    return toNewsArticle(story, settings, {
      story: links.story(story),
      translationOf: story.translatedFrom && original ? version(original) : null,
      translations: versions
        .filter((other) => other.translatedFrom === locale && other.locale !== locale)
        .map(version),
      correction: (correctionDocumentId) => links.correction(story, correctionDocumentId),
      absolute: links.absolute,
    });
  },

  /**
   * The published language versions of a story, each with the locale it was translated from: what
   * its JSON-LD links as translations (`translationOfWork`, `workTranslation`).
   */
  async publishedVersions(documentId: string): Promise<StoryVersion[]> {
    return (await strapi.documents(STORY_UID).findMany({
      filters: { documentId },
      locale: '*',
      status: 'published',
      fields: ['slug', 'locale', 'translatedFrom'],
    })) as Story[];
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
      data: await stories.withCorrections(
        await publicApi.sanitizeOutput(results, STORY_UID, ctx),
        query.locale!
      ),
      total,
    };
  },
});

export default publicStories;
