import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type {
  DecisionAbility,
  QueueItem,
  QueueItemDetail,
  QueueState,
} from '../../../shared/contracts/desk';
import type { QuoteDecisionEntry } from '../../../shared/contracts/quotes';
import type { Violation } from '../../../shared/contracts/rules';
import { awaitedDecision } from '../rules/awaited-decision';
import { decisionAbility } from '../rules/four-eyes';
import { findQuoteInParagraph } from '../rules/quote-in-paragraph';
import type { AnonymousQuote, ConfidentialSource, Story } from '../types/content-types';
import { adminName, type AdminNameFields } from '../utils/admin-name';
import { getConfig } from '../utils/get-config';
import { getService } from '../utils/get-service';
import type { PaginationParams } from '../utils/pagination';
import { CONFIDENTIAL_SOURCE_UID, QUOTE_DECISION_UID, STORY_UID } from '../utils/plugin-id';

export type { QueueItem, QueueState };

type DraftQuote = Omit<AnonymousQuote, 'confidentialSource' | 'approvedBy'> & {
  confidentialSource: { documentId: string } | null;
  approvedBy: ({ id: number } & AdminNameFields) | null;
};
type DraftWithQuotes = Omit<Story, 'anonymousQuotes'> & {
  anonymousQuotes: DraftQuote[];
  updatedBy?: ({ id: number } & AdminNameFields) | null;
};
type Source = Omit<ConfidentialSource, 'editorsWhoKnow'> & { editorsWhoKnow?: AdminNameFields[] };

type Awaiting = {
  story: DraftWithQuotes;
  quote: DraftQuote;
  quoteIndex: number;
  state: QueueState;
};

const toQueueItem = (
  { story, quote, quoteIndex, state }: Awaiting,
  sources: Map<string, Source>,
  decision: DecisionAbility
): QueueItem => {
  const source = quote.confidentialSource && sources.get(quote.confidentialSource.documentId);
  return {
    story: {
      documentId: story.documentId,
      locale: story.locale ?? null,
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
    decision,
  };
};

type DecisionRow = {
  quoteIndex: number;
  decision: QuoteDecisionEntry['decision'];
  quote: string;
  comment?: string | null;
  decidedBy?: AdminNameFields | null;
  decidedByName?: string | null;
  decidedAt: string;
};

const toHistoryEntry = (row: DecisionRow): QuoteDecisionEntry => ({
  quoteIndex: row.quoteIndex,
  decision: row.decision,
  quote: row.quote,
  comment: row.comment ?? null,
  // The name as it is now, else as it was when they decided (their account since deleted).
  decidedBy: (row.decidedBy && adminName(row.decidedBy)) ?? row.decidedByName ?? null,
  decidedAt: new Date(row.decidedAt).toISOString(),
});

// Other findings on the quote the standards editor decides on; R6 is the decision itself.
const onQuote = (violations: Violation[], quoteIndex: number) =>
  violations.filter(
    ({ code, path }) => code !== 'R6' && path.startsWith(`anonymousQuotes[${quoteIndex}]`)
  );

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
      // Every language version: a translated quote needs its own approval.
      locale: '*',
      filters: { anonymousQuotes: { id: { $notNull: true } } },
      fields: ['title', 'locale', 'revision', 'updatedAt'],
      populate: {
        updatedBy: { fields: ['id'] },
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

  /** Every awaiting quote, in the queue's order, handed to `visit` one at a time. */
  const walk = async (visit: (entry: Awaiting) => void, batchSize: number) => {
    const approvers = getService('approvers', { strapi });
    for (let offset = 0; ; offset += batchSize) {
      const batch = await drafts(offset, batchSize);
      const facts = await approvers.decisionFacts(batch.flatMap((story) => story.anonymousQuotes));
      let next = 0;
      for (const story of batch) {
        story.anonymousQuotes.forEach((quote, quoteIndex) => {
          const state = awaitedDecision(quote, facts[next++]);
          if (state) {
            visit({ story, quote, quoteIndex, state });
          }
        });
      }
      if (batch.length < batchSize) {
        break;
      }
    }
  };

  // Code that asks for no one in particular (userId undefined) is told what the rules allow anyone.
  const abilityOf = (story: DraftWithQuotes, userId: number | undefined): DecisionAbility =>
    userId === undefined
      ? { mayDecide: true, reason: null }
      : decisionAbility(getConfig(strapi).fourEyes, story.updatedBy?.id, userId);

  return {
    /**
     * One page of the queue and its total, each quote with whether `userId` (the standards editor
     * asking) may decide on it; `batchSize` is how many drafts are read at a time.
     */
    async list(
      { start, limit }: PaginationParams,
      batchSize = BATCH,
      userId?: number
    ): Promise<{ results: QueueItem[]; total: number }> {
      const page: Awaiting[] = [];
      let total = 0;
      await walk((entry) => {
        if (total >= start && total < start + limit) {
          page.push(entry);
        }
        total += 1;
      }, batchSize);

      const sources = await sourcesById([
        ...new Set(page.flatMap(({ quote }) => quote.confidentialSource?.documentId ?? [])),
      ]);
      return {
        results: page.map((entry) => toQueueItem(entry, sources, abilityOf(entry.story, userId))),
        total,
      };
    },

    /** How many quotes await a decision, and how many of them `userId` may decide (four eyes). */
    async count(userId: number, batchSize = BATCH) {
      let total = 0;
      let mayDecide = 0;
      await walk(({ story }) => {
        total += 1;
        mayDecide += abilityOf(story, userId).mayDecide ? 1 : 0;
      }, batchSize);
      return { total, mayDecide };
    },

    /**
     * What a standards editor needs to decide on one quote of a story's draft: the body paragraph
     * that holds it, the text a voided approval covered, its other findings, the story's last save,
     * the story's approval history, and whether `userId` may decide. Never the source's identity.
     */
    async detail(
      documentId: string,
      quoteIndex: number,
      userId: number,
      locale?: string
    ): Promise<QueueItemDetail> {
      const story = (await strapi.documents(STORY_UID).findOne({
        documentId,
        ...(locale ? { locale } : {}),
        status: 'draft',
        fields: ['title', 'locale', 'revision', 'body', 'updatedAt'],
        populate: {
          updatedBy: { fields: ['firstname', 'lastname', 'username'] },
          anonymousQuotes: {
            populate: {
              confidentialSource: { fields: ['documentId'] },
              approvedBy: { fields: ['firstname', 'lastname', 'username'] },
            },
          },
        },
      })) as DraftWithQuotes | null;
      if (!story) {
        throw new errors.NotFoundError('No story has this documentId');
      }
      const quote = story.anonymousQuotes[quoteIndex];
      if (!quote) {
        throw new errors.NotFoundError(
          `Quote ${quoteIndex + 1} does not exist: the story has ${story.anonymousQuotes.length} anonymous quote(s)`
        );
      }
      const [facts] = await getService('approvers', { strapi }).decisionFacts([quote]);
      const state = awaitedDecision(quote, facts);
      const readiness = await getService('readiness', { strapi }).evaluate(documentId, locale);
      const history = (await strapi.documents(QUOTE_DECISION_UID).findMany({
        filters: { storyDocumentId: documentId, storyLocale: story.locale ?? undefined },
        populate: { decidedBy: { fields: ['firstname', 'lastname', 'username'] } },
        sort: [{ decidedAt: 'desc' }, { id: 'desc' }],
      })) as unknown as DecisionRow[];

      return {
        story: {
          documentId,
          locale: story.locale ?? null,
          title: story.title,
          revision: story.revision ?? null,
        },
        quoteIndex,
        quote: quote.quote,
        state,
        paragraph: findQuoteInParagraph(story.body, quote.quote),
        approvedText: state === 'voided' ? (quote.approvedText ?? null) : null,
        violations: {
          errors: onQuote(readiness.errors, quoteIndex),
          warnings: onQuote(readiness.warnings, quoteIndex),
        },
        houseRules: readiness.houseRules ?? [],
        lastSavedBy: story.updatedBy ? adminName(story.updatedBy) : null,
        lastSavedAt: story.updatedAt ? new Date(story.updatedAt).toISOString() : null,
        history: history.map(toHistoryEntry),
        decision: abilityOf(story, userId),
      };
    },
  };
};

export default approvalQueue;
