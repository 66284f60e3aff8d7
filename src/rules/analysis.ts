/**
 * The parsed view of a plan that several rules share: every address space, subnet, range and
 * firewall address parsed once per evaluation, with the plan path it came from. Pure and cheap to
 * rebuild; `evaluate` builds it once and passes it to every rule.
 */
import { ADDRESSES_PER_HA_SERVER, ADDRESSES_PER_NON_HA_SERVER } from '../domain/azure';
import {
  cidrRange,
  formatCidr,
  insideAnyOf,
  nextFreeBlock,
  parseLooseCidrFast,
  parseCidrFast,
  parseIPv4Fast,
  type Cidr,
  type IpRange,
  type IpResult,
} from '../domain/ipv4';
import { compileNsgCached, type CompiledNsg, type NsgContext } from '../domain/nsg';
import type { Client, FirewallRule, OnPremises, PeeredVnet, Plan, PrivateAccess } from '../domain/plan';
import { planIndex } from '../domain/plan-index';
import { contextFor, type PrivateContext } from '../checker/context';
import { nsgContextOf } from '../checker/nsg-filter';

export interface Parsed<T> {
  /** Dotted plan path of the field. */
  readonly path: string;
  readonly text: string;
  readonly result: IpResult<T>;
}

interface ParsedPeer {
  readonly index: number;
  readonly path: string;
  readonly peer: PeeredVnet;
  readonly spaces: Parsed<Cidr>[];
}

interface ParsedSite {
  readonly index: number;
  readonly path: string;
  readonly site: OnPremises;
  readonly ranges: Parsed<Cidr>[];
}

export interface ParsedFirewallRule {
  readonly index: number;
  readonly path: string;
  readonly rule: FirewallRule;
  readonly start: IpResult<number>;
  readonly end: IpResult<number>;
  /** Both ends valid and start ≤ end. */
  readonly range: IpRange | null;
}

export interface Analysis {
  readonly plan: Plan;
  /** The private-access settings, or null in public mode. */
  readonly private: PrivateAccess | null;
  /** Server VNet address spaces (aligned CIDRs required). */
  readonly vnetSpaces: Parsed<Cidr>[];
  readonly validVnetSpaces: Cidr[];
  /** Whether a block lies inside one of the valid address spaces: O(log n) per question. */
  readonly insideVnet: (cidr: Cidr) => boolean;
  /** The delegated subnet prefix (aligned CIDR required). */
  readonly delegated: Parsed<Cidr> | null;
  /** The other subnets of the server VNet. */
  readonly subnets: Parsed<Cidr>[];
  readonly peers: ParsedPeer[];
  readonly sites: ParsedSite[];
  readonly nsgContext: NsgContext | null;
  /** The delegated subnet's NSG, compiled once for the flows the rules check; null without one. */
  readonly nsg: CompiledNsg | null;
  /** Public-mode firewall rules, parsed (empty in private mode). */
  readonly firewall: ParsedFirewallRule[];
  /** Addresses the planned servers take in the delegated subnet (HA 4, otherwise 1). */
  readonly addressesNeeded: number;
  readonly anyHa: boolean;
  /**
   * Lookups by name, through the plan's one name index (`planIndex`: case-insensitive, as Azure matches
   * names; the server VNet, then the first of each name wins).
   */
  readonly vnetNamed: (name: string) => NamedVnet | undefined;
  /** A subnet of the server VNet by name: its prefix as parsed (the delegated subnet included). */
  readonly subnetNamed: (name: string) => Parsed<Cidr> | undefined;
  readonly siteNamed: (name: string) => ParsedSite | undefined;
}

/** A VNet a name refers to: the server VNet, or one of the other VNets. */
type NamedVnet = { readonly kind: 'server' } | { readonly kind: 'peered'; readonly parsed: ParsedPeer };

const SERVER_VNET: NamedVnet = { kind: 'server' };

/** A parsed prefix whose path is built only when a finding needs it (large plans hold many thousands). */
class ParsedCidrAt implements Parsed<Cidr> {
  readonly result: IpResult<Cidr>;
  constructor(
    private readonly base: string,
    private readonly index: number,
    private readonly suffix: string,
    readonly text: string,
  ) {
    this.result = parseCidrFast(text);
  }
  get path(): string {
    return `${this.base}.${this.index}${this.suffix}`;
  }
}

const cidrAt = (base: string, index: number, suffix: string, text: string): Parsed<Cidr> =>
  new ParsedCidrAt(base, index, suffix, text);

export const validCidrs = (list: readonly Parsed<Cidr>[]): Cidr[] => {
  const out: Cidr[] = [];
  for (const p of list) if (p.result.ok) out.push(p.result.value);
  return out;
};

export function analyze(plan: Plan): Analysis {
  const access = plan.access;
  const anyHa = plan.servers.some((s) => s.highAvailability !== 'Disabled');
  const addressesNeeded = plan.servers.reduce(
    (n, s) => n + (s.highAvailability === 'Disabled' ? ADDRESSES_PER_NON_HA_SERVER : ADDRESSES_PER_HA_SERVER),
    0,
  );
  if (access.mode === 'public') {
    const firewall = access.firewallRules.map((rule, index): ParsedFirewallRule => {
      const start = parseIPv4Fast(rule.startIp);
      const end = parseIPv4Fast(rule.endIp);
      const range = start.ok && end.ok && start.value <= end.value ? { start: start.value, end: end.value } : null;
      return { index, path: `access.firewallRules.${index}`, rule, start, end, range };
    });
    return {
      plan,
      private: null,
      vnetSpaces: [],
      validVnetSpaces: [],
      insideVnet: () => false,
      delegated: null,
      subnets: [],
      peers: [],
      sites: [],
      nsgContext: null,
      nsg: null,
      firewall,
      addressesNeeded,
      anyHa,
      vnetNamed: () => undefined,
      subnetNamed: () => undefined,
      siteNamed: () => undefined,
    };
  }
  const vnetSpaces = access.vnet.addressSpaces.map((s, i) => cidrAt('access.vnet.addressSpaces', i, '', s));
  const subnets = access.vnet.subnets.map((s, i) => cidrAt('access.vnet.subnets', i, '.prefix', s.prefix));
  const peers = access.peeredVnets.map((peer, index): ParsedPeer => ({
    index,
    path: `access.peeredVnets.${index}`,
    peer,
    spaces: peer.addressSpaces.map((s, i) => cidrAt(`access.peeredVnets.${index}.addressSpaces`, i, '', s)),
  }));
  const sites = access.onPremises.map((site, index): ParsedSite => ({
    index,
    path: `access.onPremises.${index}`,
    site,
    ranges: site.addressRanges.map((s, i) => cidrAt(`access.onPremises.${index}.addressRanges`, i, '', s)),
  }));
  const validVnetSpaces = validCidrs(vnetSpaces);
  const delegated: Parsed<Cidr> = {
    path: 'access.delegatedSubnet.prefix',
    text: access.delegatedSubnet.prefix,
    result: parseCidrFast(access.delegatedSubnet.prefix),
  };
  const index = planIndex(plan);
  return {
    plan,
    private: access,
    vnetSpaces,
    validVnetSpaces,
    insideVnet: insideAnyOf(validVnetSpaces),
    delegated,
    subnets,
    peers,
    sites,
    vnetNamed: (name) => {
      const entry = index.vnet(name);
      if (entry === undefined) return undefined;
      return entry.kind === 'server' ? SERVER_VNET : { kind: 'peered', parsed: peers[entry.index] as ParsedPeer };
    },
    subnetNamed: (name) => {
      const entry = index.subnet(name);
      return entry === undefined ? undefined : entry.kind === 'delegated' ? delegated : subnets[entry.index];
    },
    siteNamed: (name) => {
      const entry = index.site(name);
      return entry === undefined ? undefined : sites[entry.index];
    },
    // The connectivity checker's NSG context of this plan (the same value as nsgContextForPlan; a test holds the
    // two equal): one object, so that the NSG evaluator resolves it once for the rules and the checker alike.
    nsgContext: nsgContextOf(contextFor(plan) as PrivateContext),
    nsg: access.delegatedSubnet.nsg === null ? null : compileNsgCached(access.delegatedSubnet.nsg.rules),
    firewall: [],
    addressesNeeded,
    anyHa,
  };
}

/** A free block of this size in the server VNet that no other subnet uses, formatted, or null. */
export function freeSubnetBlock(a: Analysis, prefixLength: number): Cidr | null {
  return nextFreeBlock(prefixLength, a.validVnetSpaces, validCidrs(a.subnets));
}

/** How many blocks a message lists before it says how many there are in all. */
const LISTED_IN_MESSAGES = 6;

/**
 * Address blocks for a message: all of them (`10.0.0.0/16, 10.1.0.0/16`), or for a long list the
 * first few and the count, so that a message stays short however many blocks a VNet has.
 */
export function blocksText(blocks: readonly Cidr[]): string {
  const shown = blocks.slice(0, LISTED_IN_MESSAGES).map(formatCidr).join(', ');
  return blocks.length > LISTED_IN_MESSAGES ? `${shown}, … (${blocks.length} in all)` : shown;
}

/** Peered with the server VNet in both directions: traffic flows (PGN-139). */
export function isPeered(plan: Plan, peer: PeeredVnet): boolean {
  return plan.access.mode === 'private' && planIndex(plan).peered(plan.access.vnet.name, peer.name);
}
/** Peered with the server VNet in at least one direction (Azure checks address overlaps for any peering resource). */
export function hasPeering(plan: Plan, peer: PeeredVnet): boolean {
  if (plan.access.mode !== 'private') return false;
  const index = planIndex(plan);
  const server = plan.access.vnet.name;
  return index.peering(server, peer.name) !== undefined || index.peering(peer.name, server) !== undefined;
}

/** Parses a client's `address` field: an IPv4 address or an aligned CIDR block, as a range. */
function parseAddressOrCidr(text: string): IpRange | null {
  if (text.includes('/')) {
    const c = parseLooseCidrFast(text);
    return c.ok ? cidrRange(c.value) : null;
  }
  const ip = parseIPv4Fast(text);
  return ip.ok ? { start: ip.value, end: ip.value } : null;
}

/**
 * The source ranges a client's connections come from: its own address when it has one, otherwise
 * the subnet, VNet or on-premises site it sits in (names resolved as the checker resolves them). Empty
 * when unknown (no address, an unknown subnet/VNet/site, or an Azure service without a fixed address).
 */
export function clientSourceRanges(a: Analysis, client: Client): IpRange[] {
  if (client.address !== '') {
    const r = parseAddressOrCidr(client.address);
    return r === null ? [] : [r];
  }
  const ranges = (list: readonly Parsed<Cidr>[]) => validCidrs(list).map(cidrRange);
  switch (client.kind) {
    case 'serverVnet': {
      if (client.subnet === '') return ranges(a.vnetSpaces);
      const parsed = a.subnetNamed(client.subnet);
      return parsed === undefined ? [] : ranges([parsed]);
    }
    case 'vnet': {
      const vnet = a.vnetNamed(client.vnet);
      if (vnet === undefined) return [];
      return ranges(vnet.kind === 'server' ? a.vnetSpaces : vnet.parsed.spaces);
    }
    case 'onPremises': {
      const site = a.siteNamed(client.site);
      return site === undefined ? [] : ranges(site.ranges);
    }
    default:
      return [];
  }
}
