/**
 * Plans for the rule tests: a clean private-access plan and a clean public-access plan, and edits
 * by dotted path. Every fixture goes through the real plan schema, as a plan from a file would.
 */
import { setIn } from '../domain/paths';
import { PlanDocumentSchema, type Plan, type PlanInput } from '../domain/plan';

/** The servers' subscription and another one (clearly fake subscription IDs). */
export const SUB_A = '00000000-0000-0000-0000-0000000000a1';
export const SUB_HUB = '00000000-0000-0000-0000-0000000000b1';

export const privateInput: PlanInput = {
  formatVersion: 2,
  name: 'Rule fixture (private)',
  servers: [{ name: 'pg-test', region: 'westeurope', highAvailability: 'Disabled', subscription: SUB_A }],
  access: {
    mode: 'private',
    vnet: {
      name: 'vnet-a',
      region: 'westeurope',
      addressSpaces: ['10.0.0.0/16'],
      subnets: [{ name: 'snet-app', prefix: '10.0.1.0/24' }],
      zoneLink: true,
    },
    delegatedSubnet: { name: 'snet-postgres', prefix: '10.0.0.0/28' },
    privateDnsZone: { name: 'pg-test.private.postgres.database.azure.com', subscription: '' },
    peeredVnets: [{ name: 'vnet-b', region: 'westeurope', addressSpaces: ['10.1.0.0/16'], zoneLink: true }],
    peerings: [
      { from: 'vnet-a', to: 'vnet-b' },
      { from: 'vnet-b', to: 'vnet-a' },
    ],
    onPremises: [{ name: 'office', addressRanges: ['192.168.10.0/24'], connection: 'vpn', dnsForwarder: true }],
  },
  clients: [
    { kind: 'serverVnet', name: 'app', subnet: 'snet-app' },
    { kind: 'vnet', name: 'spoke-app', vnet: 'vnet-b' },
    { kind: 'onPremises', name: 'laptops', site: 'office' },
  ],
};

export const publicInput: PlanInput = {
  formatVersion: 2,
  name: 'Rule fixture (public)',
  servers: [{ name: 'pg-test', region: 'westeurope' }],
  access: {
    mode: 'public',
    firewallRules: [{ name: 'office', startIp: '203.0.113.0', endIp: '203.0.113.15' }],
    allowAzureServices: false,
  },
  clients: [{ kind: 'internet', name: 'office-pc', address: '203.0.113.5' }],
};

/**
 * Public access with a private endpoint, in the shape of Microsoft's hub pattern (PE §3.3): the endpoint and the
 * zone's link in the hub, a spoke resolving through the hub's DNS Private Resolver, an office forwarding
 * postgres.database.azure.com to it.
 */
const publicPeInput: PlanInput = {
  ...publicInput,
  name: 'Rule fixture (public, private endpoint)',
  access: {
    mode: 'public',
    firewallRules: [{ name: 'office', startIp: '203.0.113.0', endIp: '203.0.113.15' }],
    peeredVnets: [
      {
        name: 'vnet-hub',
        region: 'westeurope',
        addressSpaces: ['10.0.0.0/16'],
        zoneLink: true,
        subnets: [
          { name: 'snet-pe', prefix: '10.0.1.0/24' },
          { name: 'snet-dns-in', prefix: '10.0.2.0/28', delegation: 'Microsoft.Network/dnsResolvers' },
        ],
      },
      {
        name: 'vnet-spoke',
        region: 'westeurope',
        addressSpaces: ['10.1.0.0/16'],
        dns: { kind: 'custom', servers: ['10.0.2.4'], forwardsToAzureDns: true },
        subnets: [{ name: 'snet-app', prefix: '10.1.1.0/24' }],
      },
    ],
    peerings: [
      { from: 'vnet-hub', to: 'vnet-spoke' },
      { from: 'vnet-spoke', to: 'vnet-hub' },
    ],
    onPremises: [{ name: 'office', addressRanges: ['192.168.10.0/24'], gatewayVnet: 'vnet-hub', dnsForwarder: true }],
    privateDnsZone: { name: 'privatelink.postgres.database.azure.com' },
    privateEndpoints: [{ name: 'pe-pg', vnet: 'vnet-hub', subnet: 'snet-pe' }],
  },
  clients: [
    { kind: 'internet', name: 'office-pc', address: '203.0.113.5' },
    { kind: 'vnet', name: 'spoke-app', vnet: 'vnet-spoke' },
    { kind: 'onPremises', name: 'laptops', site: 'office' },
  ],
};

export type Edit = readonly [path: string, value: unknown];

/** The base plan with the edits applied, parsed by the plan schema (throws on a shape error). */
export function planWith(base: PlanInput, ...edits: readonly Edit[]): Plan {
  let input: unknown = base;
  for (const [path, value] of edits) input = setIn(input, path, value);
  return PlanDocumentSchema.parse(input);
}

export const privatePlan = (...edits: readonly Edit[]): Plan => planWith(privateInput, ...edits);
export const publicPlan = (...edits: readonly Edit[]): Plan => planWith(publicInput, ...edits);
export const publicPePlan = (...edits: readonly Edit[]): Plan => planWith(publicPeInput, ...edits);

const rule = (
  name: string,
  priority: number,
  direction: 'Inbound' | 'Outbound',
  access: 'Allow' | 'Deny',
  extra: Record<string, unknown> = {},
) => ({
  name,
  priority,
  direction,
  access,
  protocol: 'Tcp',
  ...extra,
});

/** An NSG that denies everything inbound but the subnet itself and the app subnet, and denies Internet outbound. */
export const strictNsg = {
  name: 'nsg-postgres',
  rules: [
    rule('allow-subnet-in', 100, 'Inbound', 'Allow', {
      sourceAddresses: ['10.0.0.0/28'],
      destinationPorts: ['5432', '6432'],
    }),
    rule('allow-app-in', 110, 'Inbound', 'Allow', { sourceAddresses: ['10.0.1.0/24'], destinationPorts: ['5432'] }),
    rule('deny-in', 4000, 'Inbound', 'Deny', { protocol: '*' }),
    rule('allow-subnet-out', 100, 'Outbound', 'Allow', {
      destinationAddresses: ['10.0.0.0/28'],
      destinationPorts: ['5432', '6432'],
    }),
    rule('deny-internet-out', 4000, 'Outbound', 'Deny', { protocol: '*', destinationAddresses: ['Internet'] }),
  ],
};

export { rule as nsgRule };
