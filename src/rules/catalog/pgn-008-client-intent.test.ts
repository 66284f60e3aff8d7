/**
 * PGN-008: a client's declared intent and the connectivity check's verdict. The rule and `check-client` must
 * agree on every plan: a property test over generated plans, every example and every rule-case plan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAllClients, type ClientCheck } from '../../checker';
import type { Finding } from '../../domain/finding';
import { setIn } from '../../domain/paths';
import { PlanDocumentSchema, type Plan, type PlanInput } from '../../domain/plan';
import { examplePlans } from '../../domain/testing/examples';
import { schemaPlans } from '../../share/testing/schema-arbitrary';
import { nsgRule, privateInput, privatePlan, publicPlan, strictNsg } from '../fixtures';
import { evaluate } from '../index';
import { RULE_CASES } from '../rule-cases';
import { failingHop } from './pgn-008-client-intent';

const errorsOf = (plan: Plan): Finding[] => evaluate(plan).filter((f) => f.ruleId === 'PGN-008');

describe('PGN-008 client intent', () => {
  it('the fixture plan: every client reaches the server, no finding', () => {
    expect(errorsOf(privatePlan())).toEqual([]);
    expect(errorsOf(publicPlan())).toEqual([]);
  });

  it('a deny-all NSG that blocks every declared client is an error per client, naming the NSG hop', () => {
    const denyAll = { name: 'nsg-deny', rules: [nsgRule('deny-all-in', 100, 'Inbound', 'Deny', { protocol: '*' })] };
    const found = errorsOf(privatePlan(['access.delegatedSubnet.nsg', denyAll]));
    expect(found.map((f) => [f.path, f.severity])).toEqual([
      ['clients.0.intent', 'error'],
      ['clients.1.intent', 'error'],
      ['clients.2.intent', 'error'],
    ]);
    expect(found[0]?.message).toBe(
      'Client "app" must reach the server but cannot: the connectivity check fails at filtering: allow TCP 5432 ' +
        'from 10.0.1.0/24 in nsg-deny (failing hop: NSG nsg-deny, PGN-123).',
    );
  });

  it('a client declared must-not-reach that the NSG blocks passes; one that gets through fails', () => {
    const plan = privatePlan(
      ['access.delegatedSubnet.nsg', strictNsg],
      ['clients.0.intent', 'mustNotReach'],
      ['clients.1.intent', 'mustNotReach'],
    );
    // strictNsg allows the app subnet (client 0) and denies vnet-b (client 1); client 2 must reach and cannot.
    expect(errorsOf(plan).map((f) => [f.path, f.message])).toEqual([
      [
        'clients.0.intent',
        'Client "app" must not reach the server, but it can (reachable: Inside vnet-a). Block it (an NSG or ' +
          'firewall rule that leaves it out, or no route to the server), or declare that it must reach the server.',
      ],
      [
        'clients.2.intent',
        'Client "laptops" must reach the server but cannot: the connectivity check fails at filtering: allow ' +
          'TCP 5432 from 192.168.10.0/24 in nsg-postgres (failing hop: NSG nsg-postgres, PGN-123).',
      ],
    ]);
  });

  it('public access: an internet client outside every firewall rule fails; kept out on purpose, it passes', () => {
    const outside = publicPlan(['clients.0.address', '198.51.100.7']);
    const [f] = errorsOf(outside);
    expect(f?.path).toBe('clients.0.intent');
    expect(f?.message).toContain('Client "office-pc" must reach the server but cannot: the connectivity check fails');
    expect(errorsOf(publicPlan(['clients.0.address', '198.51.100.7'], ['clients.0.intent', 'mustNotReach']))).toEqual(
      [],
    );
  });

  it('reachable with a warning is reachable: a must-reach client passes, a must-not-reach client fails', () => {
    // public-office: cork-laptop has a dynamic IP behind a single-address rule (a warning at filtering).
    const office = examplePlans().find((e) => e.name === 'public-office')?.plan as Plan;
    expect(checkAllClients(office)[1]?.verdict).toBe('warning');
    expect(errorsOf(office)).toEqual([]);
    const keptOut = PlanDocumentSchema.parse(setIn(office, 'clients.1.intent', 'mustNotReach'));
    expect(errorsOf(keptOut).map((f) => f.path)).toEqual(['clients.1.intent']);
  });
});

// ---- Agreement: the rule and the checker, on every plan ----------------------------------------------------

/** Each client's PGN-008 finding (or none) agrees with an independent run of the checker on a copy of the plan. */
function expectAgreement(plan: Plan, label: string): void {
  const findings = errorsOf(plan);
  // A copy: its checker run is computed afresh, not read from what evaluate() kept for `plan`.
  const checks: readonly ClientCheck[] = checkAllClients(structuredClone(plan));
  expect(checks).toHaveLength(plan.clients.length);
  plan.clients.forEach((client, i) => {
    const check = checks[i] as ClientCheck;
    const here = findings.filter((f) => f.path === `clients.${i}.intent`);
    const canReach = check.verdict !== 'unreachable';
    const expected = client.intent === 'mustReach' ? !canReach : canReach;
    expect(here.length, `${label}, client ${i} (${client.intent}, ${check.verdict})`).toBe(expected ? 1 : 0);
    const finding = here[0];
    if (finding === undefined) return;
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain(check.summary);
    const hop = failingHop(check);
    if (client.intent === 'mustReach') expect(finding.message).toContain(`(failing hop: ${hop?.title}`);
  });
  expect(findings.length, label).toBe(
    plan.clients.filter((c, i) => (checks[i]?.verdict === 'unreachable') === (c.intent === 'mustReach')).length,
  );
}

/** Names of the fixture's networks, in any case, plus names the plan does not have. */
const vnetName = fc.constantFrom('vnet-a', 'vnet-b', 'VNET-B', 'Vnet-C', 'vnet-c', 'vnet-x', '');
const subnetName = fc.constantFrom('snet-app', 'SNET-APP', 'snet-postgres', 'snet-web', '');
const siteName = fc.constantFrom('office', 'OFFICE', 'branch', 'Branch', 'nowhere');
const intent = fc.constantFrom('mustReach', 'mustNotReach');
const tls = fc.constantFrom('TLSv1.1', 'TLSv1.2', 'TLSv1.3');
const address = fc.constantFrom('', '', '10.0.1.5', '10.1.2.3', '10.2.0.0/24', '192.168.10.7', '172.16.0.1', 'x');

const privateClient = fc.oneof(
  fc.record({ kind: fc.constant('serverVnet'), subnet: subnetName, address }),
  fc.record({ kind: fc.constant('vnet'), vnet: vnetName, address }),
  fc.record({ kind: fc.constant('onPremises'), site: siteName, address }),
  fc.record({ kind: fc.constant('internet'), address: fc.constantFrom('203.0.113.5', '198.51.100.1') }),
  fc.record({ kind: fc.constant('azureService'), address }),
);

/** One direction of a peering between two of the plan's VNets (names in any case, some unknown), with its flags. */
const peeringEntry = fc.record({
  from: vnetName,
  to: vnetName,
  allowForwardedTraffic: fc.boolean(),
  allowGatewayTransit: fc.boolean(),
  useRemoteGateways: fc.boolean(),
});
const appliance = fc.option(
  fc.record({
    kind: fc.constantFrom('azureFirewall', 'nva'),
    name: fc.constant('afw'),
    privateIp: fc.constantFrom('10.1.0.4', '10.2.0.4', '10.9.0.4'),
  }),
);
/** A route table on one subnet of a VNet, sending a range to an appliance (or elsewhere). */
const routeTable = fc.record({
  name: fc.constantFrom('rt-1', 'rt-2'),
  vnet: vnetName,
  subnets: fc.subarray(['snet-app', 'SNET-POSTGRES', 'snet-b', 'GatewaySubnet']),
  routes: fc.array(
    fc.record({
      name: fc.constantFrom('r1', 'r2'),
      prefix: fc.constantFrom(
        '10.0.0.0/16',
        '10.0.0.0/28',
        '10.1.0.0/16',
        '10.2.0.0/16',
        '0.0.0.0/0',
        '192.168.0.0/16',
      ),
      nextHop: fc.constantFrom('VirtualAppliance', 'VirtualAppliance', 'None', 'Internet', 'VnetLocal'),
      nextHopIp: fc.constantFrom('10.1.0.4', '10.2.0.4'),
    }),
    { maxLength: 3 },
  ),
});
const dns = fc.oneof(
  fc.constant({ kind: 'azure' }),
  fc.record({
    kind: fc.constant('custom'),
    servers: fc.subarray(['10.0.1.4', '10.1.0.4', '10.2.0.4', '192.168.10.53', '8.8.8.8']),
    forwardsToAzureDns: fc.boolean(),
  }),
);
const nsg = fc.option(
  fc.record({
    name: fc.constant('nsg-postgres'),
    rules: fc.subarray([
      nsgRule('allow-app', 100, 'Inbound', 'Allow', { sourceAddresses: ['10.0.1.0/24'], destinationPorts: ['5432'] }),
      nsgRule('deny-b', 110, 'Inbound', 'Deny', { sourceAddresses: ['10.1.0.0/16'] }),
      nsgRule('allow-vnet', 120, 'Inbound', 'Allow', { sourceAddresses: ['VirtualNetwork'] }),
      nsgRule('deny-all', 4000, 'Inbound', 'Deny', { protocol: '*' }),
    ]),
  }),
);

/** Private plans around the rule fixture: peerings, zone links, DNS, gateways, NSG and clients varied. */
const privatePlans: fc.Arbitrary<Plan> = fc
  .record({
    zone: fc.boolean(),
    serverLink: fc.boolean(),
    serverDns: dns,
    peers: fc.array(
      fc.record({
        name: fc.constantFrom('vnet-b', 'VNET-B', 'vnet-c', 'Vnet-C', 'vnet-a'),
        space: fc.constantFrom('10.1.0.0/16', '10.2.0.0/16', '10.0.0.0/16'),
        zoneLink: fc.boolean(),
        dns,
        appliance,
      }),
      { maxLength: 3 },
    ),
    peerings: fc.array(peeringEntry, { maxLength: 6 }),
    routeTables: fc.array(routeTable, { maxLength: 2 }),
    sites: fc.array(
      fc.record({
        name: siteName,
        range: fc.constantFrom('192.168.10.0/24', '172.16.0.0/16', '10.1.0.0/16'),
        connection: fc.constantFrom('vpn', 'expressRoute', 'none'),
        gatewayVnet: vnetName,
        dnsForwarder: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    nsg,
    clients: fc.array(fc.tuple(privateClient, intent, tls, fc.boolean()), { maxLength: 5 }),
  })
  .map((g): Plan => {
    const base = privateInput as PlanInput & { access: Record<string, unknown> };
    const input = {
      ...base,
      access: {
        ...base.access,
        vnet: { ...(base.access.vnet as object), zoneLink: g.serverLink, dns: g.serverDns },
        privateDnsZone: g.zone ? base.access.privateDnsZone : null,
        delegatedSubnet: { name: 'snet-postgres', prefix: '10.0.0.0/28', nsg: g.nsg },
        peeredVnets: g.peers.map((p) => ({
          name: p.name,
          region: 'westeurope',
          addressSpaces: [p.space],
          zoneLink: p.zoneLink,
          dns: p.dns,
          subnets: [{ name: 'snet-b', prefix: p.space.replace('.0.0/16', '.1.0/24') }],
          appliance: p.appliance,
        })),
        peerings: g.peerings,
        routeTables: g.routeTables.map((t) => ({
          ...t,
          routes: t.routes.map((r) => ({ ...r, nextHopIp: r.nextHop === 'VirtualAppliance' ? r.nextHopIp : '' })),
        })),
        onPremises: g.sites.map((s) => ({
          name: s.name,
          addressRanges: [s.range],
          connection: s.connection,
          gatewayVnet: s.gatewayVnet,
          dnsForwarder: s.dnsForwarder,
        })),
      },
      clients: g.clients.map(([c, i, t, byIp], n) => ({
        ...c,
        name: `c${n}`,
        intent: i,
        tlsVersion: t,
        connectsByIp: byIp,
      })),
    };
    return PlanDocumentSchema.parse(input);
  });

describe('PGN-008 and the connectivity check agree', () => {
  it('on generated private plans (peerings, appliances, routes, DNS, gateways, NSG, names in any case)', () => {
    fc.assert(
      fc.property(privatePlans, (plan) => expectAgreement(plan, 'generated')),
      { numRuns: 300 },
    );
  });

  it('on plans generated from the schema', () => {
    fc.assert(
      fc.property(schemaPlans, (plan) => expectAgreement(plan, 'schema')),
      { numRuns: 100 },
    );
  });

  it.each(examplePlans().map((e) => [e.name, e.plan] as const))('on the example %s', (name, plan) => {
    expectAgreement(plan, name);
  });

  it('on every rule-case plan, failing and passing', () => {
    for (const [id, c] of Object.entries(RULE_CASES)) {
      expectAgreement(c.fails, `${id} fails`);
      if (c.passes !== null) expectAgreement(c.passes, `${id} passes`);
    }
  });

  it('the generated plans cover both verdicts and both intents', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(privatePlans, (plan) => {
        checkAllClients(plan).forEach((c, i) =>
          seen.add(`${plan.clients[i]?.intent} ${c.verdict === 'unreachable' ? 'cannot' : 'can'}`),
        );
      }),
      { numRuns: 200, seed: 8 },
    );
    expect([...seen].sort()).toEqual(['mustNotReach can', 'mustNotReach cannot', 'mustReach can', 'mustReach cannot']);
  });
});
