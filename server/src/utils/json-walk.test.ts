import { nestsDeeperThan, normalizeStringsToNFC, someString } from './json-walk';

const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('nestsDeeperThan', () => {
  it('measures arrays and objects alike, scalars as no depth', () => {
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(nestsDeeperThan(nested(64), 64)).toBe(false);
    expect(nestsDeeperThan(nested(65), 64)).toBe(true);
  });

  it('answers for 100,000 levels without overflowing the stack', () => {
    expect(nestsDeeperThan(nested(100_000), 64)).toBe(true);
  });
});

describe('someString', () => {
  it('finds a string at any depth', () => {
    const body = [{ type: 'list', children: [{ children: [{ text: 'a\u202eb' }] }] }];
    expect(someString(body, (text) => text.includes('\u202e'))).toBe(true);
    expect(someString(body, (text) => text.includes('\u2066'))).toBe(false);
  });
});

describe('normalizeStringsToNFC', () => {
  it('normalizes every string in place, keys and other values untouched', () => {
    const data = {
      title: 'Re\u0301sume\u0301',
      bylines: [{ name: 'Zoe\u0308', order: 1 }],
      on: true,
    };
    expect(normalizeStringsToNFC(data)).toBe(data);
    expect(data).toEqual({ title: 'Résumé', bylines: [{ name: 'Zoë', order: 1 }], on: true });
  });

  it('normalizes a lone string and survives a cycle', () => {
    expect(normalizeStringsToNFC('e\u0301')).toBe('é');
    const cyclic: Record<string, unknown> = { text: 'e\u0301' };
    cyclic.self = cyclic;
    expect(normalizeStringsToNFC(cyclic).text).toBe('é');
  });
});
