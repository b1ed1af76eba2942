import { createHash } from 'crypto';

import type { AnonymousQuote } from '../types/content-types';

type ApprovedText = Pick<AnonymousQuote, 'quote' | 'attribution' | 'anonymityReason'>;

/**
 * What an approval covers. `confidentialSource` must be the loaded relation (null when the quote
 * links none), never left out: a caller that forgot to populate it would fingerprint every source
 * alike, and relinking an approved quote would go unnoticed.
 */
export type ApprovedQuote = ApprovedText &
  Pick<AnonymousQuote, 'howSourceKnows' | 'informationNotOpinion' | 'originalQuote'> & {
    confidentialSource: { documentId: string } | null | undefined;
  };

const sha256 = (parts: unknown[]) =>
  createHash('sha256').update(JSON.stringify(parts)).digest('hex');

const quotes = () => ({
  /**
   * What a standards editor approves: the exact text readers will see (quote, attribution, reason
   * for anonymity) and the sourcing it rests on (which confidential source, how that source knows,
   * the reporter's attestation that it is information and not opinion), and for a translation the
   * original quote it renders. Any change to one of them
   * changes this fingerprint, and so voids the approval.
   */
  fingerprint(quote: ApprovedQuote) {
    if (quote.confidentialSource === undefined) {
      throw new Error(
        "intelligence-stories: a quote's fingerprint needs its confidentialSource loaded (populate it)"
      );
    }
    // A translated quote's approval covers the original text it renders too (quotes in the
    // original language keep the fingerprint they were approved with).
    const original = quote.originalQuote?.trim() ? [quote.originalQuote] : [];
    return sha256([
      original.length > 0 ? 'v2-translation' : 'v2',
      ...original,
      quote.quote,
      quote.attribution,
      quote.anonymityReason,
      quote.confidentialSource?.documentId ?? null,
      quote.howSourceKnows ?? null,
      Boolean(quote.informationNotOpinion),
    ]);
  },

  /**
   * The fingerprint approvals were recorded with before they covered the sourcing (text only).
   * Kept only so the upgrade can find those approvals and return them to the standards desk.
   */
  legacyFingerprint({ quote, attribution, anonymityReason }: ApprovedText) {
    return sha256([quote, attribution, anonymityReason]);
  },
});

export default quotes;
