/** Reading and writing plan fields by dotted path (`access.firewallRules.2.startIp`), immutably. */

export function splitPath(path: string): (string | number)[] {
  if (path === '') return [];
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * The value at `path`, or undefined where the path leaves the plan. It walks the path's text without splitting it
 * (an array's index reads the same as a string key), since the findings ask for every error's field on each edit.
 */
export function getIn(value: unknown, path: string): unknown {
  if (path === '') return value;
  let current: unknown = value;
  let start = 0;
  for (;;) {
    if (current === null || typeof current !== 'object') return undefined;
    const dot = path.indexOf('.', start);
    current = (current as Record<string, unknown>)[dot === -1 ? path.slice(start) : path.slice(start, dot)];
    if (dot === -1) return current;
    start = dot + 1;
  }
}

/** Returns a copy of `root` with the value at `path` replaced; untouched branches keep their identity. */
export function setIn<T>(root: T, path: string, value: unknown): T {
  const keys = splitPath(path);
  const step = (node: unknown, i: number): unknown => {
    if (i === keys.length) return value;
    const key = keys[i] as string | number;
    if (Array.isArray(node)) {
      const copy: unknown[] = [...(node as unknown[])];
      copy[key as number] = step(node[key as number], i + 1);
      return copy;
    }
    const obj = (node !== null && typeof node === 'object' ? node : {}) as Record<string, unknown>;
    return { ...obj, [key]: step(obj[key as string], i + 1) };
  };
  return step(root, 0) as T;
}

/** True when `path` is `prefix` or lies below it (`a.b` is under `a`, `a.bc` is not). */
export function isUnder(path: string, prefix: string): boolean {
  // Without building `${prefix}.`: the findings ask this of every finding on each edit.
  return (
    prefix === '' ||
    (path.startsWith(prefix) && (path.length === prefix.length || path.charCodeAt(prefix.length) === 46)) // '.'
  );
}
