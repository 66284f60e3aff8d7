/** The engine on step lists written by hand: ordering, reader bugs, and "the worst order the graph allows". */
import { describe, expect, it } from 'vitest';
import { privatePlan } from '../rules/fixtures';
import type { ScriptStep, StepProps } from '../exporters/steps';
import { CONSTRAINTS } from './constraints';
import { DryRunGraphError, replay, scriptOrder } from './engine';
import type { DeployStep } from './types';
import { idContext, resourceIdOf } from './world';

const plan = privatePlan();
const ctx = idContext(plan);
const id = (type: string, ...names: string[]) => resourceIdOf('', '', type, names, ctx);
const VNET = 'Microsoft.Network/virtualNetworks';
const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';
const NSG = 'Microsoft.Network/networkSecurityGroups';

const step = (
  type: string,
  names: string[],
  props: StepProps = {},
  after: string[] = [],
  extra: Partial<DeployStep> = {},
): DeployStep => ({
  id: id(type, ...names),
  type,
  name: names.join('/'),
  action: 'create',
  scope: { subscription: '', resourceGroup: '' },
  props,
  after: after.map((s) => ({ step: s, why: 'test' })),
  source: { file: 'test' },
  ...extra,
});

const vnet = step(VNET, ['vnet-a'], { addressPrefixes: ['10.0.0.0/16'] }, [], { location: 'westeurope' });
const nsg = step(NSG, ['nsg-x'], {}, [], { location: 'westeurope' });

describe('order', () => {
  it('is a topological order that keeps the listed order among steps that may run', () => {
    const subnet = step(SUBNET, ['vnet-a', 'snet-app'], { addressPrefix: '10.0.1.0/24' }, [vnet.id]);
    const report = replay('arm', [subnet, nsg, vnet], plan);
    expect(report.steps.map((s) => s.name)).toEqual(['nsg-x', 'vnet-a', 'vnet-a/snet-app']);
    expect(report.refusal).toBeNull();
  });

  it('refuses a cycle, an unknown predecessor and a duplicate step as reader bugs', () => {
    const a = step(VNET, ['vnet-a'], {}, [id(NSG, 'nsg-x')]);
    const b = step(NSG, ['nsg-x'], {}, [id(VNET, 'vnet-a')]);
    expect(() => replay('arm', [a, b], plan)).toThrow(DryRunGraphError);
    expect(() => replay('arm', [a, b], plan)).toThrow(/cycle among: .*vnet-a.*nsg-x/);
    expect(() => replay('arm', [a], plan)).toThrow(/follows .*nsg-x, which is not a step/);
    expect(() => replay('arm', [vnet, vnet], plan)).toThrow(/Two steps have the ID/);
  });
});

describe('the worst order the graph allows', () => {
  it('a prerequisite listed earlier but not an ancestor does not count', () => {
    const subnet = step(SUBNET, ['vnet-a', 'snet-app'], { networkSecurityGroup: nsg.id }, [vnet.id]);
    const report = replay('arm', [vnet, nsg, subnet], plan);
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.nsgAndRouteTable);
    expect(report.refusal?.reason).toContain('does not order before this one');
  });

  it('the same prerequisite through a chain of after edges counts', () => {
    const between = step(SUBNET, ['vnet-a', 'snet-app'], {}, [vnet.id, nsg.id]);
    const subnet = step(SUBNET, ['vnet-a', 'snet-b'], { networkSecurityGroup: nsg.id }, [between.id]);
    expect(replay('arm', [vnet, nsg, between, subnet], plan).refusal).toBeNull();
  });

  it('a step with a target sets its properties on the target (an NSG association)', () => {
    const subnet = step(SUBNET, ['vnet-a', 'snet-postgres'], { addressPrefix: '10.0.0.0/28' }, [vnet.id]);
    const association = step(SUBNET, ['vnet-a', 'snet-postgres'], { networkSecurityGroup: nsg.id }, [subnet.id], {
      id: `${subnet.id}#nsg`,
      target: subnet.id,
    });
    expect(replay('terraform', [vnet, nsg, subnet, association], plan).refusal?.constraint).toBe(
      CONSTRAINTS.nsgAndRouteTable,
    );
    const ordered = { ...association, after: [...association.after, { step: nsg.id, why: 'test' }] };
    const server = step(
      'Microsoft.DBforPostgreSQL/flexibleServers',
      ['pg-test'],
      { delegatedSubnet: subnet.id },
      [ordered.id],
      { location: 'westeurope' },
    );
    // The association keeps the subnet's other properties: the server finds it, undelegated.
    const report = replay('terraform', [vnet, nsg, subnet, ordered, server], plan);
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.delegatedSubnet);
    expect(report.refusal?.reason).toContain('is not delegated');
  });

  it('a target that does not exist yet is refused', () => {
    const association = step(SUBNET, ['vnet-a', 'snet-postgres'], { networkSecurityGroup: nsg.id }, [nsg.id], {
      id: `${id(SUBNET, 'vnet-a', 'snet-postgres')}#nsg`,
      target: id(SUBNET, 'vnet-a', 'snet-postgres'),
    });
    expect(replay('azcli', [nsg, association], plan).refusal?.constraint).toBe(CONSTRAINTS.parentFirst);
  });

  it('the az script order (each step after the previous one) makes every earlier step count', () => {
    const script = (order: DeployStep[]): ScriptStep[] =>
      order.map((s) => ({ ...s, id: s.id.toUpperCase(), commands: `az … ${s.name}` }));
    const subnet = step(SUBNET, ['vnet-a', 'snet-app'], { networkSecurityGroup: nsg.id });
    const chained = scriptOrder(script([vnet, nsg, subnet]), 'deploy.sh');
    expect(chained.map((s) => s.after.map((a) => a.why))).toEqual([
      [],
      ['the script runs it after vnet-a'],
      ['the script runs it after nsg-x'],
    ]);
    expect(replay('azcli', chained, plan).refusal).toBeNull();
    // The NSG after the subnet that refers to it: refused.
    const late = replay('azcli', scriptOrder(script([vnet, subnet, nsg]), 'deploy.sh'), plan);
    expect(late.refusal?.constraint).toBe(CONSTRAINTS.nsgAndRouteTable);
    expect(late.refusal?.reason).toContain('written only after this step');
  });
});
