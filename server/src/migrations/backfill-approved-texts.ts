import type { ApprovedQuote } from '../services/quotes';
import { getService } from '../utils/get-service';
import { ANONYMOUS_QUOTE_UID } from '../utils/plugin-id';
import type { Migration } from './types';

type StoredApproval = ApprovedQuote & { id: number; approvedFingerprint: string | null };

/**
 * Approvals recorded before the approved text was kept: where the approval still covers the quote
 * (its fingerprint matches what it says now), the text approved is the text it has, so it is
 * written down; an approval already voided keeps null, its text is lost. Idempotent: it touches
 * only approved rows without a text.
 */
export const backfillApprovedTexts: Migration = {
  name: 'backfill-approved-quote-texts',
  async up(strapi) {
    const { fingerprint } = getService('quotes', { strapi });
    const approved = (await strapi.db.query(ANONYMOUS_QUOTE_UID).findMany({
      select: [
        'id',
        'quote',
        'attribution',
        'anonymityReason',
        'howSourceKnows',
        'informationNotOpinion',
        'approvedFingerprint',
      ],
      where: { approvalState: 'approved', approvedText: { $null: true } },
      populate: { confidentialSource: { select: ['documentId'] } },
    })) as StoredApproval[];
    const covered = approved.filter(
      (quote) =>
        quote.approvedFingerprint ===
        fingerprint({ ...quote, confidentialSource: quote.confidentialSource ?? null })
    );
    for (const { id, quote } of covered) {
      await strapi.db
        .query(ANONYMOUS_QUOTE_UID)
        .update({ where: { id }, data: { approvedText: quote } });
    }
    return covered.length;
  },
};
