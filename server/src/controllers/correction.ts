import type { Core } from '@strapi/strapi';
import { validateYupSchema } from '@strapi/utils';
import type { Context } from 'koa';

import type { CorrectionKind, GetCorrections } from '../../../shared/contracts/corrections';
import { toCorrectionsJsonFeed } from '../formats/corrections-json-feed';
import { toCorrectionsRss, type FeedChannel } from '../formats/corrections-rss';
import type { FeedQuery } from '../services/correction-feed';
import { getService } from '../utils/get-service';
import { paginationMeta } from '../utils/pagination';
import { CORRECTION_UID } from '../utils/plugin-id';
import { SURROGATE_KEYS, tagResponse } from '../utils/surrogate-keys';
import { correctionFeedQuerySchema } from '../validation/correction-feed-query';

/** Last-Modified lets feed readers poll with If-Modified-Since (middlewares/http-cache answers). */
const send = (ctx: Context, payload: string, type: string, lastModified: Date | null) => {
  ctx.type = type;
  if (lastModified) {
    ctx.lastModified = lastModified;
  }
  ctx.body = payload;
};

// Feed readers want the latest corrections, not pages of history: that is what the JSON list is for.
const FEED_LENGTH = 50;

/**
 * The public record of corrections across all published stories. These routes take no filters,
 * sort, fields or populate (their schemas refuse them), so Strapi's query validators have nothing
 * to check; their output still goes through its output sanitizer.
 */
const correction = ({ strapi }: { strapi: Core.Strapi }) => {
  const feedPage = async (ctx: Context, query: FeedQuery) => {
    const feed = getService('correction-feed', { strapi });
    const page = await feed.read(query);
    // Each correction shows its story's title and address (keys in the page's order).
    tagResponse(ctx, [
      SURROGATE_KEYS.corrections,
      ...page.corrections.map(({ storyDocumentId }) => SURROGATE_KEYS.story(storyDocumentId)),
    ]);
    const sanitized = await getService('public-api', { strapi }).sanitizeOutput(
      page.corrections,
      CORRECTION_UID,
      ctx
    );
    return { ...page, corrections: feed.toFeedCorrections(sanitized, page.stories) };
  };

  const channelFor = async (
    ctx: Context,
    feedPath: string,
    locale: string
  ): Promise<FeedChannel> => {
    const settings = await getService('settings', { strapi }).get();
    const defaultLocale = await getService('locales', { strapi }).defaultLocale();
    const links = getService('public-links', { strapi }).forRequest(ctx, settings, defaultLocale);
    return {
      title: settings.publisherName ? `${settings.publisherName}: corrections` : 'Corrections',
      description:
        'Corrections, clarifications, updates, editor’s notes and retractions issued on published stories, newest first.',
      home: links.home,
      // A feed per language: its own address names its locale unless it is the app's default.
      feedUrl: `${links.apiBase}${feedPath}${
        locale === defaultLocale ? '' : `?locale=${encodeURIComponent(locale)}`
      }`,
      language: locale,
      updated: null,
      correctionUrl: ({ story, documentId }) => links.correction({ ...story, locale }, documentId),
    };
  };

  const latestFeed = async (ctx: Context, feedPath: string) => {
    const params = (await validateYupSchema(correctionFeedQuerySchema)(ctx.query)) as {
      kind?: CorrectionKind;
      locale?: string;
    };
    const locale = await getService('locales', { strapi }).resolve(params.locale);
    const [page, channel] = await Promise.all([
      feedPage(ctx, {
        kind: params.kind,
        locale,
        pagination: { start: 0, limit: FEED_LENGTH },
        withTotal: false,
      }),
      channelFor(ctx, feedPath, locale),
    ]);
    // Tagged once both are read, so the header lists its keys in one order whichever came first.
    tagResponse(ctx, [SURROGATE_KEYS.settings]);
    return { page, channel: { ...channel, updated: page.lastModified } };
  };

  return {
    async find(ctx: Context) {
      const { query, isPaged } = await getService('correction-feed', { strapi }).listQuery(
        ctx.query
      );
      const page = await feedPage(ctx, query);
      const body = {
        data: page.corrections,
        meta: {
          pagination: paginationMeta({ pagination: query.pagination, isPaged }, page.total ?? 0),
        },
      } satisfies GetCorrections.Response;
      send(ctx, JSON.stringify(body), 'application/json; charset=utf-8', page.lastModified);
    },

    async rss(ctx: Context) {
      const { page, channel } = await latestFeed(ctx, '/corrections.rss');
      send(
        ctx,
        toCorrectionsRss(page.corrections, channel),
        'application/rss+xml; charset=utf-8',
        page.lastModified
      );
    },

    async jsonFeed(ctx: Context) {
      const { page, channel } = await latestFeed(ctx, '/corrections.json');
      send(
        ctx,
        JSON.stringify(toCorrectionsJsonFeed(page.corrections, channel)),
        'application/feed+json; charset=utf-8',
        page.lastModified
      );
    },
  };
};

export default correction;
