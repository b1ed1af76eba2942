import { validateYupSchema, yup } from '@strapi/utils';

import { readerText, requiredReaderText } from './rules';

const check = (schema: yup.AnySchema, value: unknown) =>
  validateYupSchema(yup.object({ text: schema }))({ text: value }).then(
    () => 'ok',
    (error: Error) => error.message
  );

describe('text readers see', () => {
  it.each([
    ['25 zero-width spaces', '\u200b'.repeat(25)],
    ['spaces', '   '],
    ['word joiner, byte-order mark, zero-width joiners', '\u2060\ufeff\u200c\u200d'],
    ['soft hyphens', '\u00ad\u00ad'],
    ['a combining mark with nothing to mark', '\u0301'],
    ['Hangul filler and braille blank', '\u3164\u2800'],
    ['line and paragraph separators', '\u2028\u2029'],
  ])('refuses %s', async (_, value) => {
    expect(await check(requiredReaderText(), value)).toMatch(/only spaces or invisible/);
    expect(await check(readerText(), value)).toMatch(/only spaces or invisible/);
  });

  it.each([
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
  ])('refuses the bidi control U+%s', async (control) => {
    expect(await check(readerText(), `text ${control}with a control`)).toMatch(/bidirectional/);
  });

  it.each([
    ['Arabic', 'قال مسؤول'],
    ['a right-to-left mark, which only marks', 'A quote\u200f.'],
    ['an emoji joined by a zero-width joiner', 'Team 👩\u200d💻'],
    ['accents', 'Résumé'],
  ])('accepts %s', async (_, value) => {
    expect(await check(requiredReaderText(), value)).toBe('ok');
  });

  it('lets optional text be empty, but not required text', async () => {
    expect(await check(readerText(), '')).toBe('ok');
    expect(await check(readerText(), null)).toBe('ok');
    expect(await check(requiredReaderText(), '')).toMatch(/only spaces or invisible/);
  });
});
