/** Table tests per rule: rule ID, path and message, with the boundary values from the docs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../domain/finding';
import { cidrRange, cidrsOverlap, formatCidr, parseCidr, parseIPv4, type Cidr } from '../domain/ipv4';
import { getIn, setIn } from '../domain/paths';
import { parseCidrFast, parseIPv4Fast } from '../domain/ipv4';
import { nsgContextForPlan } from '../domain/nsg';
import { largePlan, typicalPlan } from '../domain/samples';
import type { Plan } from '../domain/plan';
import { analyze, freeSubnetBlock } from './analysis';
import { nsgRule, privatePlan, publicPlan, strictNsg } from './fixtures';
import { evaluate } from './index';
import { RULE_CASES } from './rule-cases';

const of = (plan: Plan, ruleId: string): Finding[] => evaluate(plan).filter((f) => f.ruleId === ruleId);
const one = (plan: Plan, ruleId: string) => {
  const list = of(plan, ruleId);
  expect(list, JSON.stringify(list)).toHaveLength(1);
  const f = list[0] as Finding;
  return { path: f.path, message: f.message, severity: f.severity };
};

describe('PGN-001 server name', () => {
  it.each([
    ['abc', 3],
    ['a'.repeat(63), 63],
    ['pg-1', 4],
  ])('%s (%i characters) passes', (name) => {
    expect(of(privatePlan(['servers.0.name', name]), 'PGN-001')).toEqual([]);
  });
  it.each([
    [
      'ab',
      'Server name "ab" is not valid: it has 2 characters (at least 3). Use ' +
        '3–63 lowercase letters, digits and hyphens, not starting or ending with ' +
        'a hyphen, e.g. "pg-ab".',
    ],
    [
      'a'.repeat(64),
      `Server name "${'a'.repeat(64)}" is not valid: it has 64 characters (at ` +
        `most 63). Use 3–63 lowercase letters, digits and hyphens, not starting ` +
        `or ending with a hyphen, e.g. "${'a'.repeat(63)}".`,
    ],
    [
      '-Bad_Name',
      'Server name "-Bad_Name" is not valid: it has uppercase letters, it ' +
        'contains "_", it starts with a hyphen. Use 3–63 lowercase letters, ' +
        'digits and hyphens, not starting or ending with a hyphen, e.g. "bad-name".',
    ],
  ])('%s fails', (name, message) => {
    expect(one(privatePlan(['servers.0.name', name]), 'PGN-001')).toEqual({
      path: 'servers.0.name',
      message,
      severity: 'error',
    });
  });
  it('reports each offending server at its own path', () => {
    const plan = privatePlan([
      'servers',
      [
        { name: 'ok-name', region: 'westeurope' },
        { name: 'Bad', region: 'westeurope' },
      ],
    ]);
    expect(of(plan, 'PGN-001').map((f) => f.path)).toEqual(['servers.1.name']);
  });
});

describe('TLS (PGN-004, PGN-005)', () => {
  it('TLSv1.1 as minimum fails PGN-004', () => {
    expect(one(privatePlan(['tls.minVersion', 'TLSv1.1']), 'PGN-004')).toEqual({
      path: 'tls.minVersion',
      severity: 'error',
      message:
        'ssl_min_protocol_version TLSv1.1 is not allowed: Azure accepts only ' +
        'TLSv1.2 or TLSv1.3 (TLS 1.0 and 1.1 are deprecated by RFC 8996). Use TLSv1.2.',
    });
  });
  it.each(['TLSv1.2', 'TLSv1.3'])('%s as minimum passes', (v) => {
    expect(of(privatePlan(['tls.minVersion', v]), 'PGN-004')).toEqual([]);
  });
  it('a maximum below the minimum fails PGN-005; unset passes', () => {
    expect(one(privatePlan(['tls', { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.2' }]), 'PGN-005').message).toBe(
      'ssl_max_protocol_version TLSv1.2 is lower than ssl_min_protocol_version ' +
        'TLSv1.3: no TLS version would be left. Set the maximum to TLSv1.3 or ' +
        'higher, or leave it unset.',
    );
    expect(one(privatePlan(['tls', { minVersion: 'TLSv1.2', maxVersion: 'TLSv1' }]), 'PGN-005').path).toBe(
      'tls.maxVersion',
    );
    expect(of(privatePlan(['tls', { minVersion: 'TLSv1.3', maxVersion: null }]), 'PGN-005')).toEqual([]);
  });
});

describe('delegated subnet size (PGN-108) and capacity (PGN-109)', () => {
  it('/28 passes', () => {
    expect(of(privatePlan(['access.delegatedSubnet.prefix', '10.0.3.0/28']), 'PGN-108')).toEqual([]);
  });
  it('/29 fails with the usable count and a free /28 to try', () => {
    expect(one(privatePlan(['access.delegatedSubnet.prefix', '10.0.3.0/29']), 'PGN-108')).toEqual({
      path: 'access.delegatedSubnet.prefix',
      severity: 'error',
      message:
        'Subnet 10.0.3.0/29 has 3 usable addresses; a delegated subnet needs at ' +
        'least a /28 (11 usable). Try 10.0.3.0/28.',
    });
  });
  it('suggests another free /28 when the enclosing one is taken', () => {
    const plan = privatePlan(['access.delegatedSubnet.prefix', '10.0.1.8/29']);
    expect(one(plan, 'PGN-108').message).toBe(
      'Subnet 10.0.1.8/29 has 3 usable addresses; a delegated subnet needs at ' +
        'least a /28 (11 usable). Try 10.0.0.0/28.',
    );
  });
  it('three HA servers do not fit a /28 (error); two leave less than half free (warning); one fits', () => {
    const servers = (n: number) =>
      [
        'servers',
        Array.from({ length: n }, (_, i) => ({ name: `pg-${i}`, region: 'westeurope', highAvailability: 'SameZone' })),
      ] as const;
    expect(one(privatePlan(servers(3)), 'PGN-109')).toEqual({
      path: 'access.delegatedSubnet.prefix',
      severity: 'error',
      message:
        'Subnet 10.0.0.0/28 has 11 usable addresses but the plan needs 12 (3 servers with HA × 4). Try 10.0.0.0/27.',
    });
    expect(one(privatePlan(servers(2)), 'PGN-109')).toEqual({
      path: 'access.delegatedSubnet.prefix',
      severity: 'warning',
      message:
        'Subnet 10.0.0.0/28 has 11 usable addresses; the plan needs 8 (2 servers ' +
        'with HA × 4), leaving 3 free, less than half; the subnet cannot be ' +
        'enlarged once servers are in it. Try 10.0.0.0/27.',
    });
    expect(of(privatePlan(servers(1)), 'PGN-109')).toEqual([]);
  });
  it('counts a server without HA as 1 address and says the docs give no figure', () => {
    const servers = Array.from({ length: 6 }, (_, i) => ({ name: `pg-${i}`, region: 'westeurope' }));
    const f = one(privatePlan(['servers', servers]), 'PGN-109');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('6 without HA × 1 (the docs give no figure without HA; 1 is counted)');
  });
});

describe('PGN-105 reserved names (case-insensitive)', () => {
  it.each([
    'GatewaySubnet',
    'gatewaysubnet',
    'AzureBastionSubnet',
    'AZUREFIREWALLSUBNET',
    'AzureFirewallManagementSubnet',
  ])('%s fails', (name) => {
    const f = one(privatePlan(['access.delegatedSubnet.name', name]), 'PGN-105');
    expect(f.path).toBe('access.delegatedSubnet.name');
    expect(f.message).toMatch(new RegExp(`^Subnet name "${name}" is reserved by Azure`));
  });
  it('the exact message for gatewaysubnet', () => {
    expect(one(privatePlan(['access.delegatedSubnet.name', 'gatewaysubnet']), 'PGN-105').message).toBe(
      'Subnet name "gatewaysubnet" is reserved by Azure (GatewaySubnet, ' +
        'compared without regard to case) and cannot be the delegated subnet. ' +
        'Use another name, e.g. snet-postgres.',
    );
  });
  it('names that only contain a reserved name pass', () => {
    expect(of(privatePlan(['access.delegatedSubnet.name', 'my-GatewaySubnet']), 'PGN-105')).toEqual([]);
  });
});

describe('VNet addressing (PGN-102, PGN-103, PGN-104, PGN-136)', () => {
  it('a non-aligned address space fails PGN-102 with the aligned network', () => {
    expect(one(privatePlan(['access.vnet.addressSpaces', ['10.0.2.3/16']]), 'PGN-102')).toEqual({
      path: 'access.vnet.addressSpaces.0',
      severity: 'error',
      message:
        'Address space of VNet "vnet-a": 10.0.2.3/16 is not a network address: ' +
        '10.0.2.3 lies inside 10.0.0.0/16. Use 10.0.0.0/16.',
    });
  });
  it('reserved ranges and overlapping spaces fail PGN-102', () => {
    expect(one(privatePlan(['access.peeredVnets.0.addressSpaces', ['169.254.0.0/16']]), 'PGN-102').path).toBe(
      'access.peeredVnets.0.addressSpaces.0',
    );
    expect(one(privatePlan(['access.vnet.addressSpaces', ['10.0.0.0/16', '10.0.128.0/17']]), 'PGN-102').message).toBe(
      'Address space 10.0.128.0/17 of VNet "vnet-a" overlaps its address space ' +
        '10.0.0.0/16; the address spaces of one VNet must not overlap. Remove ' +
        'one or pick a block outside 10.0.0.0/16.',
    );
  });
  it('a delegated subnet outside the VNet fails PGN-103 and gets a free block', () => {
    expect(one(privatePlan(['access.delegatedSubnet.prefix', '10.5.0.0/28']), 'PGN-103').message).toBe(
      "Delegated subnet 10.5.0.0/28 is not inside the VNet's address space (10.0.0.0/16). Try 10.0.0.0/28.",
    );
  });
  it('overlapping subnets fail PGN-104 once, at the later one, with a free block', () => {
    expect(one(privatePlan(['access.vnet.subnets.0.prefix', '10.0.0.0/24']), 'PGN-104')).toEqual({
      path: 'access.delegatedSubnet.prefix',
      severity: 'error',
      message:
        'Subnet "snet-postgres" (10.0.0.0/28) overlaps subnet "snet-app" ' +
        '(10.0.0.0/24); subnets of one VNet must not overlap. Try 10.0.1.0/28.',
    });
  });
  it('a peered VNet overlapping the server VNet fails PGN-136 at the peered space', () => {
    expect(one(privatePlan(['access.peeredVnets.0.addressSpaces', ['10.0.128.0/20']]), 'PGN-136')).toEqual({
      path: 'access.peeredVnets.0.addressSpaces.0',
      severity: 'error',
      message:
        '10.0.128.0/20 of peered VNet "vnet-b" overlaps 10.0.0.0/16 of server ' +
        'VNet "vnet-a": Azure refuses the peering. Give each network its own address block.',
    });
  });
  it('two other VNets peered only with each other and overlapping fail PGN-136; unpeered, they are not checked', () => {
    const vnetC = { name: 'vnet-c', region: 'westeurope', addressSpaces: ['10.1.128.0/17'] };
    const peered = privatePlan(
      ['access.peeredVnets.1', vnetC],
      ['access.peerings.2', { from: 'vnet-b', to: 'VNET-C' }],
      ['access.peerings.3', { from: 'vnet-c', to: 'vnet-b' }],
    );
    expect(one(peered, 'PGN-136').path).toBe('access.peeredVnets.1.addressSpaces.0');
    expect(of(privatePlan(['access.peeredVnets.1', vnetC]), 'PGN-136')).toEqual([]);
  });
  it('an on-premises range overlapping a peered VNet fails PGN-136; an unconnected site does not', () => {
    expect(one(privatePlan(['access.onPremises.0.addressRanges', ['10.1.5.0/24']]), 'PGN-136').path).toBe(
      'access.onPremises.0.addressRanges.0',
    );
    expect(
      of(
        privatePlan(['access.onPremises.0.addressRanges', ['10.1.5.0/24']], ['access.onPremises.0.connection', 'none']),
        'PGN-136',
      ),
    ).toEqual([]);
  });
});

describe('private DNS (PGN-130 … PGN-139)', () => {
  it('no zone fails PGN-130 with the suggested zone name', () => {
    expect(one(privatePlan(['access.privateDnsZone', null]), 'PGN-130').message).toBe(
      'A private-access server needs a private DNS zone (ARM, Terraform and ' +
        'the API require it). Add one, e.g. pg-test.private.postgres.database.azure.com.',
    );
  });
  it.each([
    ['pg.private.postgres.database.azure.com.', 'ends with a dot'],
    ['pg.private.example.com', 'does not end with .postgres.database.azure.com'],
    ['a..postgres.database.azure.com', 'empty label'],
  ])('%s fails PGN-131 (%s)', (name, why) => {
    expect(one(privatePlan(['access.privateDnsZone.name', name]), 'PGN-131').message).toContain(why);
  });
  it('the suffix is compared case-insensitively', () => {
    expect(
      of(privatePlan(['access.privateDnsZone.name', 'pg.Private.Postgres.Database.Azure.com']), 'PGN-131'),
    ).toEqual([]);
  });
  it("the server's own FQDN as zone fails PGN-132", () => {
    expect(
      one(privatePlan(['access.privateDnsZone.name', 'PG-TEST.postgres.database.azure.com']), 'PGN-132').message,
    ).toBe(
      'Zone name "PG-TEST.postgres.database.azure.com" is the FQDN of server ' +
        '"pg-test"; the zone cannot have a server\'s name. Use ' +
        'pg-test.private.postgres.database.azure.com.',
    );
  });
  it('a peered VNet with clients but no zone link fails PGN-134, naming the clients', () => {
    expect(one(privatePlan(['access.peeredVnets.0.zoneLink', false]), 'PGN-134')).toEqual({
      path: 'access.peeredVnets.0.zoneLink',
      severity: 'error',
      message:
        'VNet "vnet-b" holds client "spoke-app" but is not linked to zone ' +
        'pg-test.private.postgres.database.azure.com: peering connects, the link ' +
        'resolves names. Link the zone to "vnet-b".',
    });
  });
  it('a client in an unpeered VNet fails PGN-135; over a one-way peering it fails PGN-008, which names it', () => {
    const unpeered = privatePlan(['access.peerings', []]);
    expect(one(unpeered, 'PGN-135').path).toBe('clients.1.vnet');
    const oneWay = privatePlan(['access.peerings', [{ from: 'vnet-b', to: 'vnet-a' }]]);
    expect(of(oneWay, 'PGN-135')).toEqual([]);
    expect(one(oneWay, 'PGN-008')).toEqual({
      path: 'clients.1.intent',
      severity: 'error',
      message:
        'Client "spoke-app" must reach the server but cannot: the connectivity check fails at network path: ' +
        'add the peering from vnet-a to vnet-b (failing hop: Peering vnet-b ↔ vnet-a, PGN-139).',
    });
    // One cause, one finding: the warning on the peering gives way to the error that names it.
    expect(of(oneWay, 'PGN-139')).toEqual([]);
  });
  it('a one-way peering no client must cross warns PGN-139', () => {
    const oneWay = privatePlan(
      ['access.peerings', [{ from: 'vnet-b', to: 'vnet-a' }]],
      ['clients.1.intent', 'mustNotReach'],
    );
    expect(of(oneWay, 'PGN-008')).toEqual([]);
    expect(one(oneWay, 'PGN-139')).toEqual({
      path: 'access.peerings.0',
      severity: 'warning',
      message:
        'The peering between "vnet-b" and "vnet-a" is declared in one direction ' +
        'only: the peering from "vnet-a" to "vnet-b" is missing, so no traffic ' +
        'flows. Add it.',
    });
  });
  it('custom DNS: not forwarding, unreachable server, server in an unlinked VNet (PGN-137)', () => {
    const plan = privatePlan(
      [
        'access.vnet.dns',
        { kind: 'custom', servers: ['10.9.0.4', '10.1.0.4', '192.168.10.53'], forwardsToAzureDns: false },
      ],
      ['access.peeredVnets.0.zoneLink', false],
    );
    const found = of(plan, 'PGN-137').map((f) => [f.path, f.message]);
    expect(found).toEqual([
      [
        'access.vnet.dns.forwardsToAzureDns',
        'VNet "vnet-a" uses custom DNS server 10.1.0.4 in Azure, which does not forward to ' +
          "168.63.129.16: the server's name in the private zone cannot be " +
          'resolved. Add a forwarder to 168.63.129.16.',
      ],
      [
        'access.vnet.dns.servers.0',
        'Custom DNS server 10.9.0.4 of VNet "vnet-a" is not inside the VNet, a ' +
          'peered VNet or a connected on-premises site: the VNet cannot reach it. ' +
          'Put the DNS server in one of them, use 168.63.129.16 (Azure DNS), or fix the address.',
      ],
      [
        'access.vnet.dns.servers.1',
        'Custom DNS server 10.1.0.4 of VNet "vnet-a" sits in peered VNet ' +
          '"vnet-b", which is not linked to zone ' +
          'pg-test.private.postgres.database.azure.com: its forwarder to ' +
          '168.63.129.16 cannot resolve the server. Link "vnet-b" to the zone.',
      ],
    ]);
  });
});

describe('NSG rules (PGN-120 … PGN-124)', () => {
  const ha = ['servers.0.highAvailability', 'ZoneRedundant'] as const;
  it('an HA plan whose NSG denies Internet outbound fails PGN-122 at the deny rule', () => {
    expect(one(privatePlan(ha, ['access.delegatedSubnet.nsg', strictNsg]), 'PGN-122')).toEqual({
      path: 'access.delegatedSubnet.nsg.rules.4',
      severity: 'error',
      message:
        'High availability needs outbound TCP 443 from 10.0.0.0/28 to Azure ' +
        'Storage in westeurope, but in NSG "nsg-postgres" rule ' +
        '"deny-internet-out" (priority 4000) denies it. Add an outbound Allow ' +
        'rule to Storage (or Storage.westeurope) on TCP 443 with a priority below 4000.',
    });
  });
  it('a deny of 6432 inbound fails PGN-121 once for that rule; without HA nothing is required', () => {
    const nsg = { name: 'nsg', rules: [nsgRule('deny-6432', 100, 'Inbound', 'Deny', { destinationPorts: ['6432'] })] };
    expect(one(privatePlan(ha, ['access.delegatedSubnet.nsg', nsg]), 'PGN-121')).toEqual({
      path: 'access.delegatedSubnet.nsg.rules.0',
      severity: 'error',
      message:
        'High availability needs inbound TCP 6432 within the delegated subnet ' +
        '10.0.0.0/28, but in NSG "nsg" rule "deny-6432" (priority 100) denies ' +
        'it. Add an inbound Allow rule for TCP 6432 from and to 10.0.0.0/28 with ' +
        'a priority below 100.',
    });
    expect(of(privatePlan(['access.delegatedSubnet.nsg', nsg]), 'PGN-121')).toEqual([]);
  });
  it('clients that must reach the server and fail first at the NSG fail PGN-008 naming it, not PGN-123', () => {
    const plan = privatePlan(['access.delegatedSubnet.nsg', strictNsg]);
    expect(of(plan, 'PGN-123')).toEqual([]);
    const errors = of(plan, 'PGN-008');
    expect(errors.map((f) => [f.path, f.severity])).toEqual([
      ['clients.1.intent', 'error'],
      ['clients.2.intent', 'error'],
    ]);
    expect(errors[0]?.message).toBe(
      'Client "spoke-app" must reach the server but cannot: the connectivity check fails at filtering: ' +
        'allow TCP 5432 from 10.1.0.0/16 in nsg-postgres (failing hop: NSG nsg-postgres, PGN-123).',
    );
  });
  it('clients denied by the NSG warn PGN-123 when an earlier hop fails first, the allowed one does not', () => {
    // No private DNS zone: every client fails first at name resolution (PGN-008 names that), and the NSG is a
    // second cause.
    const found = of(
      privatePlan(['access.delegatedSubnet.nsg', strictNsg], ['access.privateDnsZone', null]),
      'PGN-123',
    );
    expect(found.map((f) => f.path)).toEqual(['clients.1', 'clients.2']);
    expect(found[0]?.message).toBe(
      'Client "spoke-app" (10.1.0.0/16) cannot reach the server on TCP 5432: ' +
        'in NSG "nsg-postgres" rule "deny-in" (priority 4000) denies it. Add an ' +
        'inbound Allow rule for TCP 5432 from 10.1.0.0/16 to 10.0.0.0/28 with a ' +
        'priority below 4000.',
    );
  });
  it('a client the plan keeps out is meant to be denied: neither PGN-123 nor PGN-008', () => {
    const plan = privatePlan(
      ['access.delegatedSubnet.nsg', strictNsg],
      ['clients.1.intent', 'mustNotReach'],
      ['clients.2.intent', 'mustNotReach'],
    );
    expect(of(plan, 'PGN-123')).toEqual([]);
    expect(of(plan, 'PGN-008')).toEqual([]);
  });
  it('a client range only partly allowed is reported as partly denied', () => {
    const nsg = {
      name: 'nsg',
      rules: [
        nsgRule('allow-half', 100, 'Inbound', 'Allow', { sourceAddresses: ['10.1.0.0/17'] }),
        nsgRule('deny', 200, 'Inbound', 'Deny'),
      ],
    };
    const found = of(privatePlan(['access.delegatedSubnet.nsg', nsg], ['access.privateDnsZone', null]), 'PGN-123');
    expect(found.find((f) => f.path === 'clients.1')?.message).toContain(
      '(10.1.0.0/16) cannot reach the server on TCP 5432: in NSG "nsg" rule "deny" (priority 200) denies part of it.',
    );
    expect(found.find((f) => f.path === 'clients.0')?.message).toContain('rule "deny" (priority 200) denies it.');
  });
  it('application security groups fail PGN-120 per field', () => {
    const nsg = {
      name: 'nsg',
      rules: [nsgRule('asg', 100, 'Inbound', 'Allow', { sourceAsgs: ['asg-a'], destinationAsgs: ['asg-b'] })],
    };
    expect(of(privatePlan(['access.delegatedSubnet.nsg', nsg]), 'PGN-120').map((f) => f.path)).toEqual([
      'access.delegatedSubnet.nsg.rules.0.destinationAsgs',
      'access.delegatedSubnet.nsg.rules.0.sourceAsgs',
    ]);
  });
  it.each([
    [99, 'NSG rule "r" has priority 99; priorities are 100–4096.'],
    [4097, 'NSG rule "r" has priority 4097; priorities are 100–4096.'],
  ])('priority %i fails PGN-124; 100 and 4096 pass', (priority, message) => {
    const nsg = (p: number) => ({ name: 'nsg', rules: [nsgRule('r', p, 'Inbound', 'Allow')] });
    expect(one(privatePlan(['access.delegatedSubnet.nsg', nsg(priority)]), 'PGN-124').message).toBe(message);
    expect(of(privatePlan(['access.delegatedSubnet.nsg', nsg(100)]), 'PGN-124')).toEqual([]);
    expect(of(privatePlan(['access.delegatedSubnet.nsg', nsg(4096)]), 'PGN-124')).toEqual([]);
  });
});

describe('public access firewall rules (PGN-201 … PGN-213)', () => {
  it('0.0.0.0–0.0.0.0 warns as "Azure services" (PGN-205), not as the whole internet', () => {
    const plan = publicPlan([
      'access.firewallRules.0',
      { name: 'AllowAllAzureServicesAndResourcesWithinAzureIps', startIp: '0.0.0.0', endIp: '0.0.0.0' },
    ]);
    expect(one(plan, 'PGN-205')).toEqual({
      path: 'access.firewallRules.0',
      severity: 'warning',
      message:
        'Firewall rule "AllowAllAzureServicesAndResourcesWithinAzureIps" ' +
        '(0.0.0.0–0.0.0.0) is the "Azure services" rule: it allows connections ' +
        "from all of Azure, including other customers' subscriptions. Prefer " +
        "rules for your services' fixed outbound addresses.",
    });
    expect(of(plan, 'PGN-206')).toEqual([]);
    expect(of(plan, 'PGN-210')).toEqual([]);
  });
  it('0.0.0.0–255.255.255.255 warns as "whole internet" (PGN-206) and not PGN-210', () => {
    const plan = publicPlan([
      'access.firewallRules.0',
      { name: 'AllowAll', startIp: '0.0.0.0', endIp: '255.255.255.255' },
    ]);
    expect(one(plan, 'PGN-206')).toEqual({
      path: 'access.firewallRules.0',
      severity: 'warning',
      message:
        'Firewall rule "AllowAll" (0.0.0.0–255.255.255.255) covers the whole ' +
        'internet: anyone on the internet can try to log in. Narrow it to your ' +
        "clients' addresses.",
    });
    expect(of(plan, 'PGN-210')).toEqual([]);
  });
  it('more than a /8 of public addresses warns PGN-206; exactly a /8 does not', () => {
    expect(
      one(publicPlan(['access.firewallRules.0', { name: 'wide', startIp: '20.0.0.0', endIp: '21.0.0.0' }]), 'PGN-206')
        .message,
    ).toContain('16,777,217 public addresses');
    expect(
      of(
        publicPlan(['access.firewallRules.0', { name: 'wide', startIp: '20.0.0.0', endIp: '20.255.255.255' }]),
        'PGN-206',
      ),
    ).toEqual([]);
  });
  it('2001:db8::1 as a start fails PGN-202 with the documented wording', () => {
    expect(one(publicPlan(['access.firewallRules.0.startIp', '2001:db8::1']), 'PGN-202')).toEqual({
      path: 'access.firewallRules.0.startIp',
      severity: 'error',
      message:
        'Firewall rule "office": 2001:db8::1 is an IPv6 address. The firewall ' +
        'rules must be in IPv4 format. If you specify firewall rules in IPv6 ' +
        "format, you'll get a validation error.",
    });
  });
  it.each([
    [
      '203.0.113.015',
      'Firewall rule "office": 203.0.113.015 has leading zeros, which are ' +
        'ambiguous (some tools read them as octal); write 203.0.113.15.',
    ],
    [
      '203.0.113.256',
      'Firewall rule "office": 203.0.113.256 is not a valid IPv4 address: 256 is above 255 (each part is 0–255).',
    ],
    [
      '203.0.113.0/28',
      'Firewall rule "office": 203.0.113.0/28 is a CIDR block; a firewall rule ' +
        'takes a start and an end address: use start 203.0.113.0 and end 203.0.113.15.',
    ],
  ])('end %s fails PGN-203', (endIp, message) => {
    expect(one(publicPlan(['access.firewallRules.0.endIp', endIp]), 'PGN-203')).toEqual({
      path: 'access.firewallRules.0.endIp',
      severity: 'error',
      message,
    });
  });
  it('start after end fails PGN-204 and says to swap', () => {
    expect(one(publicPlan(['access.firewallRules.0.startIp', '203.0.113.20']), 'PGN-204').message).toBe(
      'Firewall rule "office": start 203.0.113.20 is after end 203.0.113.15. ' +
        'Swap them: start 203.0.113.15, end 203.0.113.20.',
    );
  });
  it.each([
    ['abc', true],
    ['a'.repeat(80), true],
    ['ab', false],
    ['a'.repeat(81), false],
    ['office-', false],
    ['_office', false],
    ['office_', true],
    ['office dublin', false],
  ])('firewall rule name %s → valid %s (PGN-207)', (name, valid) => {
    expect(of(publicPlan(['access.firewallRules.0.name', name]), 'PGN-207')).toHaveLength(valid ? 0 : 1);
  });
  it('duplicate names (any case) fail PGN-208 at the second rule', () => {
    expect(
      one(
        publicPlan(['access.firewallRules.1', { name: 'OFFICE', startIp: '198.51.100.1', endIp: '198.51.100.1' }]),
        'PGN-208',
      ),
    ).toEqual({
      path: 'access.firewallRules.1.name',
      severity: 'error',
      message:
        'Firewall rule name "OFFICE" is already used by rule 1: the second rule ' +
        'would silently replace the first. Rename it, e.g. "OFFICE-2".',
    });
  });
  it('a rule inside another is redundant (PGN-209), at the inner rule', () => {
    const plan = publicPlan([
      'access.firewallRules',
      [
        { name: 'one-pc', startIp: '203.0.113.5', endIp: '203.0.113.5' },
        { name: 'office', startIp: '203.0.113.0', endIp: '203.0.113.15' },
      ],
    ]);
    expect(one(plan, 'PGN-209')).toEqual({
      path: 'access.firewallRules.0',
      severity: 'info',
      message:
        'Firewall rule "one-pc" (203.0.113.5) lies inside rule "office" ' +
        '(203.0.113.0–203.0.113.15): it is redundant. Remove it, or narrow "office".',
    });
  });
  it('a private range warns PGN-210', () => {
    expect(
      one(publicPlan(['access.firewallRules.0', { name: 'lan', startIp: '10.0.0.0', endIp: '10.0.0.255' }]), 'PGN-210')
        .message,
    ).toBe(
      'Firewall rule "lan" (10.0.0.0–10.0.0.255) covers private (RFC 1918) ' +
        'addresses: connections over the internet never come from them. Use the ' +
        "client's public IPv4 address; a client inside a VNet needs private access or a private endpoint.",
    );
  });
  it('no rule and no Azure services warns PGN-201; public mode always carries PGN-211 and PGN-213', () => {
    const plan = publicPlan(['access.firewallRules', []]);
    expect(one(plan, 'PGN-201').path).toBe('access.firewallRules');
    expect(one(plan, 'PGN-211').path).toBe('access.firewallRules');
    expect(one(plan, 'PGN-213').path).toBe('access.mode');
  });
  it(
    'firewall rules on a private-access server fail PGN-111, one per rule, ' + 'and are not checked as public rules',
    () => {
      const plan = privatePlan([
        'access.firewallRules',
        [
          { name: 'x', startIp: '2001:db8::1', endIp: '1.1.1.1' },
          { name: 'y', startIp: '1.1.1.1', endIp: '1.1.1.1' },
        ],
      ]);
      expect(of(plan, 'PGN-111').map((f) => f.path)).toEqual(['access.firewallRules.0', 'access.firewallRules.1']);
      expect(of(plan, 'PGN-202')).toEqual([]);
      // An edit of the rules (a new list) is described again; the plan before it keeps its findings.
      const renamed = setIn(plan, 'access.firewallRules.1.name', 'office');
      expect(of(renamed, 'PGN-111')[1]?.message).toContain('"office"');
      expect(of(plan, 'PGN-111')[1]?.message).toContain('"y"');
      const withAzure = setIn(plan, 'access.allowAzureServices', true);
      expect(of(withAzure, 'PGN-111').map((f) => f.path)).toContain('access.allowAzureServices');
      expect(of(plan, 'PGN-111')).toHaveLength(2);
    },
  );
});

describe('analysis', () => {
  it('builds the same NSG context as nsgContextForPlan', () => {
    const oneWay = privatePlan(
      ['access.peeredVnets.0.peering', { fromServerVnet: true, toServerVnet: false }],
      ['access.onPremises.0.connection', 'none'],
    );
    for (const plan of [privatePlan(), oneWay, typicalPlan(), largePlan(1), publicPlan()]) {
      expect(analyze(plan).nsgContext).toEqual(nsgContextForPlan(plan));
    }
  });
});

describe('finding paths', () => {
  it('every finding of every fixture points at a field that exists in the plan', () => {
    const plans = [
      ...Object.values(RULE_CASES).flatMap((c) => (c.passes ? [c.fails, c.passes] : [c.fails])),
      typicalPlan(),
    ];
    for (const plan of plans) {
      for (const f of evaluate(plan)) expect(getIn(plan, f.path), `${f.ruleId} ${f.path}`).not.toBeUndefined();
    }
  });
});

describe('property tests', () => {
  it('evaluate never throws, whatever is typed into the free-text network fields', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 24 }),
      fc.constantFrom(
        '',
        ' 10.0.0.0/24',
        '10.0.0.0/33',
        '::1',
        '2001:db8::/32',
        '0.0.0.0/0',
        '255.255.255.255',
        '1.2.3',
        '01.2.3.4',
      ),
    );
    const fields = [
      'access.vnet.addressSpaces.0',
      'access.delegatedSubnet.prefix',
      'access.vnet.subnets.0.prefix',
      'access.peeredVnets.0.addressSpaces.0',
      'access.onPremises.0.addressRanges.0',
      'clients.0.address',
      'clients.1.address',
      'access.privateDnsZone.name',
      'servers.0.name',
      'access.vnet.region',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...fields), text), { maxLength: 6 }),
        fc.boolean(),
        (edits, withNsg) => {
          const plan = privatePlan(
            ...edits,
            ...(withNsg ? ([['access.delegatedSubnet.nsg', strictNsg]] as const) : []),
          );
          for (const f of evaluate(plan)) expect(getIn(plan, f.path)).not.toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
    const publicFields = [
      'access.firewallRules.0.startIp',
      'access.firewallRules.0.endIp',
      'access.firewallRules.0.name',
      'clients.0.address',
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...publicFields), text), { maxLength: 4 }), (edits) => {
        expect(() => evaluate(publicPlan(...edits))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  const cidrArb = fc
    .tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 16, max: 30 }))
    .map(([a, p]): Cidr => ({ start: Math.floor(a / 2 ** (32 - p)) * 2 ** (32 - p), prefixLength: p }));

  it('a suggested free /28 lies inside the VNet and never overlaps another subnet', () => {
    fc.assert(
      fc.property(fc.array(cidrArb, { maxLength: 30 }), fc.integer({ min: 16, max: 24 }), (subnets, vnetPrefix) => {
        const vnetStart = 10 * 2 ** 24;
        const vnet = formatCidr({ start: vnetStart, prefixLength: vnetPrefix });
        const inVnet = subnets.map((s) =>
          formatCidr({
            start:
              vnetStart +
              (s.start % 2 ** (32 - vnetPrefix)) -
              ((s.start % 2 ** (32 - vnetPrefix)) % 2 ** (32 - Math.max(s.prefixLength, vnetPrefix))),
            prefixLength: Math.max(s.prefixLength, vnetPrefix),
          }),
        );
        const plan = privatePlan(
          ['access.vnet.addressSpaces', [vnet]],
          ['access.vnet.subnets', inVnet.map((prefix, i) => ({ name: `s${i}`, prefix }))],
        );
        const free = freeSubnetBlock(analyze(plan), 28);
        if (free === null) return;
        const space = parseCidr(vnet);
        expect(
          space.ok && cidrRange(space.value).start <= free.start && free.start + 15 <= cidrRange(space.value).end,
        ).toBe(true);
        for (const s of inVnet) {
          const c = parseCidr(s);
          expect(c.ok && cidrsOverlap(c.value, free)).toBe(false);
        }
      }),
    );
  });

  it('the fast IPv4 and CIDR parsers agree with domain/ipv4 on every input', () => {
    const octet = fc.oneof(
      fc.integer({ min: 0, max: 300 }).map(String),
      fc.constantFrom('01', '00', '', 'a', '-1', ' 1'),
    );
    const text = fc.oneof(
      fc.tuple(octet, octet, octet, octet).map((o) => o.join('.')),
      fc
        .tuple(
          octet,
          octet,
          octet,
          octet,
          fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.constantFrom('08', '', 'x')),
        )
        .map((o) => `${o.slice(0, 4).join('.')}/${o[4]}`),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(parseIPv4Fast(t)).toEqual(parseIPv4(t));
        expect(parseCidrFast(t)).toEqual(parseCidr(t));
      }),
      { numRuns: 3000 },
    );
  });
});
