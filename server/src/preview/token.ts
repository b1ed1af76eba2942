import { createHmac, hkdfSync, timingSafeEqual } from 'crypto';

/**
 * The signed preview link. The Content Manager's preview iframe loads a plain URL: it sends no
 * admin bearer token, so the link itself must say who asked, for what and until when, and the
 * server must be able to tell that nobody changed it. An HMAC-SHA256 over every parameter the
 * page reads does that without storing anything (several instances behind a load balancer share
 * the app's secrets, not a table of links).
 */

/** What a link grants: one version of one story, for one user, until `expires` (Unix seconds). */
export type PreviewGrant = {
  documentId: string;
  locale: string;
  status: 'draft' | 'published';
  /** The admin user who asked; the page checks again that they may still read the story. */
  userId: number;
  expires: number;
};

const VERSION = 'v1';

/**
 * A key of its own, derived from the admin's JWT secret (HKDF, RFC 5869) so that a preview
 * signature can never stand for an admin session token, nor one for the other, though both come
 * from the one secret every Strapi app already keeps.
 */
export const previewKey = (appSecret: string): Buffer =>
  Buffer.from(
    hkdfSync('sha256', appSecret, 'strapi-plugin-intelligence-stories', 'story-preview-link/v1', 32)
  );

// Fields joined by a character none of them may hold (documentIds and locales are [a-z0-9-]).
const canonical = (grant: PreviewGrant) =>
  [
    VERSION,
    grant.documentId,
    grant.locale,
    grant.status,
    String(grant.userId),
    String(grant.expires),
  ].join('\n');

export const sign = (key: Buffer, grant: PreviewGrant): string =>
  createHmac('sha256', key).update(canonical(grant)).digest('hex');

/** Whether `signature` is this grant's, compared in constant time. */
export const verify = (key: Buffer, grant: PreviewGrant, signature: string): boolean => {
  const expected = Buffer.from(sign(key, grant), 'hex');
  const given = Buffer.from(signature, 'hex');
  // Buffer.from(_, 'hex') stops at the first non-hex pair: a length check covers both cases.
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/** The query string of a link: every signed field but the path's documentId. */
export const toQuery = (grant: PreviewGrant, signature: string) =>
  new URLSearchParams({
    locale: grant.locale,
    status: grant.status,
    user: String(grant.userId),
    expires: String(grant.expires),
    signature,
  }).toString();
