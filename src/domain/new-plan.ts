/** Fresh documents for the wizard: an empty plan and the default access object of each mode. */
import { DEFAULT_POSTGRES_VERSION, PRIVATE_LINK_ZONE } from './azure';
import {
  PLAN_FORMAT_VERSION,
  type Plan,
  type PrivateAccess,
  type PublicAccess,
  type ServerPrivateEndpoint,
} from './plan';

export const DEFAULT_REGION = 'westeurope';

export function newPrivateAccess(region: string = DEFAULT_REGION): PrivateAccess {
  return {
    mode: 'private',
    vnet: {
      name: '',
      region,
      resourceGroup: '',
      existing: false,
      addressSpaces: [''],
      dns: { kind: 'azure' },
      subnets: [],
      zoneLink: true,
      appliance: null,
    },
    delegatedSubnet: {
      name: '',
      prefix: '',
      existing: false,
      existingDelegation: null,
      otherResourceTypes: [],
      nsg: null,
    },
    privateDnsZone: { name: '', existing: false, resourceGroup: '', subscription: '' },
    peeredVnets: [],
    peerings: [],
    routeTables: [],
    onPremises: [],
  };
}

export function newPublicAccess(): PublicAccess {
  return {
    mode: 'public',
    firewallRules: [],
    allowAzureServices: false,
    publicNetworkAccess: true,
    peeredVnets: [],
    peerings: [],
    onPremises: [],
    privateDnsZone: null,
    privateEndpoints: [],
  };
}

/**
 * A private endpoint to place: named after the server (`pe-<server>`, then `-2`, `-3`, … while the plan has that
 * name), its VNet and subnet still to choose, a dynamic IP and automatic approval (the portal's defaults).
 */
export function newPrivateEndpoint(access: PublicAccess, serverName: string): ServerPrivateEndpoint {
  const taken = new Set(access.privateEndpoints.map((e) => e.name.toLowerCase()));
  const base = `pe-${serverName.trim() || 'server'}`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base}-${n}`;
  return { name, server: '', vnet: '', subnet: '', privateIp: '', approval: 'automatic', resourceGroup: '' };
}

/**
 * Public access with private endpoints (the portal's "Public access (allowed IP addresses) and Private endpoint")
 * or without. With: a first endpoint to place when there is none, and the `privatelink` zone (new) when the plan
 * has no zone. Without: the endpoints and their zone go; the VNets, peerings and sites stay (clients may name them).
 */
export function withPrivateEndpoints(access: PublicAccess, serverName: string, on: boolean): PublicAccess {
  if (on) {
    if (access.privateEndpoints.length > 0) return access;
    return {
      ...access,
      privateEndpoints: [newPrivateEndpoint(access, serverName)],
      privateDnsZone: access.privateDnsZone ?? {
        name: PRIVATE_LINK_ZONE,
        existing: false,
        resourceGroup: '',
        subscription: '',
      },
    };
  }
  if (access.privateEndpoints.length === 0 && access.privateDnsZone === null) return access;
  return { ...access, privateEndpoints: [], privateDnsZone: null };
}

/** The plan a "New plan" starts from: nothing chosen yet but the safe defaults (TLS 1.2+, TLS required). */
export function newPlan(): Plan {
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    name: 'Untitled plan',
    servers: [
      {
        name: '',
        region: DEFAULT_REGION,
        version: DEFAULT_POSTGRES_VERSION,
        highAvailability: 'Disabled',
        resourceGroup: '',
        subscription: '',
      },
    ],
    access: newPrivateAccess(),
    tls: { requireSecureTransport: true, minVersion: 'TLSv1.2', maxVersion: null },
    clients: [],
  };
}
