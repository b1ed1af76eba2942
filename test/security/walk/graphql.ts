import type { Caller } from './callers';
import { leaksIn } from './entitlement';
import type { Canary } from './fixture';
import { createClient, inPool } from './http';
import type { Finding } from './walker';

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
type Field = {
  name: string;
  args: Array<{ name: string; type: TypeRef }>;
  type: TypeRef;
};
export type FullType = { name: string; kind: string; fields: Field[] | null };

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
export const INTROSPECTION = `{ __schema { queryType { name } types { name kind fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } } } }`;

const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref);
const required = (ref: TypeRef) => ref.kind === 'NON_NULL';

// Deep enough to go from a type through a relation to its creator; GraphQL's depthLimit is 10.
const MAX_DEPTH = 4;

/** A selection of every scalar and, down to MAX_DEPTH, every object field without required args. */
export const selection = (
  types: Map<string, FullType>,
  typeName: string,
  depth: number
): string => {
  const type = types.get(typeName);
  const parts = (type?.fields ?? []).flatMap((field) => {
    if (field.args.some((arg) => required(arg.type))) {
      return [];
    }
    const target = named(field.type);
    if (target.kind === 'SCALAR' || target.kind === 'ENUM') {
      return [field.name];
    }
    if (depth >= MAX_DEPTH || (target.kind !== 'OBJECT' && target.kind !== 'INTERFACE')) {
      return [];
    }
    const inner = selection(types, target.name ?? '', depth + 1);
    return inner ? [`${field.name} ${inner}`] : [];
  });
  return parts.length > 0 ? `{ ${parts.join(' ')} }` : '';
};

const argumentValue = (ref: TypeRef, documentId: string) => {
  const { name } = named(ref);
  return name === 'Int' ? '1' : `"${name === 'ID' ? documentId : 'walk'}"`;
};

/**
 * Every query field of the running GraphQL schema, read from its introspection, with nested
 * selections and, where the field takes them, `filters`, `sort` and `pagination` variants.
 */
export const graphqlQueries = async (
  baseUrl: string,
  headers: Record<string, string>,
  documentId: string
) => {
  const client = createClient(baseUrl, { sockets: 1 });
  const res = await client.send({
    method: 'POST',
    url: '/graphql',
    headers,
    body: { query: INTROSPECTION },
  });
  client.close();
  const schema = JSON.parse(res.text).data.__schema as {
    queryType: { name: string };
    types: FullType[];
  };
  const types = new Map(schema.types.map((type) => [type.name, type]));
  const root = types.get(schema.queryType.name)!;

  return (root.fields ?? []).flatMap((field) => {
    const requiredArgs = field.args
      .filter((arg) => required(arg.type))
      .map((arg) => `${arg.name}: ${argumentValue(arg.type, documentId)}`);
    const target = named(field.type);
    const selected =
      target.kind === 'SCALAR' || target.kind === 'ENUM'
        ? ''
        : selection(types, target.name ?? '', 1);
    const has = (name: string) => field.args.some((arg) => arg.name === name);
    const variants: Array<{ name: string; args: string[] }> = [{ name: 'none', args: [] }];
    if (has('pagination')) {
      variants.push({ name: 'pagination', args: ['pagination: { start: 0, limit: 100 }'] });
    }
    if (has('sort')) {
      variants.push({ name: 'sort', args: ['sort: ["createdAt:desc"]'] });
    }
    if (has('filters')) {
      variants.push(
        { name: 'filters createdBy', args: ['filters: { createdAt: { notNull: true } }'] },
        { name: 'filters $or', args: ['filters: { or: [{ documentId: { notNull: true } }] }'] }
      );
    }
    return variants.map(({ name, args }) => {
      const all = [...requiredArgs, ...args];
      return {
        name: `${field.name} (${name})`,
        query: `{ ${field.name}${all.length > 0 ? `(${all.join(', ')})` : ''} ${selected} }`,
      };
    });
  });
};

/** Asks every GraphQL query as every caller; the same leak and 5xx rules as the REST walk. */
export const walkGraphql = async ({
  baseUrl,
  callers,
  canaries,
  documentId,
  concurrency = 6,
}: {
  baseUrl: string;
  callers: Caller[];
  canaries: Canary[];
  documentId: string;
  concurrency?: number;
}) => {
  const queries = await graphqlQueries(baseUrl, {}, documentId);
  const client = createClient(baseUrl, { sockets: concurrency });
  const findings: Finding[] = [];
  const steps = queries.flatMap((query) => callers.map((caller) => ({ query, caller })));
  await inPool(steps, concurrency, async ({ query, caller }) => {
    const res = await client
      .send({
        method: 'POST',
        url: '/graphql',
        headers: caller.headers,
        body: { query: query.query },
      })
      .catch((error: Error) => ({ status: 0, text: `no answer: ${error.message}` }));
    const base = {
      route: 'POST /graphql',
      url: query.query,
      caller: caller.name,
      variant: query.name,
      status: res.status,
    };
    if (res.status >= 500 || res.status === 0) {
      findings.push({ ...base, problem: `server error: ${res.text.slice(0, 200)}` });
    }
    for (const leak of leaksIn(res.text, caller, 'POST /graphql', canaries)) {
      findings.push({ ...base, problem: `leaked ${leak.canary} (${leak.what})` });
    }
  });
  client.close();
  return { findings, calls: steps.length, queries: queries.length };
};
