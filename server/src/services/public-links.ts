import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { Story } from '../types/content-types';
import { PLUGIN_ID } from '../utils/plugin-id';
import type { PublisherSettings } from './settings';

export type PublicLinks = {
  /** The plugin's Content API root, e.g. `https://cms.example/api/intelligence-stories`. */
  apiBase: string;
  /**
   * Where readers find a story's language version: the publisher's template, else the story's API
   * address; a version other than the default one names its locale.
   */
  story(story: StoryAddress): string;
  /** A correction's own address: its story's, with a fragment naming the correction. */
  correction(story: StoryAddress, correctionDocumentId: string): string;
  /** The site for a feed's home link: the publisher's, else the API root. */
  home: string;
  /** An upload's address made absolute (the local provider stores `/uploads/…`). */
  absolute(url: string): string;
};

type StoryAddress = Pick<Story, 'slug' | 'documentId'> & { locale?: string | null };

/**
 * A story's address in a language: `{locale}` in the template is the version's locale; without
 * one in it, a version other than the default one gets `?locale=` (the public routes' parameter),
 * so that no two versions share an address.
 */
const withLocale = (
  url: string,
  locale: string | null | undefined,
  defaultLocale: string | undefined
) =>
  locale && defaultLocale && locale !== defaultLocale
    ? `${url}${url.includes('?') ? '&' : '?'}locale=${encodeURIComponent(locale)}`
    : url;

/** Absolute links for the JSON-LD and the feeds, which readers' software follows. */
const publicLinks = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `defaultLocale`: the app's (services/locales), for the addresses of the other versions. */
  forRequest(ctx: Context, settings: PublisherSettings, defaultLocale?: string): PublicLinks {
    // server.url when the site sets one (behind a proxy), else the address the request came to.
    const configured = String(strapi.config.get('server.url', '') ?? '');
    const origin = /^https?:\/\//.test(configured) ? configured.replace(/\/+$/, '') : ctx.origin;
    const prefix = String(strapi.config.get('api.rest.prefix', '/api'));
    const apiBase = `${origin}${prefix}/${PLUGIN_ID}`;

    const story = ({ slug, documentId, locale }: StoryAddress) => {
      const template = settings.storyUrlTemplate;
      if (template?.includes('{locale}')) {
        return template
          .replace(/\{slug\}/g, encodeURIComponent(slug))
          .replace(/\{documentId\}/g, encodeURIComponent(documentId))
          .replace(/\{locale\}/g, encodeURIComponent(locale ?? defaultLocale ?? ''));
      }
      const base = template
        ? template
            .replace(/\{slug\}/g, encodeURIComponent(slug))
            .replace(/\{documentId\}/g, encodeURIComponent(documentId))
        : `${apiBase}/stories/${encodeURIComponent(slug)}`;
      return withLocale(base, locale, defaultLocale);
    };

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
