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
  it('isUnder respects segment boundaries', () => {
    expect(isUnder('access.vnet.name', 'access.vnet')).toBe(true);
    expect(isUnder('access.vnetx', 'access.vnet')).toBe(false);
    expect(isUnder('anything', '')).toBe(true);
  });
});
