/** Fresh documents for the wizard: an empty plan and the default access object of each mode. */
import { DEFAULT_POSTGRES_VERSION } from './azure';
import { PLAN_FORMAT_VERSION, type Plan, type PrivateAccess, type PublicAccess } from './plan';

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
