/**
 * Plans of the diagram's tests that no example covers: a hub and spoke through a firewall, where the server
 * VNet is a spoke and the other spoke is peered with the hub only; and the picture of the issue where finding
 * markers covered labels.
 */
import { readPlanDocument } from '../../domain/parse';
import { PLAN_FORMAT_VERSION, type Plan, type PlanInput } from '../../domain/plan';
import { examplePlan } from '../../domain/testing/examples';

type Access = Extract<PlanInput['access'], { mode: 'private' }>;

const both = (a: string, b: string, forwarded: boolean): NonNullable<Access['peerings']> => [
  { from: a, to: b, allowForwardedTraffic: forwarded },
  { from: b, to: a, allowForwardedTraffic: forwarded },
];

/**
 * The server VNet `vnet-spoke-1`, the hub `vnet-hub` with an Azure Firewall at 10.0.1.4, and `vnet-spoke-2`;
 * peerings hub ↔ spoke-1 and hub ↔ spoke-2 in both directions, none between the spokes; route tables on the
 * delegated subnet and on spoke-2's `snet-app` send the other spoke to the firewall. `change` edits the
 * private access before the plan is read.
 */
type OtherVnet = NonNullable<Access['peeredVnets']>[number];

/**
 * A hub VNet 10.`n`.0.0/16 in westeurope, linked to the zone, with Azure Firewall `firewall` at 10.`n`.1.4 in its
 * AzureFirewallSubnet (10.`n`.1.0/26).
 */
export const firewallHub = (name: string, firewall: string, n: number): OtherVnet => ({
  name,
  region: 'westeurope',
  addressSpaces: [`10.${n}.0.0/16`],
  subnets: [{ name: 'AzureFirewallSubnet', prefix: `10.${n}.1.0/26` }],
  appliance: { kind: 'azureFirewall', name: firewall, privateIp: `10.${n}.1.4` },
  zoneLink: true,
});

export function hubSpokeFirewallPlan(change: (access: Access) => Access = (a) => a): Plan {
  const access: Access = {
    mode: 'private',
    vnet: {
      name: 'vnet-spoke-1',
      region: 'westeurope',
      addressSpaces: ['10.1.0.0/16'],
      subnets: [{ name: 'snet-app', prefix: '10.1.1.0/24' }],
    },
    delegatedSubnet: { name: 'snet-postgres', prefix: '10.1.0.0/28' },
    privateDnsZone: { name: 'spokes.private.postgres.database.azure.com' },
    peeredVnets: [
      firewallHub('vnet-hub', 'afw-hub', 0),
      {
        name: 'vnet-spoke-2',
        region: 'westeurope',
        addressSpaces: ['10.2.0.0/16'],
        subnets: [{ name: 'snet-app', prefix: '10.2.1.0/24' }],
        zoneLink: true,
      },
    ],
    peerings: [...both('vnet-spoke-1', 'vnet-hub', true), ...both('vnet-hub', 'vnet-spoke-2', true)],
    routeTables: [
      {
        name: 'rt-postgres',
        vnet: 'vnet-spoke-1',
        subnets: ['snet-postgres'],
        routes: [{ name: 'spoke-2', prefix: '10.2.0.0/16', nextHop: 'VirtualAppliance', nextHopIp: '10.0.1.4' }],
      },
      {
        name: 'rt-spoke-2-app',
        vnet: 'vnet-spoke-2',
        subnets: ['snet-app'],
        routes: [
          { name: 'spoke-1', prefix: '10.1.0.0/16', nextHop: 'VirtualAppliance', nextHopIp: '10.0.1.4' },
          { name: 'blackhole', prefix: '10.9.0.0/16', nextHop: 'None' },
        ],
      },
    ],
  };
  const read = readPlanDocument({
    formatVersion: PLAN_FORMAT_VERSION,
    name: 'Spokes through a firewall',
    servers: [{ name: 'pg-spoke-1', region: 'westeurope' }],
    access: change(access),
    clients: [{ kind: 'vnet', name: 'spoke-2-app', vnet: 'vnet-spoke-2', address: '10.2.1.10' }],
  } satisfies PlanInput);
  if (!read.ok) throw new Error(read.error.message);
  return read.plan;
}

/**
 * `examples/hub-and-spoke.json` with one direction of the hub–spoke-2 peering removed (its line is labelled
 * "one-way", and PGN-139 warns on it) and a client on the internet, which must not reach the server, that connects
 * by IP (PGN-007 warns on it, in the internet's box): where "▲ 1 warning" covered the internet's caption and the
 * "one-way" label.
 */
export function oneWayWarningPlan(): Plan {
  const plan = examplePlan('hub-and-spoke');
  if (plan.access.mode !== 'private') throw new Error('the example changed');
  const peerings = plan.access.peerings.filter((p) => !(p.from === 'vnet-spoke-2' && p.to === 'vnet-hub'));
  const client: Plan['clients'][number] = {
    kind: 'internet',
    name: 'home-office',
    address: '203.0.113.9',
    dynamicIp: false,
    intent: 'mustNotReach',
    tlsVersion: 'TLSv1.2',
    connectsByIp: true,
  };
  return { ...plan, access: { ...plan.access, peerings }, clients: [...plan.clients, client] };
}
