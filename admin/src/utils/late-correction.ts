/** The server's rule, mirrored to show the field up front: it stays the server's to enforce. */
export const LATE_AFTER_DAYS = 30;

export const needsLateReason = (firstPublishedAt: string | null | undefined, now = new Date()) =>
  Boolean(firstPublishedAt) &&
  now.getTime() - new Date(firstPublishedAt as string).getTime() > LATE_AFTER_DAYS * 86_400_000;
