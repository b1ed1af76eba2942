import type { Core } from '@strapi/strapi';

import type { QueueItem, QueueState } from '../../../shared/contracts/desk';
import { awaitedDecision } from '../rules/awaited-decision';
import type { AnonymousQuote, ConfidentialSource, Story } from '../types/content-types';
import { adminName, type AdminNameFields } from '../utils/admin-name';
import { getService } from '../utils/get-service';
import type { PaginationParams } from '../utils/pagination';
import { CONFIDENTIAL_SOURCE_UID, STORY_UID } from '../utils/plugin-id';

export type { QueueItem, QueueState };

type DraftQuote = Omit<AnonymousQuote, 'confidentialSource' | 'approvedBy'> & {
  confidentialSource: { documentId: string } | null;
  approvedBy: ({ id: number } & AdminNameFields) | null;
};
type DraftWithQuotes = Omit<Story, 'anonymousQuotes'> & { anonymousQuotes: DraftQuote[] };
type Source = Omit<ConfidentialSource, 'editorsWhoKnow'> & { editorsWhoKnow?: AdminNameFields[] };

type Awaiting = {
  story: DraftWithQuotes;
  quote: DraftQuote;
  quoteIndex: number;
  state: QueueState;
};

const toQueueItem = (
  { story, quote, quoteIndex, state }: Awaiting,
  sources: Map<string, Source>
): QueueItem => {
  const source = quote.confidentialSource && sources.get(quote.confidentialSource.documentId);
  return {
    story: {
      documentId: story.documentId,
      title: story.title,
      revision: story.revision ?? null,
      updatedAt: story.updatedAt,
    },
    quoteIndex,
    quote: quote.quote,
    attribution: quote.attribution,
    anonymityReason: quote.anonymityReason,
    howSourceKnows: quote.howSourceKnows ?? null,
    informationNotOpinion: Boolean(quote.informationNotOpinion),
    state,
    comment: quote.approvalComment ?? null,
    // Whoever recorded the approval or the rejection (approvedBy names both).
    decidedBy: state === 'pending' || !quote.approvedBy ? null : adminName(quote.approvedBy),
    source: source
      ? {
          documentId: source.documentId,
          alias: source.alias,
          editorsWhoKnow: (source.editorsWhoKnow ?? []).map(
            (editor) => adminName(editor) ?? 'an editor'
          ),
        }
      : null,
  };
};

// Drafts read at a time while walking them: bounds what a request holds, never what it sees.
const BATCH = 100;

/**
 * The standards desk's queue: every anonymous quote of a story draft that awaits a decision
 * (rules/awaited-decision), whatever R6's level, most recently edited story first, a page at a
 * time. Whether an approval still counts depends on the quote's fingerprint and its approver's
 * current permission, which no query can tell: the drafts that have quotes (a query) are walked in
 * batches, all of them, so that the total is exact. The source is shown by its alias and who knows
 * it, never its identity.
 */
const approvalQueue = ({ strapi }: { strapi: Core.Strapi }) => {
  const drafts = async (start: number, limit: number) =>
    (await strapi.documents(STORY_UID).findMany({
      status: 'draft',
      filters: { anonymousQuotes: { id: { $notNull: true } } },
      fields: ['title', 'revision', 'updatedAt'],
      populate: {
        anonymousQuotes: {
          populate: {
            confidentialSource: { fields: ['documentId'] },
            approvedBy: { fields: ['firstname', 'lastname', 'username'] },
          },
        },
      },
      sort: [{ updatedAt: 'desc' }, { id: 'desc' }],
      start,
      limit,
    })) as DraftWithQuotes[];

  // Every attribute of a source is private, and the Document Service refuses private fields in
  // `fields`: the records are read whole and only their alias kept.
  const sourcesById = async (documentIds: string[]) => {
    if (documentIds.length === 0) {
      return new Map<string, Source>();
    }
    const sources = (await strapi.documents(CONFIDENTIAL_SOURCE_UID).findMany({
      filters: { documentId: { $in: documentIds } },
      populate: { editorsWhoKnow: { fields: ['firstname', 'lastname', 'username'] } },
    })) as Source[];
    return new Map(sources.map((source) => [source.documentId, source]));
  };

  return {
    /** One page of the queue and its total; `batchSize` is how many drafts are read at a time. */
    async list(
      { start, limit }: PaginationParams,
      batchSize = BATCH
    ): Promise<{ results: QueueItem[]; total: number }> {
      const approvers = getService('approvers', { strapi });
      const page: Awaiting[] = [];
      let total = 0;
      for (let offset = 0; ; offset += batchSize) {
        const batch = await drafts(offset, batchSize);
        const facts = await approvers.decisionFacts(
          batch.flatMap((story) => story.anonymousQuotes)
        );
        let next = 0;
        for (const story of batch) {
          story.anonymousQuotes.forEach((quote, quoteIndex) => {
            const state = awaitedDecision(quote, facts[next++]);
            if (state) {
              if (total >= start && total < start + limit) {
                page.push({ story, quote, quoteIndex, state });
              }
              total += 1;
            }
          });
        }
        if (batch.length < batchSize) {
          break;
        }
      }

      const sources = await sourcesById([
        ...new Set(page.flatMap(({ quote }) => quote.confidentialSource?.documentId ?? [])),
      ]);
      return { results: page.map((entry) => toQueueItem(entry, sources)), total };
    },
  };
};

export default approvalQueue;
