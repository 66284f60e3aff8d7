/**
 * Plans at the size limits of azure.ts: the largest plan Azure accepts (3,000 subnets in the server
 * VNet, 500 peerings on the server VNet and 500 on a hub VNet, 1,000 NSG rules, and the planner's own
 * limits for the lists Azure does not bound), scaled down for the growth measure, and adversarial
 * versions of it whose elements are all identical, all nested or all overlapping. Shared by the
 * worst-case bench and the limit tests. Deterministic: the same arguments give the same plan.
 */
import {
  MAX_DNS_SERVERS_PER_VNET,
  MAX_NSG_RULES_PER_NSG,
  MAX_PEERINGS_PER_VNET,
  MAX_SUBNETS_PER_VNET,
  NSG_PRIORITY_MAX,
  NSG_PRIORITY_MIN,
  PLANNER_LIMITS,
} from './azure';
import { formatCidr, formatIPv4, rangeToCidrs } from './ipv4';
import { newPublicAccess } from './new-plan';
import {
  PLAN_FORMAT_VERSION,
  type Client,
  type DnsSetting,
  type FirewallRule,
  type NsgRule,
  type OnPremises,
  type PeeredVnet,
  type Peering,
  type Plan,
} from './plan';

/** How the elements of each list relate: distinct, all identical, all nested, or all overlapping. */
export type LimitShape = 'spread' | 'identical' | 'nested' | 'overlapping';

export const LIMIT_SHAPES: readonly LimitShape[] = ['spread', 'identical', 'nested', 'overlapping'];

export interface LimitSize {
  /** Subnets of the server VNet besides the delegated one. */
  subnets: number;
  /**
   * Other VNets. The server VNet peers with each of them, and the first one is a hub that peers with every
   * other one: at MAX_PEERINGS_PER_VNET, both the server VNet and the hub hold Azure's most peerings.
   */
  peeredVnets: number;
  nsgRules: number;
  /** Addresses or ranges on each side of every NSG rule. */
  nsgAddressesPerRule: number;
  firewallRules: number;
  clients: number;
  onPremisesSites: number;
  rangesPerSite: number;
  /** Custom DNS servers of the server VNet and of every other VNet (0: Azure-provided DNS). */
  dnsServersPerVnet: number;
}

/**
 * The largest plan Azure accepts, with the planner's own limits where Azure documents none. NSG rules
 * carry a few addresses each: 4,000 per side on 1,000 rules would make a plan file far above the
 * 16 MB the planner reads.
 */
export const AZURE_MAXIMUM_SIZE: LimitSize = {
  subnets: MAX_SUBNETS_PER_VNET - 1,
  peeredVnets: MAX_PEERINGS_PER_VNET,
  nsgRules: MAX_NSG_RULES_PER_NSG,
  nsgAddressesPerRule: 4,
  firewallRules: PLANNER_LIMITS.firewallRules,
  clients: PLANNER_LIMITS.clients,
  onPremisesSites: PLANNER_LIMITS.onPremisesSites,
  rangesPerSite: 10,
  dnsServersPerVnet: MAX_DNS_SERVERS_PER_VNET,
};

/**
 * The maximum divided by `divisor` (rounded up, at least one of each): 100 and 10 give the 1× and
 * 10× plans of the growth measure. The lists inside an element (addresses of an NSG rule, ranges of
 * a site, DNS servers of a VNet) keep their size, so that the plan's elements grow tenfold per step.
 */
export function fractionOfMaximum(divisor: number): LimitSize {
  const part = (n: number) => Math.max(1, Math.ceil(n / divisor));
  const m = AZURE_MAXIMUM_SIZE;
  return {
    subnets: part(m.subnets),
    peeredVnets: part(m.peeredVnets),
    nsgRules: part(m.nsgRules),
    nsgAddressesPerRule: m.nsgAddressesPerRule,
    firewallRules: part(m.firewallRules),
    clients: part(m.clients),
    onPremisesSites: part(m.onPremisesSites),
    rangesPerSite: m.rangesPerSite,
    dnsServersPerVnet: m.dnsServersPerVnet,
  };
}

const REGION = 'westeurope';
const SERVER_VNET = 'vnet-limits';
const SERVER_SPACE = '10.0.0.0/8';
/** The delegated subnet: a /22, so that NSG rules can cover parts of it. */
const DELEGATED = { start: 0x0afc0000, prefixLength: 22 }; // 10.252.0.0/22
const PEERED_BASE = 0x0b000000; // 11.0.0.0
const SITE_BASE = 0xac100000; // 172.16.0.0
const PUBLIC_BASE = 0x14000000; // 20.0.0.0

const cidr = (start: number, prefixLength: number) => formatCidr({ start, prefixLength });
/** Nested blocks: the i-th of a chain of blocks that all start at `base`, from /`from` down to /32. */
const nestedBlock = (base: number, from: number, i: number) => cidr(base, from + (i % (33 - from)));

function subnetPrefix(shape: LimitShape, i: number): string {
  switch (shape) {
    case 'spread':
      return cidr(0x0a000000 + (i + 1) * 64, 26);
    case 'identical':
      return '10.1.0.0/24';
    case 'nested':
      return nestedBlock(0x0a000000, 9, i);
    case 'overlapping':
      // A /22 and then a /26 inside it, over and over: every subnet overlaps another.
      return i % 2 === 0 ? cidr(0x0a000000 + (i / 2) * 1024, 22) : cidr(0x0a000000 + ((i - 1) / 2) * 1024 + 64, 26);
  }
}

function peeredSpace(shape: LimitShape, i: number): string {
  switch (shape) {
    case 'spread':
      return cidr(PEERED_BASE + i * 256, 24);
    case 'identical':
      return '11.0.0.0/16';
    case 'nested':
      return nestedBlock(PEERED_BASE, 8, i);
    case 'overlapping':
      return i % 2 === 0 ? cidr(PEERED_BASE + (i / 2) * 1024, 22) : cidr(PEERED_BASE + ((i - 1) / 2) * 1024 + 256, 24);
  }
}

/** A range of `count` addresses from `start`, as the fewest CIDR blocks (at most `max` of them). */
const blocksOf = (start: number, count: number, max: number): string[] =>
  rangeToCidrs({ start, end: start + count - 1 })
    .slice(0, max)
    .map((c) => formatCidr(c));

function nsgRule(shape: LimitShape, i: number, n: number, perRule: number): NsgRule {
  const priority = (k: number) => NSG_PRIORITY_MIN + (k % (NSG_PRIORITY_MAX - NSG_PRIORITY_MIN + 1));
  const base = {
    direction: 'Inbound' as const,
    protocol: 'Tcp' as const,
    sourcePorts: ['*'],
    sourceAsgs: [],
    destinationAsgs: [],
    description: '',
  };
  const many = (first: (k: number) => string) => Array.from({ length: perRule }, (_, k) => first(k));
  switch (shape) {
    case 'spread':
      return {
        ...base,
        name: `rule-${i}`,
        priority: priority(i),
        access: i % 5 === 4 ? 'Deny' : 'Allow',
        sourceAddresses: many((k) => cidr(PEERED_BASE + (i * perRule + k) * 256, 24)),
        destinationAddresses: [formatCidr(DELEGATED)],
        destinationPorts: [i % 3 === 0 ? '5432' : i % 3 === 1 ? '6432' : '1000-2000'],
      };
    case 'identical':
      return {
        ...base,
        name: 'allow-spokes',
        priority: NSG_PRIORITY_MIN,
        access: 'Allow',
        sourceAddresses: many(() => '11.0.0.0/16'),
        destinationAddresses: many(() => formatCidr(DELEGATED)),
        destinationPorts: ['5432'],
      };
    case 'nested':
      // Every rule covers part of the one before it, on both sides: each one splits what is left.
      return {
        ...base,
        name: `nested-${i}`,
        priority: priority(i),
        access: i === n - 1 ? 'Deny' : 'Allow',
        sourceAddresses: many((k) => nestedBlock(PEERED_BASE, 8, i + k)),
        destinationAddresses: [nestedBlock(DELEGATED.start, 22, i)],
        destinationPorts: ['5432'],
      };
    case 'overlapping':
      // Staggered ranges on both sides: every rule overlaps the next ones, and none covers another.
      return {
        ...base,
        name: `overlap-${i}`,
        priority: priority(i),
        access: i % 7 === 6 ? 'Deny' : 'Allow',
        sourceAddresses: blocksOf(PEERED_BASE + i * 4096 + 256, n * 2048, perRule),
        destinationAddresses: blocksOf(DELEGATED.start + (i % 512) + 1, 300, perRule),
        destinationPorts: ['5432'],
      };
  }
}

function firewallRule(shape: LimitShape, i: number, n: number): FirewallRule {
  const range = (start: number, end: number) => ({ startIp: formatIPv4(start), endIp: formatIPv4(end) });
  switch (shape) {
    case 'spread':
      return { name: `office-${i}`, ...range(PUBLIC_BASE + i * 16, PUBLIC_BASE + i * 16 + 15) };
    case 'identical':
      return { name: 'office', ...range(PUBLIC_BASE, PUBLIC_BASE + 15) };
    case 'nested':
      return { name: `nested-${i}`, ...range(PUBLIC_BASE + i, PUBLIC_BASE + 2 * n - i) };
    case 'overlapping':
      return { name: `overlap-${i}`, ...range(PUBLIC_BASE + i * 16, PUBLIC_BASE + i * 16 + n * 8) };
  }
}

function dns(shape: LimitShape, count: number, vnet: number): DnsSetting {
  if (count === 0) return { kind: 'azure' };
  const server = (k: number) =>
    shape === 'identical' ? '11.0.0.4' : formatIPv4(PEERED_BASE + ((vnet * count + k) % 65536) * 256 + 4);
  return { kind: 'custom', servers: Array.from({ length: count }, (_, k) => server(k)), forwardsToAzureDns: true };
}

function peeredVnet(shape: LimitShape, i: number, size: LimitSize): PeeredVnet {
  return {
    name: shape === 'identical' ? 'vnet-spoke' : `vnet-spoke-${i}`,
    region: REGION,
    resourceGroup: `rg-spoke-${i}`,
    subscription: '',
    addressSpaces: [peeredSpace(shape, i)],
    zoneLink: i % 7 !== 6,
    dns: dns(shape, size.dnsServersPerVnet, i + 1),
    subnets: [],
    appliance: null,
  };
}

const peering = (from: string, to: string, flags: Partial<Peering> = {}): Peering => ({
  from,
  to,
  allowForwardedTraffic: false,
  allowGatewayTransit: false,
  useRemoteGateways: false,
  ...flags,
});

/**
 * The server VNet peers with every other VNet, and the first other VNet (a hub) with every other one, both ways:
 * one peering resource per direction, so each of the two holds one per other VNet (500 at Azure's limit). In the
 * spread shape every tenth VNet lacks its peering to the server VNet (a one-way peering, PGN-139), and the hub's
 * peerings forward traffic.
 */
function peerings(shape: LimitShape, server: string, vnets: readonly PeeredVnet[]): Peering[] {
  const hub = vnets[0]?.name;
  const toServer = vnets.flatMap((v, i) => {
    const oneWay = shape === 'spread' && i % 10 === 9;
    return oneWay ? [peering(server, v.name)] : [peering(server, v.name), peering(v.name, server)];
  });
  const viaHub =
    hub === undefined
      ? []
      : vnets
          .slice(1)
          .flatMap((v) => [
            peering(hub, v.name, { allowForwardedTraffic: shape === 'spread' }),
            peering(v.name, hub, { allowForwardedTraffic: shape === 'spread' }),
          ]);
  return [...toServer, ...viaHub];
}

function site(shape: LimitShape, i: number, size: LimitSize): OnPremises {
  const range = (k: number) => {
    switch (shape) {
      case 'spread':
        return cidr(SITE_BASE + (i * size.rangesPerSite + k) * 256, 24);
      case 'identical':
        return '172.16.0.0/24';
      case 'nested':
        return nestedBlock(SITE_BASE, 12, i + k);
      case 'overlapping':
        return (i + k) % 2 === 0 ? cidr(SITE_BASE + (i + k) * 512, 22) : cidr(SITE_BASE + (i + k - 1) * 512 + 256, 24);
    }
  };
  return {
    name: shape === 'identical' ? 'office' : `office-${i}`,
    addressRanges: Array.from({ length: size.rangesPerSite }, (_, k) => range(k)),
    connection: i % 3 === 2 ? 'expressRoute' : 'vpn',
    gatewayVnet: '',
    dnsForwarder: i % 2 === 0,
  };
}

function client(shape: LimitShape, i: number, plan: { subnets: string[]; vnets: string[]; sites: string[] }): Client {
  const base = {
    name: shape === 'identical' ? 'app' : `client-${i}`,
    intent: 'mustReach' as const,
    tlsVersion: 'TLSv1.2' as const,
  };
  const address = (kind: 'vnet' | 'site') => {
    if (shape === 'spread' || shape === 'identical') return '';
    const from = kind === 'vnet' ? PEERED_BASE : SITE_BASE;
    return shape === 'nested' ? nestedBlock(from, 16, i) : cidr(from + i * 64, 26);
  };
  const pick = (list: string[]) => list[i % Math.max(1, list.length)] ?? '';
  switch (i % 4) {
    case 0:
      return { kind: 'serverVnet', ...base, connectsByIp: false, subnet: pick(plan.subnets), address: '' };
    case 1:
      return { kind: 'vnet', ...base, connectsByIp: false, vnet: pick(plan.vnets), address: address('vnet') };
    case 2:
      return { kind: 'onPremises', ...base, connectsByIp: false, site: pick(plan.sites), address: address('site') };
    default:
      return {
        kind: 'internet',
        ...base,
        connectsByIp: i % 8 === 3,
        address: formatIPv4(PUBLIC_BASE + (shape === 'identical' ? 1 : i * 16 + 1)),
        dynamicIp: i % 12 === 3,
      };
  }
}

function publicClient(shape: LimitShape, i: number): Client {
  const base = {
    name: shape === 'identical' ? 'app' : `client-${i}`,
    intent: 'mustReach' as const,
    tlsVersion: 'TLSv1.2' as const,
  };
  const address =
    shape === 'identical'
      ? formatIPv4(PUBLIC_BASE + 1)
      : shape === 'nested'
        ? nestedBlock(PUBLIC_BASE, 16, i)
        : formatIPv4(PUBLIC_BASE + i * 16 + 1);
  return i % 5 === 4
    ? { kind: 'azureService', ...base, connectsByIp: false, tenant: 'same', address: '' }
    : { kind: 'internet', ...base, connectsByIp: false, address, dynamicIp: i % 3 === 0 };
}

/**
 * A plan of the given size whose lists have the given shape. Private access by default (every list
 * of the plan at once; the firewall rules sit in the private plan's `firewallRules`, which PGN-111
 * reports); `public` gives a public-access plan with the same firewall rules and clients.
 */
export function limitPlan(size: LimitSize, shape: LimitShape, mode: 'private' | 'public' = 'private'): Plan {
  const firewallRules = Array.from({ length: size.firewallRules }, (_, i) =>
    firewallRule(shape, i, size.firewallRules),
  );
  const servers = [
    {
      name: 'pg-limits',
      region: REGION,
      version: '17' as const,
      highAvailability: 'ZoneRedundant' as const,
      resourceGroup: 'rg-limits',
      subscription: '',
    },
  ];
  const tls = { requireSecureTransport: true, minVersion: 'TLSv1.2' as const, maxVersion: null };
  const name = `Limits: ${shape} (${size.subnets + 1} subnets, ${size.nsgRules} NSG rules)`;
  if (mode === 'public') {
    return {
      formatVersion: PLAN_FORMAT_VERSION,
      name,
      servers,
      access: { ...newPublicAccess(), firewallRules, allowAzureServices: shape === 'identical' },
      tls,
      clients: Array.from({ length: size.clients }, (_, i) => publicClient(shape, i)),
    };
  }
  const subnets = Array.from({ length: size.subnets }, (_, i) => ({
    name: shape === 'identical' ? 'snet-app' : `snet-${i}`,
    prefix: subnetPrefix(shape, i),
  }));
  const peeredVnets = Array.from({ length: size.peeredVnets }, (_, i) => peeredVnet(shape, i, size));
  const onPremises = Array.from({ length: size.onPremisesSites }, (_, i) => site(shape, i, size));
  const names = {
    subnets: subnets.map((s) => s.name),
    vnets: peeredVnets.map((v) => v.name),
    sites: onPremises.map((s) => s.name),
  };
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    name,
    servers,
    access: {
      mode: 'private',
      vnet: {
        name: SERVER_VNET,
        region: REGION,
        resourceGroup: 'rg-limits',
        existing: false,
        addressSpaces: [SERVER_SPACE],
        dns: dns(shape, size.dnsServersPerVnet, 0),
        subnets,
        zoneLink: true,
        appliance: null,
      },
      delegatedSubnet: {
        name: 'snet-postgres',
        prefix: formatCidr(DELEGATED),
        existing: false,
        existingDelegation: null,
        otherResourceTypes: [],
        nsg: {
          name: 'nsg-postgres',
          existing: false,
          rules: Array.from({ length: size.nsgRules }, (_, i) =>
            nsgRule(shape, i, size.nsgRules, size.nsgAddressesPerRule),
          ),
        },
      },
      privateDnsZone: {
        name: 'limits.private.postgres.database.azure.com',
        existing: false,
        resourceGroup: 'rg-limits',
        subscription: '',
      },
      peeredVnets,
      peerings: peerings(shape, SERVER_VNET, peeredVnets),
      routeTables: [],
      onPremises,
      firewallRules,
    },
    tls,
    clients: Array.from({ length: size.clients }, (_, i) => client(shape, i, names)),
  };
}
