/**
 * Generated plans of the sizes named in spec/budgets.md, shared by the benchmarks and the
 * scale tests. Deterministic: the same arguments give the same plan.
 */
import { formatCidr, formatIPv4 } from './ipv4';
import { newPublicAccess } from './new-plan';
import {
  PLAN_FORMAT_VERSION,
  type Client,
  type FirewallRule,
  type NsgRule,
  type PeeredVnet,
  type Peering,
  type Plan,
} from './plan';

function nsgRule(i: number, direction: 'Inbound' | 'Outbound', destination: string): NsgRule {
  return {
    name: `rule-${direction.toLowerCase()}-${i}`,
    priority: 100 + (i % 3997),
    direction,
    access: i % 5 === 4 ? 'Deny' : 'Allow',
    protocol: 'Tcp',
    sourceAddresses: [formatCidr({ start: 0x0b000000 + i * 256, prefixLength: 24 })],
    sourcePorts: ['*'],
    destinationAddresses: [destination],
    destinationPorts: [i % 3 === 0 ? '5432' : i % 3 === 1 ? '6432' : '1000-2000'],
    sourceAsgs: [],
    destinationAsgs: [],
    description: '',
  };
}

function firewallRule(i: number): FirewallRule {
  const start = 0x14000000 + i * 16; // 20.0.0.0 upwards, /28-sized ranges
  return { name: `office-${i}`, startIp: formatIPv4(start), endIp: formatIPv4(start + 15) };
}

function peeredVnet(i: number, region: string): PeeredVnet {
  return {
    name: `vnet-spoke-${i}`,
    region,
    resourceGroup: `rg-spoke-${i}`,
    subscription: '',
    addressSpaces: [formatCidr({ start: 0x0b000000 + i * 256, prefixLength: 24 })],
    zoneLink: i % 7 !== 6,
    dns: { kind: 'azure' },
    subnets: [],
    appliance: null,
  };
}

const SERVER_VNET = 'vnet-sample';

/** A peering resource on `from` pointing to `to`, with no flag set. */
const peering = (from: string, to: string): Peering => ({
  from,
  to,
  allowForwardedTraffic: false,
  allowGatewayTransit: false,
  useRemoteGateways: false,
});

/** Each peered VNet is peered with the server VNet in both directions, but every tenth one in one direction only. */
const serverPeerings = (server: string, peered: readonly PeeredVnet[]): Peering[] =>
  peered.flatMap((p, i) =>
    i % 10 !== 9 ? [peering(server, p.name), peering(p.name, server)] : [peering(server, p.name)],
  );

export interface SampleSize {
  subnets: number;
  peeredVnets: number;
  firewallRules: number;
  nsgRules: number;
  clients: number;
}

/** The typical plan of spec/budgets.md: 1 VNet, 4 subnets, 3 peerings, 10 firewall rules, 8 NSG rules. */
export const TYPICAL_SIZE: SampleSize = { subnets: 4, peeredVnets: 3, firewallRules: 10, nsgRules: 8, clients: 3 };

/** The large plan of spec/budgets.md: 1,000 firewall rules, 200 peered VNets, 500 subnets, 200 NSG rules, 100 clients.
 * */
export const LARGE_SIZE: SampleSize = {
  subnets: 500,
  peeredVnets: 200,
  firewallRules: 1000,
  nsgRules: 200,
  clients: 100,
};

export function scaleSize(size: SampleSize, factor: number): SampleSize {
  return {
    subnets: size.subnets * factor,
    peeredVnets: size.peeredVnets * factor,
    firewallRules: size.firewallRules * factor,
    nsgRules: size.nsgRules * factor,
    clients: size.clients * factor,
  };
}

/**
 * A private-access plan of the given size. The server VNet is 10.0.0.0/8 with /26 subnets (room for
 * 100× the large plan); peered VNets are /24s from 11.0.0.0 upwards. The firewall rules sit in the
 * private plan's `firewallRules` (which PGN-111 reports), so that one document carries every element
 * the budget names; `mode: 'public'` gives the same counts as a public-access plan instead.
 */
export function samplePlan(size: SampleSize, mode: 'private' | 'public' = 'private'): Plan {
  const region = 'westeurope';
  const subnets = Array.from({ length: size.subnets }, (_, i) => ({
    name: `snet-${i}`,
    prefix: formatCidr({ start: 0x0a000000 + (i + 1) * 64, prefixLength: 26 }),
  }));
  const peered = Array.from({ length: size.peeredVnets }, (_, i) => peeredVnet(i, region));
  const firewallRules = Array.from({ length: size.firewallRules }, (_, i) => firewallRule(i));
  const half = Math.ceil(size.nsgRules / 2);
  const nsgRules = [
    ...Array.from({ length: half }, (_, i) => nsgRule(i, 'Inbound', '10.0.0.0/28')),
    ...Array.from({ length: size.nsgRules - half }, (_, i) => nsgRule(i, 'Outbound', 'Storage')),
  ];
  const clients: Client[] = Array.from({ length: size.clients }, (_, i): Client => {
    const base = {
      name: `client-${i}`,
      intent: 'mustReach' as const,
      tlsVersion: 'TLSv1.2' as const,
      connectsByIp: false,
    };
    if (mode === 'public')
      return { kind: 'internet', ...base, address: formatIPv4(0x14000000 + i * 16 + 1), dynamicIp: false };
    switch (i % 3) {
      case 0:
        return {
          kind: 'serverVnet',
          ...base,
          subnet: subnets[i % Math.max(1, subnets.length)]?.name ?? '',
          address: '',
        };
      case 1:
        return { kind: 'vnet', ...base, vnet: peered[i % Math.max(1, peered.length)]?.name ?? '', address: '' };
      default:
        return { kind: 'internet', ...base, address: formatIPv4(0x14000000 + i * 16 + 1), dynamicIp: false };
    }
  });
  const servers = [
    {
      name: 'pg-sample',
      region,
      version: '17' as const,
      highAvailability: 'ZoneRedundant' as const,
      resourceGroup: 'rg-sample',
      subscription: '',
    },
  ];
  const tls = { requireSecureTransport: true, minVersion: 'TLSv1.2' as const, maxVersion: null };
  if (mode === 'public') {
    return {
      formatVersion: PLAN_FORMAT_VERSION,
      name: `Sample public plan (${size.firewallRules} firewall rules)`,
      servers,
      access: { ...newPublicAccess(), firewallRules },
      tls,
      clients,
    };
  }
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    name: `Sample plan (${size.subnets} subnets, ${size.peeredVnets} peered VNets)`,
    servers,
    access: {
      mode: 'private',
      vnet: {
        name: SERVER_VNET,
        region,
        resourceGroup: 'rg-sample',
        existing: false,
        addressSpaces: ['10.0.0.0/8'],
        dns: { kind: 'azure' },
        subnets,
        zoneLink: true,
        appliance: null,
      },
      delegatedSubnet: {
        name: 'snet-postgres',
        prefix: '10.0.0.0/28',
        existing: false,
        existingDelegation: null,
        otherResourceTypes: [],
        nsg: { name: 'nsg-postgres', rules: nsgRules, existing: false },
      },
      privateDnsZone: {
        name: 'sample.private.postgres.database.azure.com',
        existing: false,
        resourceGroup: 'rg-sample',
        subscription: '',
      },
      peeredVnets: peered,
      peerings: serverPeerings(SERVER_VNET, peered),
      routeTables: [],
      onPremises: [
        { name: 'office', addressRanges: ['192.168.0.0/24'], connection: 'vpn', gatewayVnet: '', dnsForwarder: true },
      ],
      firewallRules,
    },
    tls,
    clients,
  };
}

export const typicalPlan = (): Plan => samplePlan(TYPICAL_SIZE);
export const largePlan = (factor = 1): Plan => samplePlan(scaleSize(LARGE_SIZE, factor));
