import type { Core } from '@strapi/strapi';

import type { PurgeEndpoint } from '../config';
import { getConfig } from '../utils/get-config';
import { CORRECTION_UID, type SOURCE_DOCUMENT_UID, STORY_UID } from '../utils/plugin-id';
import { inHeaderBatches, SURROGATE_KEYS } from '../utils/surrogate-keys';

const FIRST_RETRY_DELAY_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A purge URL may carry credentials; the log names the endpoint without them.
const endpointName = (endpoint: PurgeEndpoint) => {
  const url = new URL(endpoint.url);
  return `${endpoint.method ?? 'PURGE'} ${url.origin}${url.pathname}`;
};

/**
 * Purges a shared cache of what a change made stale. What a change affects is read here (the keys
 * of utils/surrogate-keys, which the public routes tag their responses with); the change's
 * document middleware (document-middlewares/purge-caches) sends them once its transaction commits,
 * so a cache never refills from a state that then rolls back. Sending never throws and never
 * delays the write: a purge that fails after its retries is logged, and the cached copy then
 * lives out its s-maxage.
 */
const cachePurge = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => getConfig(strapi).cache.purge;
  const pending = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let flushScheduled = false;

  const send = async (endpoint: PurgeEndpoint, keys: string) => {
    const { timeoutMs, retries } = config();
    const attempts = Number(retries) + 1;
    let failure = '';
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        const response = await fetch(endpoint.url, {
          method: endpoint.method ?? 'PURGE',
          headers: { ...endpoint.headers, [endpoint.keysHeader ?? 'xkey']: keys },
          signal: AbortSignal.timeout(Number(timeoutMs)),
        });
        await response.body?.cancel();
        if (response.ok) {
          return;
        }
        failure = `HTTP ${response.status}`;
        // A refusal (a purge ACL, a wrong token) will not change by asking again.
        if (response.status < 500 && response.status !== 429) {
          break;
        }
      } catch (error) {
        failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      if (attempt < attempts) {
        await sleep(FIRST_RETRY_DELAY_MS * 2 ** (attempt - 1));
      }
    }
    strapi.log.warn(
      `intelligence-stories: purge at ${endpointName(endpoint)} failed (${failure}); keys: ${keys}. Cached copies stay until their s-maxage runs out.`
    );
  };

  const flush = () => {
    flushScheduled = false;
    const keys = [...pending];
    pending.clear();
    for (const endpoint of config().endpoints) {
      for (const batch of inHeaderBatches(keys)) {
        // `send` reports its own failures; this only keeps an unforeseen one from going unhandled.
        const sending = send(endpoint, batch).catch((error: unknown) => {
          strapi.log.warn(`intelligence-stories: a purge failed: ${String(error)}`);
        });
        inFlight.add(sending);
        void sending.finally(() => inFlight.delete(sending));
      }
    }
  };

  const countOf = (uid: typeof STORY_UID | typeof SOURCE_DOCUMENT_UID, where: object) =>
    strapi.db.query(uid).count({ where });

  return {
    /** Without endpoints nothing is purged, and nothing about a change needs reading. */
    isEnabled() {
      return config().endpoints.length > 0;
    },

    /**
     * Sends the keys (with others queued by the same commit: a bulk publish purges in one
     * request) to every endpoint. Call once the change is committed.
     */
    enqueue(keys: Iterable<string>) {
      for (const key of keys) {
        pending.add(key);
      }
      if (pending.size > 0 && !flushScheduled && this.isEnabled()) {
        flushScheduled = true;
        setImmediate(flush);
      }
    },

    /** Purges the keys once the current transaction commits; at once outside of one. */
    async afterCommit(keys: string[]) {
      if (keys.length === 0 || !this.isEnabled()) {
        return;
      }
      await strapi.db.transaction(async ({ onCommit }) => onCommit(() => this.enqueue(keys)));
    },

    /** Resolves once every purge queued so far has been sent or given up on. */
    async settled() {
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all([...inFlight]);
    },

    async hasPublishedVersion(
      uid: typeof STORY_UID | typeof SOURCE_DOCUMENT_UID,
      documentId: string
    ) {
      return (await countOf(uid, { documentId, publishedAt: { $notNull: true } })) > 0;
    },

    /**
     * A story entering or leaving the public site, or republished: its own responses, the lists
     * (and the 404s) it joins or leaves, and the corrections feeds when its corrections come or go
     * with it, or show its new title.
     */
    async keysOfStoryChange(documentId: string, { leaving }: { leaving: boolean }) {
      const corrected =
        leaving ||
        (await strapi.db.query(CORRECTION_UID).count({ where: { storyDocumentId: documentId } })) >
          0;
      return [
        SURROGATE_KEYS.story(documentId),
        SURROGATE_KEYS.stories,
        ...(corrected ? [SURROGATE_KEYS.corrections] : []),
      ];
    },

    /**
     * A source document published, republished or withdrawn: its own responses, the lists, and
     * every story that cites it, in either version (a published story shows the document's
     * published version, a draft the editor has not republished may cite it no longer).
     */
    async keysOfSourceDocumentChange(documentId: string) {
      // Through the query engine: both versions of every story at once, and only their ids.
      const citing = (await strapi.db.query(STORY_UID).findMany({
        select: ['documentId'],
        where: {
          $or: [
            { sourceDocuments: { documentId } },
            { citations: { sourceDocument: { documentId } } },
          ],
        },
      })) as Array<{ documentId: string }>;
      return [
        SURROGATE_KEYS.sourceDocument(documentId),
        SURROGATE_KEYS.sourceDocuments,
        ...new Set(citing.map((story) => SURROGATE_KEYS.story(story.documentId))),
      ];
    },

    /** A correction issued: its story's responses and the feeds, if its story is public. */
    async keysOfCorrectionIssued(storyDocumentId: string) {
      return (await this.hasPublishedVersion(STORY_UID, storyDocumentId))
        ? [SURROGATE_KEYS.story(storyDocumentId), SURROGATE_KEYS.corrections]
        : [];
    },
  };
};

export default cachePurge;
