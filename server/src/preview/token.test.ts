import { previewKey, sign, verify, type PreviewGrant } from './token';

const grant: PreviewGrant = {
  documentId: 'abc123',
  locale: 'en',
  status: 'draft',
  userId: 7,
  expires: 2_000_000_000,
};

describe('the preview link signature', () => {
  const key = previewKey('an app secret');

  it('verifies the grant it was made for', () => {
    expect(verify(key, grant, sign(key, grant))).toBe(true);
  });

  it('fails for any other field, key or spelling of the signature', () => {
    const signature = sign(key, grant);
    const others: PreviewGrant[] = [
      { ...grant, documentId: 'abc124' },
      { ...grant, locale: 'fr' },
      { ...grant, status: 'published' },
      { ...grant, userId: 8 },
      { ...grant, expires: grant.expires + 1 },
    ];
    for (const other of others) {
      expect(verify(key, other, signature)).toBe(false);
    }
    expect(verify(previewKey('another secret'), grant, signature)).toBe(false);
    expect(verify(key, grant, signature.slice(0, 62))).toBe(false);
    expect(verify(key, grant, `${signature}00`)).toBe(false);
    expect(verify(key, grant, '')).toBe(false);
  });

  it('is not the secret itself, nor an HMAC under it', () => {
    expect(previewKey('an app secret').toString('utf8')).not.toContain('an app secret');
    expect(key.length).toBe(32);
  });
});
