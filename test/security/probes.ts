/**
 * The leak probes, generated from families × fields × operators. Each probe is one query string
 * (or a pair: a value the secret matches and one it does not). A route that lets a private field
 * steer the query answers the pair differently; one that refuses or ignores it answers both alike.
 */

export type RouteKind = 'list' | 'one' | 'text';

/** A public route under test. Adding one (e.g. `/corrections.rss`) is one line in PUBLIC_ROUTES. */
export type PublicRoute = {
  name: string;
  path: (ids: RouteIds) => string;
  kind: RouteKind;
  /** Which content type's private paths to probe (the route's own type). */
  model: 'story' | 'source-document' | 'correction';
  /**
   * Strapi's read-only API tokens grant `find` and `findOne` actions only; a route whose action has
   * another name (`jsonld`, `rss`, `jsonFeed`) answers them 403, probes included.
   */
  readOnlyToken?: false;
};

export type RouteIds = { storySlug: string; storyDocumentId: string; sourceDocumentId: string };

const API = '/api/intelligence-stories';

export const PUBLIC_ROUTES: PublicRoute[] = [
  { name: 'GET /stories', path: () => `${API}/stories`, kind: 'list', model: 'story' },
  {
    name: 'GET /stories/:slug',
    path: ({ storySlug }) => `${API}/stories/${storySlug}`,
    kind: 'one',
    model: 'story',
  },
  {
    name: 'GET /stories/:documentId',
    path: ({ storyDocumentId }) => `${API}/stories/${storyDocumentId}`,
    kind: 'one',
    model: 'story',
  },
  {
    name: 'GET /source-documents',
    path: () => `${API}/source-documents`,
    kind: 'list',
    model: 'source-document',
  },
  {
    name: 'GET /source-documents/:documentId',
    path: ({ sourceDocumentId }) => `${API}/source-documents/${sourceDocumentId}`,
    kind: 'one',
    model: 'source-document',
  },
  {
    name: 'GET /stories/:slug/jsonld',
    path: ({ storySlug }) => `${API}/stories/${storySlug}/jsonld`,
    kind: 'text',
    model: 'story',
    readOnlyToken: false,
  },
  { name: 'GET /corrections', path: () => `${API}/corrections`, kind: 'text', model: 'correction' },
  {
    name: 'GET /corrections.rss',
    path: () => `${API}/corrections.rss`,
    kind: 'text',
    model: 'correction',
    readOnlyToken: false,
  },
  {
    name: 'GET /corrections.json',
    path: () => `${API}/corrections.json`,
    kind: 'text',
    model: 'correction',
    readOnlyToken: false,
  },
];

/** A private value reachable from a route's type, and a value it does not match. */
export type SecretPath = {
  path: string[];
  /** Table-alias spelling of the column (CVE-2023-34235), when it is a column. */
  column?: string;
  match: string;
  nonMatch: string;
  /** Operators that make sense for the value (strings get the text operators). */
  operators: string[];
};

export type Probe = {
  family: string;
  name: string;
  match: string;
  /** The same probe with a value the secret does not match; absent for one-shot probes. */
  nonMatch?: string;
  /**
   * Whether a 200 must equal the unfiltered request: true when the probe names something private
   * (it must be refused or ignored), false for a public field carrying a draft's value.
   */
  sameAsUnfiltered: boolean;
};

const encode = (value: string) => encodeURIComponent(value);
const brackets = (path: string[]) => path.map((segment) => `[${segment}]`).join('');

const valueFor = (operator: string, secret: string) => {
  switch (operator) {
    case '$startsWith':
    case '$startsWithi':
      return secret.slice(0, 8);
    case '$endsWith':
      return secret.slice(-8);
    case '$containsi':
    case '$contains':
      return secret.slice(2, 10);
    default:
      return secret;
  }
};

const condition = (prefix: string, path: string[], operator: string, value: string) =>
  operator === '$in'
    ? `${prefix}${brackets(path)}[${operator}][0]=${encode(value)}`
    : `${prefix}${brackets(path)}[${operator}]=${encode(value)}`;

// Where a condition can be written: each a spelling some Strapi advisory got through.
const WRAPPERS: Array<{ family: string; prefix: string }> = [
  { family: 'filters', prefix: 'filters' },
  { family: 'filters $or', prefix: 'filters[$or][0]' },
  { family: 'filters $and/$or nesting', prefix: 'filters[$and][0][$or][0]' },
  { family: 'filters $not', prefix: 'filters[$not]' },
  { family: 'where (CVE-2026-27886)', prefix: 'where' },
  { family: 'lookup (CVE-2024-56143)', prefix: 'lookup' },
];

export const filterProbes = (secrets: SecretPath[]): Probe[] =>
  secrets.flatMap((secret) =>
    WRAPPERS.flatMap(({ family, prefix }) =>
      secret.operators.map((operator) => ({
        family,
        name: `${prefix}${brackets(secret.path)}[${operator}]`,
        match: condition(prefix, secret.path, operator, valueFor(operator, secret.match)),
        nonMatch: condition(prefix, secret.path, operator, valueFor(operator, secret.nonMatch)),
        sameAsUnfiltered: true,
      }))
    )
  );

export const tableAliasProbes = (secrets: SecretPath[]): Probe[] =>
  secrets
    .filter((secret) => secret.column)
    .flatMap((secret) =>
      ['t0', 't1', 't2', 't3'].flatMap((alias) =>
        ['filters', 'filters[$or][0]'].map((prefix) => ({
          family: 'table-alias keys (CVE-2023-34235)',
          name: `${prefix}[${alias}.${secret.column}][$startsWith]`,
          match: `${prefix}[${alias}.${secret.column}][$startsWith]=${encode(secret.match.slice(0, 8))}`,
          nonMatch: `${prefix}[${alias}.${secret.column}][$startsWith]=${encode(secret.nonMatch.slice(0, 8))}`,
          sameAsUnfiltered: true,
        }))
      )
    );

export const sortProbes = (secrets: SecretPath[]): Probe[] =>
  secrets.flatMap(({ path }) => {
    const dotted = path.join('.');
    const nested = (direction: string) => `sort[0]${brackets(path)}=${direction}`;
    return [
      {
        name: `sort=${dotted}:asc|desc`,
        match: `sort=${dotted}:asc`,
        nonMatch: `sort=${dotted}:desc`,
      },
      {
        name: `sort[0]=${dotted}`,
        match: `sort[0]=${dotted}:asc`,
        nonMatch: `sort[0]=${dotted}:desc`,
      },
      {
        name: `sort${brackets(path)}=asc|desc`,
        match: `sort${brackets(path)}=asc`,
        nonMatch: `sort${brackets(path)}=desc`,
      },
      { name: `sort[0]${brackets(path)}`, match: nested('asc'), nonMatch: nested('desc') },
    ].map((probe) => ({ ...probe, family: 'sort', sameAsUnfiltered: true }));
  });

const oneShot = (family: string, queries: string[]): Probe[] =>
  queries.map((query) => ({
    family,
    name: decodeURIComponent(query),
    match: query,
    sameAsUnfiltered: true,
  }));

export const fieldsProbes = (secrets: SecretPath[]): Probe[] =>
  oneShot('fields', [
    ...secrets.map(({ path }) => `fields[0]=${path[0]}`),
    ...secrets.map(({ path }) => `fields=${path.join('.')}`),
    ...secrets
      .filter(({ path }) => !['id', 'documentId'].includes(path[path.length - 1]))
      .map(({ path }) => `fields[0]=title&fields[1]=${path[path.length - 1]}`),
    'fields=*',
  ]);

export const populateProbes = (secrets: SecretPath[]): Probe[] => {
  const relationPaths = [
    ...new Set(
      secrets.filter(({ path }) => path.length > 1).map(({ path }) => path.slice(0, -1).join('.'))
    ),
  ];
  return oneShot('populate', [
    'populate=*',
    'populate[0]=*',
    'populate=deep',
    'populate[anonymousQuotes][populate]=*',
    'populate[anonymousQuotes][populate][confidentialSource]=*',
    'populate[anonymousQuotes][populate][confidentialSource][fields][0]=identity',
    'populate[anonymousQuotes][fields][0]=howSourceKnows',
    'populate[anonymousQuotes][on][x]=*',
    'populate[createdBy]=*',
    'populate[createdBy][fields][0]=password',
    'populate[sourceDocuments][populate][createdBy]=*',
    ...relationPaths.map((path) => `populate=${path}`),
    ...relationPaths.map((path) => `populate[0]=${path}`),
    ...relationPaths.map((path) => `populate${brackets(path.split('.'))}=true`),
    ...relationPaths.map((path) => `populate${brackets(path.split('.'))}[populate]=*`),
  ]);
};

export const statusProbes = (): Probe[] =>
  oneShot('status / publication state', [
    'status=draft',
    'status=DRAFT',
    'status[0]=draft',
    'status=draft&status=published',
    'publicationFilter=never-published',
    'publicationFilter=has-published-version',
    'hasPublishedVersion=false',
    'publicationState=preview',
    'locale=*',
  ]);

export const unknownKeyProbes = (secrets: SecretPath[]): Probe[] => [
  ...oneShot('unknown top-level keys', [
    'where=1',
    '$where=1',
    'lookup=1',
    'filters_where[editorNotes][$notNull]=true',
    'editorNotes=x',
    'identity=x',
    'select[0]=editorNotes',
    'populateCreatorFields=true',
    'plugins[x]=1',
    'data[identity]=x',
  ]),
  // Free-text search is an oracle of its own when it reaches private columns.
  ...secrets.map(({ match, nonMatch, path }) => ({
    family: 'unknown top-level keys',
    name: `_q (${path.join('.')})`,
    match: `_q=${encode(match.slice(0, 8))}`,
    nonMatch: `_q=${encode(nonMatch.slice(0, 8))}`,
    sameAsUnfiltered: true,
  })),
];

export const allProbes = (secrets: SecretPath[], draftValues: SecretPath[]): Probe[] => [
  // Public, so it may narrow the answer, but it never brings a draft back.
  {
    family: 'status / publication state',
    name: 'status=published&filters[publishedAt][$null]=true',
    match: 'status=published&filters[publishedAt][$null]=true',
    sameAsUnfiltered: false,
  },
  ...filterProbes(secrets),
  ...tableAliasProbes(secrets),
  ...sortProbes(secrets),
  ...fieldsProbes(secrets),
  ...populateProbes(secrets),
  ...statusProbes(),
  ...unknownKeyProbes(secrets),
  // A draft's text in a public field: answers must not depend on it.
  ...filterProbes(draftValues)
    .filter(({ family }) => family === 'filters' || family === 'filters $or')
    .map((probe) => ({
      ...probe,
      family: `draft values (${probe.family})`,
      sameAsUnfiltered: false,
    })),
];
