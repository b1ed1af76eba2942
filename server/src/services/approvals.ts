import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { Decision } from '../../../shared/contracts/quotes';
import type { AnonymousQuote, Story } from '../types/content-types';
import { decisionAbility } from '../rules/four-eyes';
import type { ApprovedQuote } from './quotes';
import { currentAdminName } from '../utils/admin-name';
import { getConfig } from '../utils/get-config';
import { getService } from '../utils/get-service';
import { StaleRevisionError } from '../utils/stale-revision-error';
import { ANONYMOUS_QUOTE_UID, QUOTE_DECISION_UID, STORY_UID } from '../utils/plugin-id';

/**
 * The standards desk's decisions on anonymous quotes. Approval fields are written only here (the
 * story's own writes cannot set them), on the draft's component row, so a decision covers exactly
 * the text it was made on.
 */
const approvals = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Records a decision on one quote of a story's draft. `revision` is the story revision the
   * standards editor reviewed (from the readiness route): if the story changed since, nothing is
   * written and a StaleRevisionError says so. Code that holds no revision passes undefined.
   * The revision check, the read of the quote and the write are one transaction.
   */
  async decide(
    storyDocumentId: string,
    quoteIndex: number,
    decision: Decision,
    {
      userId,
      comment,
      revision,
      locale,
    }: {
      userId: number;
      comment?: string | null;
      revision?: string | null;
      /** The story's language version whose quote this is; the app's default when absent. */
      locale?: string;
    }
  ) {
    await strapi.db.transaction(async () => {
      const story = (await strapi.documents(STORY_UID).findOne({
        documentId: storyDocumentId,
        ...(locale ? { locale } : {}),
        status: 'draft',
        populate: { anonymousQuotes: true, updatedBy: { fields: ['id'] } },
      })) as (Story & { anonymousQuotes: AnonymousQuote[] }) | null;
      if (!story) {
        throw new errors.NotFoundError('No story has this documentId');
      }
      const quote = story.anonymousQuotes[quoteIndex];
      if (!quote?.id) {
        throw new errors.NotFoundError(
          `Quote ${quoteIndex + 1} does not exist: the story has ${story.anonymousQuotes.length} anonymous quote(s)`
        );
      }
      // Four eyes (rules/four-eyes). A PolicyError, because Strapi replaces other
      // ForbiddenErrors' messages.
      if (!decisionAbility(getConfig(strapi).fourEyes, story.updatedBy?.id, userId).mayDecide) {
        throw new errors.PolicyError(
          'You edited this story last: another standards editor must approve or reject its quotes.'
        );
      }

      // Lock the quote's row, then the story's, the order in which Strapi's own saves take them
      // (components first, then the entry): an approval racing a save waits for it instead of
      // deadlocking. The text fingerprinted is then the reviewed revision's, or the check fails.
      const locked = (await strapi.db
        .queryBuilder(ANONYMOUS_QUOTE_UID)
        .select(['id'])
        .where({ id: quote.id })
        .forUpdate()
        .first()
        .execute()) as { id: number } | undefined;
      // Read under the lock: the text and the sourcing the approval will cover.
      const reviewed = locked
        ? ((await strapi.db.query(ANONYMOUS_QUOTE_UID).findOne({
            where: { id: locked.id },
            select: [
              'quote',
              'attribution',
              'anonymityReason',
              'howSourceKnows',
              'informationNotOpinion',
              'originalQuote',
            ],
            populate: { confidentialSource: { select: ['documentId'] } },
          })) as ApprovedQuote | null)
        : null;
      if (!reviewed) {
        // A save replaced the quote while this decision waited for it.
        throw new StaleRevisionError(`"${story.title}"`, {
          documentId: storyDocumentId,
          revision: revision ?? null,
        });
      }
      await getService('revisions', { strapi }).advance(
        STORY_UID,
        storyDocumentId,
        revision,
        `"${story.title}"`,
        locale
      );

      const decidedAt = new Date();
      await strapi.db.query(ANONYMOUS_QUOTE_UID).update({
        where: { id: quote.id },
        data: {
          approvalState: decision,
          approvedBy: userId,
          approvedAt: decidedAt,
          approvedFingerprint: getService('quotes', { strapi }).fingerprint(reviewed),
          // Kept so that, once an edit voids the approval, the desk sees what changed since.
          approvedText: decision === 'approved' ? reviewed.quote : null,
          approvalComment: comment ?? null,
        },
      });
      // The story's approval history: the quote row above holds only the latest decision.
      await strapi.documents(QUOTE_DECISION_UID).create({
        data: {
          storyDocumentId,
          storyLocale: story.locale ?? undefined,
          quoteIndex,
          decision,
          quote: reviewed.quote,
          // Absent rather than null: the Document Service's input types take no null for text.
          comment: comment ?? undefined,
          decidedBy: userId,
          decidedByName: (await currentAdminName(strapi, userId)) ?? undefined,
          decidedAt: decidedAt.toISOString(),
        },
      });
    });
    getService('webhook-events', { strapi }).approvalDecided(
      storyDocumentId,
      quoteIndex,
      decision,
      locale
    );
    return getService('readiness', { strapi }).evaluate(storyDocumentId, locale);
  },
});

export default approvals;
