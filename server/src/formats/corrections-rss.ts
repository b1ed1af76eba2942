import { Feed } from 'feed';

import { CORRECTION_KIND_LABELS, type FeedCorrection } from '../../../shared/contracts/corrections';

export type FeedChannel = {
  title: string;
  description: string;
  home: string;
  feedUrl: string;
  /** The stories' locale (Strapi i18n): each language has its own feed. */
  language?: string;
  updated: Date | null;
  correctionUrl(correction: FeedCorrection): string;
};

export const feedItemTitle = (correction: FeedCorrection) =>
  `${CORRECTION_KIND_LABELS[correction.kind]}: ${correction.story.title}`;

/** RSS 2.0, written by the `feed` library so that escaping and dates follow the spec. */
export const toCorrectionsRss = (corrections: FeedCorrection[], channel: FeedChannel): string => {
  const feed = new Feed({
    id: channel.home,
    link: channel.home,
    title: channel.title,
    description: channel.description,
    // RSS's copyright is optional; the library's type wants a string and omits an empty one.
    copyright: '',
    updated: channel.updated ?? undefined,
    generator: 'strapi-plugin-intelligence-stories',
    language: channel.language,
    feedLinks: { rss: channel.feedUrl },
  });
  for (const correction of corrections) {
    const url = channel.correctionUrl(correction);
    feed.addItem({
      title: feedItemTitle(correction),
      // The correction's own address is unique and stable, so it doubles as the permalink guid.
      id: url,
      link: url,
      description: correction.text,
      date: new Date(correction.issuedAt),
      category: [{ name: CORRECTION_KIND_LABELS[correction.kind] }],
    });
  }
  // The library dates a channel it is given no date for with the clock, so an unchanged empty
  // feed would differ at each read (and never answer 304): lastBuildDate is optional in RSS 2.0,
  // and a feed with nothing to date goes without it.
  const rss = feed.rss2();
  return channel.updated ? rss : rss.replace(/\s*<lastBuildDate>[^<]*<\/lastBuildDate>/, '');
};
