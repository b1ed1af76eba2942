import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { Story } from '../types/content-types';
import { PLUGIN_ID } from '../utils/plugin-id';
import type { PublisherSettings } from './settings';

export type PublicLinks = {
  /** The plugin's Content API root, e.g. `https://cms.example/api/intelligence-stories`. */
  apiBase: string;
  /** Where readers find a story: the publisher's template, else the story's API address. */
  story(story: Pick<Story, 'slug' | 'documentId'>): string;
  /** A correction's own address: its story's, with a fragment naming the correction. */
  correction(story: Pick<Story, 'slug' | 'documentId'>, correctionDocumentId: string): string;
  /** The site for a feed's home link: the publisher's, else the API root. */
  home: string;
  /** An upload's address made absolute (the local provider stores `/uploads/…`). */
  absolute(url: string): string;
};

/** Absolute links for the JSON-LD and the feeds, which readers' software follows. */
const publicLinks = ({ strapi }: { strapi: Core.Strapi }) => ({
  forRequest(ctx: Context, settings: PublisherSettings): PublicLinks {
    // server.url when the site sets one (behind a proxy), else the address the request came to.
    const configured = String(strapi.config.get('server.url', '') ?? '');
    const origin = /^https?:\/\//.test(configured) ? configured.replace(/\/+$/, '') : ctx.origin;
    const prefix = String(strapi.config.get('api.rest.prefix', '/api'));
    const apiBase = `${origin}${prefix}/${PLUGIN_ID}`;

    const story = ({ slug, documentId }: Pick<Story, 'slug' | 'documentId'>) =>
      settings.storyUrlTemplate
        ? settings.storyUrlTemplate
            .replace(/\{slug\}/g, encodeURIComponent(slug))
            .replace(/\{documentId\}/g, encodeURIComponent(documentId))
        : `${apiBase}/stories/${encodeURIComponent(slug)}`;

    return {
      apiBase,
      story,
      correction: (target, correctionDocumentId) =>
        `${story(target)}#correction-${correctionDocumentId}`,
      home: settings.publisherUrl ?? apiBase,
      absolute: (url) => new URL(url, `${origin}/`).toString(),
    };
  },
});

export default publicLinks;
