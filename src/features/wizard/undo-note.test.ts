import { describe, expect, it } from 'vitest';
import { newPlan, newPublicAccess } from '../../domain/new-plan';
import { describeChange, firstChange } from './undo-note';

const publicPlan = () => ({ ...newPlan(), access: newPublicAccess() });
const rule = (name: string) => ({ name, startIp: '203.0.113.1', endIp: '203.0.113.1' });

describe('what an undo changed', () => {
  it('finds nothing between a plan and itself, or an equal copy', () => {
    const plan = newPlan();
    expect(firstChange(plan, plan)).toBeNull();
    expect(firstChange(plan, structuredClone(plan))).toBeNull();
  });

  it('names a list item added or removed, and where it was', () => {
    const before = { ...publicPlan(), access: { ...newPublicAccess(), firewallRules: [rule('a'), rule('b')] } };
    const after = { ...before, access: { ...before.access, firewallRules: [rule('a')] } };
    const removed = firstChange(before, after);
    expect(removed).toEqual({ path: 'access.firewallRules', kind: 'removed' });
    expect(describeChange(removed!)).toBe('firewall rule removed');
    expect(describeChange(firstChange(after, before)!)).toBe('firewall rule added');
  });

  it('names a changed field and the item that holds it', () => {
    const before = { ...publicPlan(), access: { ...newPublicAccess(), firewallRules: [rule('a'), rule('b')] } };
    const after = {
      ...before,
      access: { ...before.access, firewallRules: [rule('a'), { ...rule('b'), startIp: '1.1.1.1' }] },
    };
    const change = firstChange(before, after);
    expect(change).toEqual({ path: 'access.firewallRules.1.startIp', kind: 'changed' });
    expect(describeChange(change!)).toBe('start IP of firewall rule 2 changed');
  });

  it('names the peerings, route tables and routes of the network step', () => {
    expect(describeChange({ path: 'access.peerings', kind: 'removed' })).toBe('peering removed');
    expect(describeChange({ path: 'access.peerings.2.useRemoteGateways', kind: 'changed' })).toBe(
      'use remote gateways of peering 3 changed',
    );
    expect(describeChange({ path: 'access.routeTables.0.routes.1.nextHopIp', kind: 'changed' })).toBe(
      'next hop IP of route 2 changed',
    );
    expect(describeChange({ path: 'access.routeTables', kind: 'added' })).toBe('route table added');
  });

  it('says "plan name" and "connectivity method" for the top-level choices', () => {
    const plan = newPlan();
    expect(describeChange(firstChange(plan, { ...plan, name: 'x' })!)).toBe('plan name changed');
    expect(describeChange(firstChange(plan, publicPlan())!)).toBe('connectivity method changed');
  });
});
