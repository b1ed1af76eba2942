/**
 * Walks over parsed JSON with a stack of its own rather than recursion: these run on input that
 * has not been checked yet, and must not be the code that a deeply nested value overflows.
 */

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container =>
  value !== null && typeof value === 'object';

/** Whether a value nests deeper than `max` arrays and objects. */
export const nestsDeeperThan = (value: unknown, max: number): boolean => {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (!isContainer(current)) {
      continue;
    }
    if (depth + 1 > max) {
      return true;
    }
    for (const child of Object.values(current)) {
      if (isContainer(child)) {
        pending.push({ value: child, depth: depth + 1 });
      }
    }
  }
  return false;
};

/** Whether any string inside a value, at any depth, satisfies `test`. */
export const someString = (value: unknown, test: (text: string) => boolean): boolean => {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === 'string') {
      if (test(current)) {
        return true;
      }
    } else if (isContainer(current)) {
      for (const child of Object.values(current)) {
        pending.push(child);
      }
    }
  }
  return false;
};

/** Replaces, in place, every string inside a value by its Unicode NFC form. */
export const normalizeStringsToNFC = <T>(value: T): T => {
  if (typeof value === 'string') {
    return value.normalize('NFC') as T;
  }
  const seen = new Set<Container>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!isContainer(current) || seen.has(current)) {
      continue;
    }
    seen.add(current);
    const entries: Array<[string | number, unknown]> = Array.isArray(current)
      ? current.map((child, index) => [index, child])
      : Object.entries(current);
    for (const [key, child] of entries) {
      if (typeof child === 'string') {
        (current as Record<string | number, unknown>)[key] = child.normalize('NFC');
      } else {
        pending.push(child);
      }
    }
  }
  return value;
};
