import { createHash } from 'crypto';

import type { CacheConfig } from '../config';

/** A strong validator: the digest of the exact bytes sent, so equal ETags mean equal bodies. */
export const strongEtag = (payload: string | Buffer) =>
  `"${createHash('sha256').update(payload).digest('base64url')}"`;

const opaqueTag = (tag: string) => tag.replace(/^W\//, '');

/**
 * Whether a GET or HEAD may be answered 304, by RFC 9110 §13.1.2 and §13.2.2: If-None-Match
 * decides when present (weak comparison, `*` matching any current representation), else
 * If-Modified-Since against Last-Modified, which has whole seconds only.
 *
 * Unlike koa's `ctx.fresh` (the `fresh` package), a request's `Cache-Control: no-cache` does not
 * turn the answer into a 200: that directive asks caches on the way to revalidate with the origin,
 * which is exactly what a conditional request to the origin is. `fetch()` sends it with its own
 * If-None-Match when told `cache: 'no-cache'`, and such a client deserves its 304 like any other.
 */
export const isNotModified = (
  request: { ifNoneMatch?: string; ifModifiedSince?: string },
  representation: { etag: string; lastModified?: Date | null }
): boolean => {
  if (request.ifNoneMatch !== undefined && request.ifNoneMatch.trim() !== '') {
    const listed = request.ifNoneMatch.match(/\*|(?:W\/)?"[^"]*"/g) ?? [];
    return listed.some((tag) => tag === '*' || opaqueTag(tag) === opaqueTag(representation.etag));
  }
  if (request.ifModifiedSince && representation.lastModified) {
    const since = Date.parse(request.ifModifiedSince);
    return (
      !Number.isNaN(since) &&
      Math.floor(representation.lastModified.getTime() / 1000) <= Math.floor(since / 1000)
    );
  }
  return false;
};

/**
 * - `public`: a published representation any cache may keep, browsers for `maxAge` (they cannot
 *   be purged), shared caches for `sMaxAge` and `staleWhileRevalidate` more while they refetch.
 * - `not-found`: nothing published there; shared caches may keep that answer as long, and are
 *   told about it by the publish that ends it (its surrogate keys), but never serve it stale.
 * - `private`: an answer to a signed-in caller (an API token, a user), which may hold what the
 *   public does not see: no shared cache stores it; its client revalidates each time.
 * - `no-store`: anything else (a refused query, an error): nothing worth keeping.
 */
export type CachePolicy = 'public' | 'not-found' | 'private' | 'no-store';

export const cacheControl = (
  policy: CachePolicy,
  {
    maxAge,
    sMaxAge,
    staleWhileRevalidate,
  }: Pick<CacheConfig, 'maxAge' | 'sMaxAge' | 'staleWhileRevalidate'>
): string => {
  switch (policy) {
    case 'public':
      return `public, max-age=${maxAge}, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}`;
    case 'not-found':
      return `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=0`;
    case 'private':
      return 'private, no-cache';
    case 'no-store':
      return 'no-store';
  }
};
