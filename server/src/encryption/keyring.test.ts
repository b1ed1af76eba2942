import crypto from 'crypto';

import { decrypt, encrypt, keyIdOf } from './envelope';
import { parseKeyring } from './keyring';

const key = () => crypto.randomBytes(32).toString('base64');

describe('parseKeyring', () => {
  it('reads keys newest first: the first encrypts, all decrypt', () => {
    const [newer, older] = [key(), key()];
    const keyring = parseKeyring(`k2:${newer}, k1:${older}`)!;
    expect(keyring.currentKeyId).toBe('k2');
    expect([...keyring.keys.keys()]).toEqual(['k2', 'k1']);
    expect(keyring.keys.get('k1')).toEqual(Buffer.from(older, 'base64'));
  });

  it('accepts base64url keys', () => {
    const raw = crypto.randomBytes(32);
    expect(parseKeyring(`k:${raw.toString('base64url')}`)!.keys.get('k')).toEqual(raw);
  });

  it('treats an unset or blank variable as no key', () => {
    expect(parseKeyring(undefined)).toBeNull();
    expect(parseKeyring('  ')).toBeNull();
  });

  it.each([
    [key(), 'key 1 must be written <id>:<base64 key>'],
    [`:${key()}`, 'key 1: the id "" must be 1 to 32 letters'],
    [`a b:${key()}`, 'key 1: the id "a b" must be 1 to 32 letters'],
    ['k:not base64!', 'key 1 ("k") is not base64'],
    [
      `k:${crypto.randomBytes(16).toString('base64')}`,
      'key 1 ("k") must decode to 32 bytes for AES-256, got 16',
    ],
    [`k:${key()},k:${key()}`, 'the id "k" is used twice'],
    [`k:${key()},`, 'key 2 must be written'],
  ])('refuses %s with a clear error', (value, message) => {
    expect(() => parseKeyring(value)).toThrow(`INTELLIGENCE_STORIES_ENCRYPTION_KEY: ${message}`);
  });
});

describe('envelopes', () => {
  const keyring = parseKeyring(`k2:${key()},k1:${key()}`)!;
  const identity = { scope: 'ctx#identity', record: 'source-a' };

  it('round-trips under the field and record it was written for, with the key id in clear', () => {
    const value = encrypt(keyring, 'Jane Doe, deputy director', identity);
    expect(value.startsWith('isenc:v2:k2:')).toBe(true);
    expect(keyIdOf(value)).toBe('k2');
    expect(value).not.toContain('Jane');
    expect(decrypt(keyring, value, identity)).toBe('Jane Doe, deputy director');
    expect(() => decrypt(keyring, value, { ...identity, scope: 'ctx#contact' })).toThrow(
      'does not authenticate'
    );
    expect(() => decrypt(keyring, value, { ...identity, record: 'source-b' })).toThrow(
      'does not authenticate'
    );
  });

  it('still reads v1 envelopes, bound to their field only', () => {
    const nonce = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', keyring.keys.get('k1')!, nonce);
    cipher.setAAD(Buffer.from('ctx#identity', 'utf8'));
    const ciphertext = Buffer.concat([cipher.update('Old secret', 'utf8'), cipher.final()]);
    const value = ['isenc', 'v1', 'k1', nonce, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join(':');
    expect(decrypt(keyring, value, identity)).toBe('Old secret');
    expect(() => decrypt(keyring, value, { ...identity, scope: 'ctx#contact' })).toThrow(
      'does not authenticate'
    );
    // v1 never bound the record: this is why a write refuses a v1 envelope the source does not hold.
    expect(decrypt(keyring, value, { ...identity, record: 'source-b' })).toBe('Old secret');
  });

  it('refuses a tampered value and an unknown key', () => {
    const value = encrypt(keyring, 'secret', identity);
    const parts = value.split(':');
    const flipped = Buffer.from(parts[5], 'base64url');
    flipped[0] ^= 1;
    parts[5] = flipped.toString('base64url');
    expect(() => decrypt(keyring, parts.join(':'), identity)).toThrow('does not authenticate');
    const other = parseKeyring(`k9:${key()}`)!;
    expect(() => decrypt(other, value, identity)).toThrow('key "k2", which is not in the keyring');
  });
});
