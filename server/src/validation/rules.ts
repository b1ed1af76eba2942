import { yup } from '@strapi/utils';

// Shared building blocks for the per-type schemas. Messages name the field (${path}) and the rule.

/**
 * Characters that draw nothing: whitespace, format characters (zero-width spaces and joiners,
 * word joiner, byte-order mark, soft hyphen, bidi marks), control characters, marks with no base,
 * and the blank letters of Hangul and braille. Text made only of these looks empty to a reader.
 */
const VISIBLE = /[^\s\p{Cf}\p{Cc}\p{Mn}\p{Me}\p{Z}\u115F\u1160\u3164\uFFA0\u2800]/u;

/** Bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069) reorder what is shown. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;

export const BIDI_CONTROLS_MESSAGE =
  '${path} contains a bidirectional embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069), which makes readers see the text in another order than it is stored';

const INVISIBLE_MESSAGE = '${path} cannot be only spaces or invisible characters';

export const hasVisibleCharacter = (text: string) => VISIBLE.test(text);

/** Present text must show something: not empty, not only spaces or zero-width characters. */
// Generic so that a caller's schema (required, trimmed) keeps its type through the rules.
type Text = yup.StringSchema<string | null | undefined>;
const optionalText = <S extends Text>() => yup.string().nullable() as unknown as S;

export const notBlank = <S extends Text>(schema: S = optionalText<S>()): S =>
  schema.test(
    'not-blank',
    INVISIBLE_MESSAGE,
    (value) => value === undefined || value === null || hasVisibleCharacter(value)
  );

export const noBidiControls = <S extends Text>(schema: S = optionalText<S>()): S =>
  schema.test(
    'no-bidi-controls',
    BIDI_CONTROLS_MESSAGE,
    (value) => typeof value !== 'string' || !BIDI_CONTROLS.test(value)
  );

/**
 * Optional text readers see: may be left empty, but not filled with invisible characters, and
 * never holding bidi controls. Stored in NFC by the input screening before any write.
 */
export const readerText = <S extends Text>(schema: S = optionalText<S>()): S =>
  noBidiControls(schema).test(
    'not-invisible',
    INVISIBLE_MESSAGE,
    (value) => value === undefined || value === null || value === '' || hasVisibleCharacter(value)
  );

/** Text readers see that must say something when present. */
export const requiredReaderText = <S extends Text>(schema: S = optionalText<S>()): S =>
  notBlank(noBidiControls(schema));

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = () =>
  yup
    .string()
    .nullable()
    .matches(
      SLUG_PATTERN,
      '${path} must be lowercase letters and digits joined by single hyphens, e.g. "report-points-to-russian-interference"'
    );

export const httpUrl = () =>
  yup
    .string()
    .nullable()
    .test(
      'http-url',
      '${path} must be a full http(s) address, e.g. https://www.dni.gov/…',
      (value) => {
        if (value === undefined || value === null || value === '') {
          return true;
        }
        try {
          const { protocol } = new URL(value);
          return protocol === 'https:' || protocol === 'http:';
        } catch {
          return false;
        }
      }
    );
