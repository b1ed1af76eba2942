import {
  CORRECTION_KIND_LABELS,
  type FeedCorrection,
  type JsonFeed,
} from '../../../shared/contracts/corrections';
import { feedItemTitle, type FeedChannel } from './corrections-rss';

/**
 * JSON Feed 1.1. No maintained generator writes 1.1 (the `feed` library writes 1.0), and the
 * format is plain JSON, so the object is built here and typed against the spec.
 */
export const toCorrectionsJsonFeed = (
  corrections: FeedCorrection[],
  channel: Omit<FeedChannel, 'updated'>
): JsonFeed => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: channel.title,
  description: channel.description,
  home_page_url: channel.home,
  feed_url: channel.feedUrl,
  ...(channel.language ? { language: channel.language } : {}),
  items: corrections.map((correction) => ({
    id: correction.documentId,
    url: channel.correctionUrl(correction),
    title: feedItemTitle(correction),
    content_text: correction.text,
    date_published: new Date(correction.issuedAt).toISOString(),
    tags: [CORRECTION_KIND_LABELS[correction.kind]],
    _intelligence_stories: {
      kind: correction.kind,
      story: correction.story,
      supersedes: correction.supersedes,
      late_reason: correction.lateReason ?? null,
    },
  })),
});
