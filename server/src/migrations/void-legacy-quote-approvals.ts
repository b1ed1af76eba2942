import { getService } from '../utils/get-service';
import { ANONYMOUS_QUOTE_UID } from '../utils/plugin-id';
import type { Migration } from './types';

type StoredDecision = {
  id: number;
  quote: string;
  attribution: string;
  anonymityReason: string;
  approvedFingerprint: string | null;
};

/**
 * Approvals recorded before an approval covered the quote's sourcing (which source, how it knows,
 * the attestation) vouch only for the text: the sourcing under them was never approved. They go
 * back to the standards desk as pending, explicitly, rather than lingering as "approved" with a
 * fingerprint nothing matches. Idempotent: a new approval's fingerprint never equals the
 * text-only one.
 */
export const voidLegacyQuoteApprovals: Migration = {
  name: 'void-text-only-quote-approvals',
  async up(strapi) {
    const quotes = getService('quotes', { strapi });
    const approved = (await strapi.db.query(ANONYMOUS_QUOTE_UID).findMany({
      select: ['id', 'quote', 'attribution', 'anonymityReason', 'approvedFingerprint'],
      where: { approvalState: 'approved' },
    })) as StoredDecision[];
    const legacy = approved
      .filter((quote) => quote.approvedFingerprint === quotes.legacyFingerprint(quote))
      .map(({ id }) => id);
    // One row at a time: updateMany writes columns only, and the approver is a relation.
    for (const id of legacy) {
      await strapi.db.query(ANONYMOUS_QUOTE_UID).update({
        where: { id },
        data: {
          approvalState: 'pending',
          approvedBy: null,
          approvedAt: null,
          approvedFingerprint: null,
        },
      });
    }
    if (legacy.length > 0) {
      strapi.log.warn(
        `intelligence-stories: ${legacy.length} anonymous-quote approval(s) made before approvals covered the confidential source, how it knows and the attestation are pending again; the standards desk must approve them anew.`
      );
    }
    return legacy.length;
  },
};
