import { createHash } from 'crypto';

import type { AnonymousQuote } from '../types/content-types';

type ApprovedText = Pick<AnonymousQuote, 'quote' | 'attribution' | 'anonymityReason'>;

const quotes = () => ({
  /**
   * What a standards editor approves is the exact text readers will see: the quote, the attribution
   * and the reason for anonymity. Any change to one of them changes this fingerprint.
   */
  fingerprint({ quote, attribution, anonymityReason }: ApprovedText) {
    return createHash('sha256')
      .update(JSON.stringify([quote, attribution, anonymityReason]))
      .digest('hex');
  },
});

export default quotes;
