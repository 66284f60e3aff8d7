/**
 * Issue 13: nested deployments and Bicep modules are named after what they hold, within ARM's rules for deployment
 * names (1–64 characters: alphanumerics, `_`, `.`, `-`; the exporters leave out parentheses), unique and stable.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../domain/plan';
import { armTemplate } from './arm/index';
import { bicepFiles } from './bicep/index';
import { examplePlan, planOf } from './test-plans';

const deploymentNames = (plan: Plan): string[] =>
  (armTemplate(plan).resources as { type: string; name: string }[])
    .filter((r) => r.type === 'Microsoft.Resources/deployments')
    .map((r) => r.name);

const moduleNames = (plan: Plan): string[] =>
  [
    ...(bicepFiles(plan).find((f) => f.path === 'main.bicep')?.contents ?? '').matchAll(
      /^module \w+ '([^']+)' = \{\n {2}name: '([^']+)'/gm,
    ),
  ].map((m) => {
    expect(m[1]).toBe(`modules/${m[2]}.bicep`);
    return m[2] as string;
  });

/** Hub and spoke with two more peered VNets whose names differ only after the 64th character of a deployment. */
function longNamesPlan(): Plan {
  const base = examplePlan('hub-and-spoke');
  if (base.access.mode !== 'private') throw new Error('a private example');
  const spoke = base.access.peeredVnets[1]!;
  const server = base.access.vnet.name;
  const long = (n: number) => `vnet-${'a'.repeat(50)}-spoke-${n}`;
  return planOf({
    ...base,
    access: {
      ...base.access,
      peeredVnets: [
        ...base.access.peeredVnets,
        { ...spoke, name: long(3), resourceGroup: 'rg-spoke-3', addressSpaces: ['10.31.0.0/16'], zoneLink: false },
        { ...spoke, name: long(4), resourceGroup: 'rg-spoke-4', addressSpaces: ['10.32.0.0/16'], zoneLink: false },
      ],
      // Each peered with the server VNet both ways: their sides are the deployments whose names are cut.
      peerings: [
        ...base.access.peerings,
        ...[3, 4].flatMap((n) => [
          { from: server, to: long(n) },
          { from: long(n), to: server },
        ]),
      ],
    },
  });
}

describe('deployment and module names (issue 13)', () => {
  it('hub and spoke: each nested deployment is named after what it holds, and its Bicep module likewise', () => {
    const plan = examplePlan('hub-and-spoke');
    const expected = [
      'pgflex-vnet-orders-data',
      'pgflex-dns-zone',
      // The hub's peerings to the server VNet and to the other spoke, and the other spoke's to each of them.
      'pgflex-peerings-rg-hub-network',
      'pgflex-peerings-rg-spoke-2',
      'pgflex-peering-vnet-orders-data-to-vnet-hub',
    ];
    expect(deploymentNames(plan)).toEqual(expected);
    expect(moduleNames(plan)).toEqual(expected);
  });

  it('servers in other resource groups: one deployment per group, named after its server', () => {
    const pub = examplePlan('public-office');
    const first = pub.servers[0]!;
    const plan = planOf({
      ...pub,
      servers: [first, { ...first, name: 'pg-fabrikam-replica', resourceGroup: 'rg-replica' }],
    });
    expect(deploymentNames(plan)).toEqual(['pgflex-server-pg-fabrikam-replica']);
  });

  it('long names are cut to 64 characters and stay unique, whatever the case; the same plan, the same names', () => {
    const plan = longNamesPlan();
    const names = deploymentNames(plan);
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9_.-]{1,64}$/);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    const cut = names.filter((n) => n.length === 64);
    expect(cut).toHaveLength(2);
    expect(cut[1]).toMatch(/-2$/);
    expect(deploymentNames(longNamesPlan())).toEqual(names);
    expect(moduleNames(plan)).toEqual(names);
  });
});
