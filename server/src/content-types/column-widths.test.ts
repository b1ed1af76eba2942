import components from '../components';
import contentTypes from '.';

type Attribute = { type: string; maxLength?: number };

/**
 * Strapi stores `string` and `uid` attributes in `varchar(255)` columns on PostgreSQL (SQLite stores
 * any length), so a cap above 255 lets a value through validation that PostgreSQL then refuses
 * with a 500. Longer text is a `text` attribute.
 */
const VARCHAR_TYPES = new Set(['string', 'uid', 'email']);
const VARCHAR_WIDTH = 255;

const varcharAttributes = () =>
  [
    ...Object.entries(contentTypes).map(
      ([name, { schema }]) => [name, schema.attributes as Record<string, Attribute>] as const
    ),
    ...Object.entries(components).map(
      ([name, schema]) => [name, schema.attributes as Record<string, Attribute>] as const
    ),
  ].flatMap(([name, attributes]) =>
    Object.entries(attributes)
      .filter(([, { type }]) => VARCHAR_TYPES.has(type))
      .map(([attribute, { maxLength }]) => [`${name}.${attribute}`, maxLength] as const)
  );

describe("the schemas' short-text attributes", () => {
  it('are found (the check below covers something)', () => {
    expect(varcharAttributes().length).toBeGreaterThan(10);
  });

  it.each(varcharAttributes())(
    '%s has a maxLength that fits a varchar(255) column',
    (_, maxLength) => {
      expect(maxLength).toBeDefined();
      expect(maxLength!).toBeLessThanOrEqual(VARCHAR_WIDTH);
    }
  );
});
