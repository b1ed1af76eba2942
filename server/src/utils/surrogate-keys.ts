import type { Context } from 'koa';

import type { Story } from '../types/content-types';
import { PLUGIN_ID } from './plugin-id';

/**
 * The names a public response is tagged with (`Surrogate-Key` and `xkey` headers), and that a
 * change purges: each names something the response shows, so a purge of a key reaches every
 * cached response that showed it. documentIds are Strapi's, which never hold a space or a comma
 * (the separators of both headers).
 */
export const SURROGATE_KEYS = {
  /** Every response of the plugin's public routes, for a full purge (a changed server.url). */
  all: PLUGIN_ID,
  story: (documentId: string) => `story:${documentId}`,
  sourceDocument: (documentId: string) => `source-document:${documentId}`,
  /** Lists of stories, and story addresses that answered 404: a publish can change any of them. */
  stories: 'list:stories',
  /** Lists of source documents, and their addresses that answered 404. */
  sourceDocuments: 'list:source-documents',
  /** The corrections list and the two feeds. */
  corrections: 'feed:corrections',
  /** What shows the publisher settings: a story's JSON-LD and the two feeds. */
  settings: 'publisher-settings',
} as const;

/** A story's own key and its source documents': what a story's page shows. */
export const storyKeys = (
  story: Pick<Story, 'documentId' | 'sourceDocuments' | 'citations'>
): string[] => [
  SURROGATE_KEYS.story(story.documentId),
  ...(story.sourceDocuments ?? []).map(({ documentId }) =>
    SURROGATE_KEYS.sourceDocument(documentId)
  ),
  ...(story.citations ?? []).flatMap(({ sourceDocument }) =>
    sourceDocument ? [SURROGATE_KEYS.sourceDocument(sourceDocument.documentId)] : []
  ),
];

// Varnish refuses a request header longer than 8 KB by default (http_req_hdr_len): keys go in
// batches well under it.
const MAX_KEYS_HEADER_LENGTH = 4000;

/** Keys in groups whose space-separated form fits one header. */
export const inHeaderBatches = (keys: string[], limit = MAX_KEYS_HEADER_LENGTH): string[] => {
  const batches: string[] = [];
  let current = '';
  for (const key of keys) {
    if (current && current.length + 1 + key.length > limit) {
      batches.push(current);
      current = '';
    }
    current = current ? `${current} ${key}` : key;
  }
  return current ? [...batches, current] : batches;
};

type TaggedState = { surrogateKeys?: Set<string> };

/**
 * Names what the response being built shows; the route's http-cache middleware sends the names.
 * Kept on `ctx.state`, Koa's place for what one middleware tells the next about a request.
 */
export const tagResponse = (ctx: Context, keys: Iterable<string>) => {
  const state = ctx.state as TaggedState;
  state.surrogateKeys ??= new Set();
  for (const key of keys) {
    state.surrogateKeys.add(key);
  }
};

export const responseTags = (ctx: Context): string[] => [
  ...((ctx.state as TaggedState).surrogateKeys ?? []),
];
