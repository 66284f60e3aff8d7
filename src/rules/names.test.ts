import { describe, expect, it } from 'vitest';
import { newPlan, newPublicAccess } from '../domain/new-plan';
import { evaluate } from '.';
import { named, namedAtStart, quotedName } from './names';

describe('names in messages', () => {
  it('quotes a name, and says "unnamed" instead of quoting an empty one', () => {
    expect(named('VNet', 'vnet-hub')).toBe('VNet "vnet-hub"');
    expect(named('VNet', '')).toBe('the unnamed VNet');
    expect(named('subnet', '   ')).toBe('the unnamed subnet');
    expect(namedAtStart('client', 'app')).toBe('Client "app"');
    expect(namedAtStart('client', '')).toBe('The unnamed client');
    expect(quotedName('hub')).toBe('"hub"');
    expect(quotedName(undefined)).toBe('(no name yet)');
  });

  it('keeps a name exactly as typed, control characters too (each output escapes them its own way)', () => {
    expect(named('VNet', 'a\u0001b')).toBe('VNet "a\u0001b"');
    expect(quotedName('a\u0001b')).toBe('"a\u0001b"');
  });

  it('no finding of a new plan, private or public, quotes an empty name (issue 18, item 7)', () => {
    const privatePlan = newPlan();
    const publicPlan = { ...newPlan(), access: newPublicAccess() };
    const withRule = {
      ...publicPlan,
      access: { ...publicPlan.access, firewallRules: [{ name: '', startIp: '0.0.0.0', endIp: '255.255.255.255' }] },
    };
    const messages = [privatePlan, publicPlan, withRule].flatMap((p) => evaluate(p).map((f) => f.message));
    expect(messages.length).toBeGreaterThan(5);
    expect(messages.filter((m) => m.includes('""'))).toEqual([]);
    expect(messages).toContain(
      'Once deployed, the server cannot move out of the unnamed VNet / the unnamed subnet, and the VNet cannot ' +
        'move to another resource group or subscription.',
    );
  });
});
