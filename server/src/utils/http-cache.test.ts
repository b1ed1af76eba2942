import { cacheControl, isNotModified, strongEtag } from './http-cache';

describe('isNotModified', () => {
  const etag = strongEtag('{"data":[]}');
  const lastModified = new Date('2026-11-30T10:00:00.500Z');

  it('matches If-None-Match by weak comparison, in a list, or as *', () => {
    expect(isNotModified({ ifNoneMatch: etag }, { etag })).toBe(true);
    expect(isNotModified({ ifNoneMatch: `W/${etag}` }, { etag })).toBe(true);
    expect(isNotModified({ ifNoneMatch: `"other", ${etag}` }, { etag })).toBe(true);
    expect(isNotModified({ ifNoneMatch: '*' }, { etag })).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"other"' }, { etag })).toBe(false);
    expect(isNotModified({ ifNoneMatch: etag.slice(1, -1) }, { etag })).toBe(false);
  });

  it('lets If-None-Match decide when both validators are sent', () => {
    const since = 'Mon, 30 Nov 2026 11:00:00 GMT';
    expect(
      isNotModified({ ifNoneMatch: '"other"', ifModifiedSince: since }, { etag, lastModified })
    ).toBe(false);
  });

  it('compares If-Modified-Since in whole seconds, and ignores a date it cannot read', () => {
    const at = (ifModifiedSince: string) =>
      isNotModified({ ifModifiedSince }, { etag, lastModified });
    expect(at('Mon, 30 Nov 2026 10:00:00 GMT')).toBe(true);
    expect(at('Mon, 30 Nov 2026 09:59:59 GMT')).toBe(false);
    expect(at('yesterday')).toBe(false);
    expect(isNotModified({ ifModifiedSince: 'Mon, 30 Nov 2026 10:00:00 GMT' }, { etag })).toBe(
      false
    );
  });

  it('answers no without a validator', () => {
    expect(isNotModified({}, { etag, lastModified })).toBe(false);
    expect(isNotModified({ ifNoneMatch: '' }, { etag })).toBe(false);
  });
});

describe('strongEtag', () => {
  it('is quoted, strong, and differs with a byte', () => {
    expect(strongEtag('a')).toMatch(/^"[\w-]{43}"$/);
    expect(strongEtag('a')).not.toBe(strongEtag('b'));
  });
});

describe('cacheControl', () => {
  const config = { maxAge: 0, sMaxAge: 600, staleWhileRevalidate: 30 };

  it('gives shared caches the configured lifetimes, and browsers none by default', () => {
    expect(cacheControl('public', config)).toBe(
      'public, max-age=0, s-maxage=600, stale-while-revalidate=30'
    );
  });

  it('never lets a 404 be served stale', () => {
    expect(cacheControl('not-found', config)).toBe(
      'public, max-age=0, s-maxage=600, stale-while-revalidate=0'
    );
  });

  it('keeps signed-in answers and errors out of shared caches', () => {
    expect(cacheControl('private', config)).toBe('private, no-cache');
    expect(cacheControl('no-store', config)).toBe('no-store');
  });
});
