/**
 * Plan format 1 → 2: peerings become objects of their own, one per direction, between any two VNets, with
 * Azure's three flags written out.
 *
 * Format 1 peered each other VNet with the server VNet only (`peeredVnets[].peering.fromServerVnet` /
 * `toServerVnet`, both true by default) and left the flags to the exports: a VNet holding the gateway of an
 * on-premises site offered gateway transit and forwarded traffic, and the server VNet used the remote gateway.
 * This step writes exactly those peerings and flags into `access.peerings`, so a format-1 plan keeps its
 * meaning and exports the same files. The other fields of format 2 (`routeTables`, a VNet's `appliance`, the
 * other VNets' `subnets`) take their defaults, which are the format-1 meaning.
 */
import type { MigrationStep } from './index';

type Doc = Record<string, unknown>;

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A format-1 peering flag: true when absent, as format 1's default said. */
function flag(peering: Doc, key: 'fromServerVnet' | 'toServerVnet', where: string): boolean {
  const value = peering[key];
  if (value === undefined) return true;
  if (typeof value === 'boolean') return value;
  throw new Error(`${where}.peering.${key}: expected true or false, found ${JSON.stringify(value) ?? typeof value}`);
}

/** Format 1's name matching (planIndex): any case; the server VNet wins a clash, then the first other VNet. */
const key = (name: unknown): string | null => (typeof name === 'string' ? name.toLowerCase() : null);

/** The index in `peeredVnets` of each VNet that holds an on-premises site's gateway, as format 1 resolved it. */
function gatewayVnets(access: Doc, others: readonly unknown[]): Set<number> {
  const byName = new Map<string, number>();
  const serverKey = isObject(access.vnet) ? key(access.vnet.name) : null;
  others.forEach((vnet, i) => {
    const k = isObject(vnet) ? key(vnet.name) : null;
    if (k !== null && k !== serverKey && !byName.has(k)) byName.set(k, i);
  });
  const result = new Set<number>();
  for (const site of Array.isArray(access.onPremises) ? access.onPremises : []) {
    if (!isObject(site) || site.connection === 'none') continue;
    const k = key(site.gatewayVnet);
    if (k === null || k === '') continue;
    const i = byName.get(k);
    if (i !== undefined) result.add(i);
  }
  return result;
}

function migrateAccess(access: Doc): Doc {
  if (access.mode !== 'private' || !Array.isArray(access.peeredVnets)) return access;
  const serverName = isObject(access.vnet) ? access.vnet.name : undefined;
  const gateways = gatewayVnets(access, access.peeredVnets);
  const peerings: Doc[] = [];
  const peeredVnets = access.peeredVnets.map((vnet: unknown, i) => {
    if (!isObject(vnet)) return vnet;
    const where = `access.peeredVnets.${i}`;
    const { peering: raw, ...rest } = vnet;
    if (raw !== undefined && !isObject(raw)) {
      throw new Error(`${where}.peering: expected an object with fromServerVnet and toServerVnet`);
    }
    const peering = raw ?? {};
    const gateway = gateways.has(i);
    if (flag(peering, 'fromServerVnet', where)) {
      peerings.push({
        from: serverName,
        to: vnet.name,
        allowForwardedTraffic: gateway,
        allowGatewayTransit: false,
        useRemoteGateways: gateway,
      });
    }
    if (flag(peering, 'toServerVnet', where)) {
      peerings.push({
        from: vnet.name,
        to: serverName,
        allowForwardedTraffic: gateway,
        allowGatewayTransit: gateway,
        useRemoteGateways: false,
      });
    }
    return rest;
  });
  return { ...access, peeredVnets, peerings };
}

export const v1ToV2: MigrationStep = {
  from: 1,
  to: 2,
  summary:
    'Peerings between any two VNets, one per direction with allowForwardedTraffic, allowGatewayTransit and ' +
    'useRemoteGateways; route tables; firewalls and appliances in VNets; subnets of the other VNets.',
  migrate(doc) {
    return isObject(doc.access) ? { ...doc, access: migrateAccess(doc.access) } : doc;
  },
};
