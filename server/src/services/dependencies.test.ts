import { readFileSync } from 'node:fs';
import path from 'node:path';

import services from '.';

/**
 * Services reach each other through `getService('name')`, which no compiler follows. A cycle
 * between two of them (the rules asking the decisions, the decisions asking the rules) makes
 * either impossible to read alone; this walk of the calls keeps the graph a hierarchy.
 */
const FILES: Record<string, string> = Object.fromEntries(
  Object.keys(services).map((name) => [name, path.join(__dirname, `${name}.ts`)])
);

const calls = (name: string) =>
  [...readFileSync(FILES[name], 'utf8').matchAll(/getService\(\s*'([a-z-]+)'/g)]
    .map((match) => match[1])
    .filter((callee) => callee !== name);

const findCycle = (graph: Record<string, string[]>): string[] | null => {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, trail: string[]): string[] | null => {
    if (state.get(node) === 'open') {
      return [...trail.slice(trail.indexOf(node)), node];
    }
    if (state.get(node) === 'done') {
      return null;
    }
    state.set(node, 'open');
    for (const callee of graph[node] ?? []) {
      const cycle = visit(callee, [...trail, node]);
      if (cycle) {
        return cycle;
      }
    }
    state.set(node, 'done');
    return null;
  };
  for (const node of Object.keys(graph)) {
    const cycle = visit(node, []);
    if (cycle) {
      return cycle;
    }
  }
  return null;
};

describe("the plugin's services", () => {
  const graph = Object.fromEntries(Object.keys(FILES).map((name) => [name, calls(name)]));

  it('each live in the file named for them, and call only registered services', () => {
    for (const [name, callees] of Object.entries(graph)) {
      for (const callee of callees) {
        expect(`${name} -> ${callee}: ${callee in FILES}`).toBe(`${name} -> ${callee}: true`);
      }
    }
  });

  it('call each other without a cycle', () => {
    expect(findCycle(graph)).toBeNull();
  });

  it('would show a cycle if there were one', () => {
    expect(findCycle({ readiness: ['approvals'], approvals: ['readiness'] })).toEqual([
      'readiness',
      'approvals',
      'readiness',
    ]);
  });
});
