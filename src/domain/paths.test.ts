import { describe, expect, it } from 'vitest';
import { getIn, isUnder, setIn, splitPath } from './paths';

describe('paths', () => {
  it('splits dotted paths with numeric indices', () => {
    expect(splitPath('access.firewallRules.2.startIp')).toEqual(['access', 'firewallRules', 2, 'startIp']);
    expect(splitPath('')).toEqual([]);
  });
  it('reads and writes immutably, sharing untouched branches', () => {
    const root = { a: { list: [{ x: 1 }, { x: 2 }] }, b: { y: 1 } };
    const next = setIn(root, 'a.list.1.x', 5);
    expect(getIn(next, 'a.list.1.x')).toBe(5);
    expect(getIn(root, 'a.list.1.x')).toBe(2);
    expect(next.b).toBe(root.b);
    expect(next.a.list[0]).toBe(root.a.list[0]);
    expect(Array.isArray(next.a.list)).toBe(true);
    expect(getIn(root, 'a.missing.deep')).toBeUndefined();
  });
  it('reads the way the split path does, wherever a path ends', () => {
    const root = { a: { list: [{ x: 1 }, 'text'], '': 'blank', n: null }, z: 0 };
    for (const path of [
      '',
      'a',
      'a.list',
      'a.list.0',
      'a.list.0.x',
      'a.list.1',
      'a.list.1.length',
      'a.list.9.x',
      'a.',
      'a.n',
      'a.n.x',
      'z',
      'z.x',
      'missing',
      'a.list.0.x.y',
    ]) {
      let expected: unknown = root;
      for (const key of splitPath(path)) {
        expected =
          expected !== null && typeof expected === 'object'
            ? (expected as Record<string | number, unknown>)[key]
            : undefined;
      }
      expect(getIn(root, path), path).toBe(expected);
    }
    expect(getIn(root, 'a.list.0.x')).toBe(1);
    expect(getIn(root, '')).toBe(root);
    expect(getIn(root, 'a.list.1.length')).toBeUndefined();
  });
  it('isUnder respects segment boundaries', () => {
    expect(isUnder('access.vnet.name', 'access.vnet')).toBe(true);
    expect(isUnder('access.vnetx', 'access.vnet')).toBe(false);
    expect(isUnder('anything', '')).toBe(true);
    expect(isUnder('access.vnet', 'access.vnet')).toBe(true);
    expect(isUnder('access.vne', 'access.vnet')).toBe(false);
    expect(isUnder('access', 'access.vnet')).toBe(false);
    expect(isUnder('access.vnet-x', 'access.vnet')).toBe(false);
    expect(isUnder('', 'access')).toBe(false);
  });
});
