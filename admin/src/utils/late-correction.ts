import { LATE_AFTER_DAYS } from '../../../shared/contracts/corrections';

/** The server's rule, asked up front so the editor gives the reason: it stays the server's to enforce. */

export const needsLateReason = (firstPublishedAt: string | null | undefined, now = new Date()) =>
  Boolean(firstPublishedAt) &&
  now.getTime() - new Date(firstPublishedAt as string).getTime() > LATE_AFTER_DAYS * 86_400_000;
