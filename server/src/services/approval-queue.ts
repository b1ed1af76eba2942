import type { Core } from '@strapi/strapi';

import type { QueueItem, QueueState } from '../../../shared/contracts/desk';
import type { AnonymousQuote, Story } from '../types/content-types';
import { getService } from '../utils/get-service';
import { awaitedDecision } from '../rules/awaited-decision';
import { STORY_UID } from '../utils/plugin-id';

export type { QueueItem, QueueState };

type Editor = {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
};

type QueueQuote = Omit<AnonymousQuote, 'confidentialSource' | 'approvedBy'> & {
  confidentialSource: { documentId: string; alias: string; editorsWhoKnow?: Editor[] } | null;
  approvedBy: Editor | null;
};

// Enough for any desk's open work; the page shows the most recently edited stories first.
const STORIES_SCANNED = 200;

const editorName = ({ firstname, lastname, username }: Editor) =>
  [firstname, lastname].filter(Boolean).join(' ') || username || 'an editor';

/**
 * The standards desk's queue: every anonymous quote in a story draft that no valid approval
 * covers, pending, rejected, or approved and then changed (voided approvals come back). The
 * source is shown by its alias and who knows it, never its identity.
 */
const approvalQueue = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(): Promise<QueueItem[]> {
    const stories = (await strapi.documents(STORY_UID).findMany({
      status: 'draft',
      filters: { anonymousQuotes: { id: { $notNull: true } } },
      fields: ['title', 'revision', 'updatedAt'],
      populate: {
        anonymousQuotes: {
          populate: {
            // Every attribute of a source is private, and the Document Service refuses private
            // fields in a nested `fields`: the record is read whole and only its alias kept.
            confidentialSource: {
              populate: { editorsWhoKnow: { fields: ['firstname', 'lastname', 'username'] } },
            },
            approvedBy: { fields: ['firstname', 'lastname', 'username'] },
          },
        },
      },
      sort: [{ updatedAt: 'desc' }],
      limit: STORIES_SCANNED,
    })) as Array<Omit<Story, 'anonymousQuotes'> & { anonymousQuotes: QueueQuote[] }>;

    const facts = await getService('approvers', { strapi }).decisionFacts(
      stories.flatMap((story) => story.anonymousQuotes)
    );
    let next = 0;
    return stories.flatMap((story) =>
      story.anonymousQuotes.flatMap((quote, quoteIndex): QueueItem[] => {
        const state = awaitedDecision(quote, facts[next++]);
        if (!state) {
          return [];
        }
        const source = quote.confidentialSource;
        return [
          {
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
            decidedBy:
              state === 'pending' || !quote.approvedBy ? null : editorName(quote.approvedBy),
            source: source
              ? {
                  documentId: source.documentId,
                  alias: source.alias,
                  editorsWhoKnow: (source.editorsWhoKnow ?? []).map(editorName),
                }
              : null,
          },
        ];
      })
    );
  },
});

export default approvalQueue;
