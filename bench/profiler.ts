import { Session } from 'inspector';

/**
 * V8's sampling CPU profiler in the bench's server process (`node:inspector`), started and
 * stopped over the bench's IPC around one route's load, and summarised where it runs: self time
 * by package (Strapi's, koa's, the plugin's…) and by function, and time including callees for the
 * functions that name a stage of a read (sanitizing, the database, serializing).
 */

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type CpuSummary = {
  /** Milliseconds sampled in all, idle included. */
  totalMs: number;
  /** Milliseconds the process was busy (not idle, not the profiler, not garbage collection). */
  busyMs: number;
  gcMs: number;
  /** Self time by where the code lives, busiest first. */
  byPackage: Array<{ name: string; ms: number; share: number }>;
  /** Self time by function, busiest first. */
  byFunction: Array<{ name: string; ms: number; share: number }>;
  /** Time including callees of the functions named in STAGES, as a share of busy time. */
  stages: Array<{ name: string; ms: number; share: number }>;
};

// Functions whose time with their callees tells a read's stages apart (a function is counted once
// per sample however deep it recurses).
const STAGES = [
  'sanitizeOutput',
  'traverseEntity',
  'findOne',
  'findMany',
  'findPage',
  'page',
  'runQuery',
  'query',
  'stringify',
  'parse',
  'respond',
  'authenticate',
  'verify',
];

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

const packageOf = ({ url, functionName }: CallFrame) => {
  if (SPECIAL.has(functionName)) {
    return functionName;
  }
  if (!url) {
    return '(native)';
  }
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (url.startsWith('node:')) {
    return 'node';
  }
  if (/\/dist\/server\//.test(url) || /\/server\/src\//.test(url)) {
    return 'the plugin';
  }
  return url.replace(/^.*\/(playground|bench)\//, '$1/');
};

const shortUrl = (url: string) =>
  url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(dist|server|playground)\//, '$1/');

const top = (totals: Map<string, number>, busyMs: number, count: number) =>
  [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({
      name,
      ms: Math.round(ms),
      share: Math.round((ms / busyMs) * 1000) / 10,
    }));

export const summarize = (profile: Profile): CpuSummary => {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parent.set(child, node.id);
    }
  }
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });

  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const stages = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  let gcMs = 0;
  for (const [id, ms] of self) {
    const node = nodes.get(id)!;
    totalMs += ms;
    const name = node.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') {
      idleMs += ms;
      continue;
    }
    if (name === '(garbage collector)') {
      gcMs += ms;
    }
    const where = packageOf(node.callFrame);
    byPackage.set(where, (byPackage.get(where) ?? 0) + ms);
    const label = `${name || '(anonymous)'} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(label, (byFunction.get(label) ?? 0) + ms);
    // Each stage on this sample's stack, once.
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = nodes.get(at)!.callFrame.functionName;
      if (STAGES.includes(frame)) {
        onStack.add(frame);
      }
    }
    for (const stage of onStack) {
      stages.set(stage, (stages.get(stage) ?? 0) + ms);
    }
  }
  const busyMs = totalMs - idleMs;
  return {
    totalMs: Math.round(totalMs),
    busyMs: Math.round(busyMs),
    gcMs: Math.round(gcMs),
    byPackage: top(byPackage, busyMs, 15),
    byFunction: top(byFunction, busyMs, 20),
    stages: top(stages, busyMs, STAGES.length),
  };
};

export const cpuProfiler = () => {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => {
      session.post(method, params ?? {}, (error, result) =>
        error ? reject(error) : resolve(result as T)
      );
    });
  return {
    async start() {
      await post('Profiler.enable');
      // 0.2 ms: enough samples in a few seconds of load to tell the stages apart.
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
    },
    async stop(): Promise<CpuSummary> {
      const { profile } = await post<{ profile: Profile }>('Profiler.stop');
      await post('Profiler.disable');
      return summarize(profile);
    },
  };
};
