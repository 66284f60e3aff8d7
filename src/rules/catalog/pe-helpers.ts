/**
 * What the private endpoint rules (PGN-220–226) share about a public-access plan: its VNets by name (the plan's
 * one name index), which VNet holds an address (PGN-142's placement, dns-placement.ts), and how each VNet resolves
 * the `privatelink.` zone. Built once per access settings object.
 */
import { PRIVATE_LINK_ZONE } from '../../domain/azure';
import { parseCidrFast, quickIPv4, type Cidr } from '../../domain/ipv4';
import type { PeeredVnet, Plan, PublicAccess } from '../../domain/plan';
import { accessIndex } from '../../domain/plan-index';
import { firstHolder } from './dns-placement';

export interface PeVnet {
  readonly vnet: PeeredVnet;
  /** `access.peeredVnets.N` */
  readonly path: string;
  readonly spaces: readonly Cidr[];
}

export interface PeContext {
  readonly access: PublicAccess;
  /** The plan's VNet of this name (in any case). */
  vnet(name: string): PeVnet | undefined;
  /** The first VNet of the plan whose address spaces hold this IPv4 address. */
  holder(ip: string): PeVnet | undefined;
  /**
   * Resolves the zone: linked to it, or its custom DNS servers (forwarding to Azure DNS) sit in a linked VNet,
   * as a DNS Private Resolver's inbound endpoint in a hub does (PE §3.3).
   */
  resolves(v: PeVnet): boolean;
  /** One key per DNS configuration: VNets with the same key see the same records (PGN-226). */
  scope(v: PeVnet): string;
}

const contexts = new WeakMap<PublicAccess, PeContext>();

/** The context of a public-access plan with private endpoints; null otherwise. */
export function peContext(plan: Plan): PeContext | null {
  const access = plan.access;
  if (access.mode !== 'public' || access.privateEndpoints.length === 0) return null;
  const known = contexts.get(access);
  if (known !== undefined) return known;
  const index = accessIndex(access);
  const vnets = access.peeredVnets.map((vnet, i): PeVnet => ({
    vnet,
    path: `access.peeredVnets.${i}`,
    spaces: vnet.addressSpaces.flatMap((s) => {
      const c = parseCidrFast(s);
      return c.ok ? [c.value] : [];
    }),
  }));
  const at = firstHolder(vnets);
  const holder = (ip: string) => {
    const n = quickIPv4(ip);
    return n === null ? undefined : at(n);
  };
  /** The VNet holding this VNet's first custom DNS server that sits in a VNet of the plan. */
  const dnsHome = (v: PeVnet) =>
    v.vnet.dns.kind === 'custom' ? v.vnet.dns.servers.map(holder).find((h) => h !== undefined) : undefined;
  const resolves = (v: PeVnet) =>
    v.vnet.zoneLink ||
    (v.vnet.dns.kind === 'custom' &&
      v.vnet.dns.forwardsToAzureDns &&
      v.vnet.dns.servers.some((s) => holder(s)?.vnet.zoneLink === true));
  const context: PeContext = {
    access,
    vnet: (name) => {
      const e = index.vnet(name);
      return e?.kind === 'peered' ? vnets[e.index] : undefined;
    },
    holder,
    resolves,
    scope: (v) => {
      if (resolves(v)) return 'zone';
      const home = dnsHome(v);
      if (home !== undefined) return `vnet:${home.vnet.name.toLowerCase()}`;
      return v.vnet.dns.kind === 'custom' ? `dns:${v.vnet.dns.servers.join()}` : `vnet:${v.vnet.name.toLowerCase()}`;
    },
  };
  contexts.set(access, context);
  return context;
}

/** The zone of the plan's private endpoints, for a message: its name, or the one it needs. */
export const zoneName = (access: PublicAccess): string => access.privateDnsZone?.name || PRIVATE_LINK_ZONE;
