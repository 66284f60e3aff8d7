/** Public access with private endpoints: each way the path through an endpoint works or fails. */
import { describe, expect, it } from 'vitest';
import { setIn } from '../domain/paths';
import type { Plan } from '../domain/plan';
import { privateEndpointHubPlan } from '../domain/testing/private-endpoint-plans';
import { evaluate } from '../rules';
import { checkAllClients, type ClientCheck } from './index';

const edit = (...edits: [path: string, value: unknown][]): Plan =>
  edits.reduce<Plan>((plan, [path, value]) => setIn(plan, path, value), privateEndpointHubPlan());

const clientCheck = (plan: Plan, name: string): ClientCheck => {
  const check = checkAllClients(plan).find((c) => c.client === name);
  if (check === undefined) throw new Error(`no client ${name}`);
  return check;
};

const firstProblem = (check: ClientCheck) => check.hops.find((h) => h.status === 'fail' || h.status === 'warn');
const pathTitles = (check: ClientCheck) => check.hops.filter((h) => h.kind === 'path').map((h) => h.title);

const HUB_LINK = 'access.peeredVnets.0.zoneLink';

describe('the hub with a private endpoint', () => {
  it('takes the spoke through its peering with the hub, then the endpoint', () => {
    const spoke = clientCheck(privateEndpointHubPlan(), 'ledger-api');
    expect(spoke.verdict).toBe('reachable');
    expect(pathTitles(spoke)).toEqual([
      'Peering vnet-spoke-ledger-app ↔ vnet-hub',
      'Private endpoint pe-pg-contoso-ledger',
    ]);
    // The spoke resolves through the resolver in the hub, which is linked to the privatelink zone.
    expect(spoke.hops.find((h) => h.title === 'Custom DNS server 10.0.2.4')?.detail).toContain('vnet-hub (linked');
  });

  it('takes the office through ExpressRoute into the hub, then the endpoint', () => {
    const office = clientCheck(privateEndpointHubPlan(), 'finance-office');
    expect(office.verdict).toBe('reachable');
    expect(pathTitles(office)).toEqual(['ExpressRoute gateway in vnet-hub', 'Private endpoint pe-pg-contoso-ledger']);
    expect(office.summary).toBe(
      'reachable: ExpressRoute gateway in vnet-hub, then Private endpoint pe-pg-contoso-ledger',
    );
  });

  it('keeps the internet out while public network access is disabled', () => {
    const laptop = clientCheck(privateEndpointHubPlan(), 'home-laptop');
    expect(laptop.verdict).toBe('unreachable');
    expect(firstProblem(laptop)).toMatchObject({ ruleId: 'PGN-224', path: 'access.publicNetworkAccess' });
  });
});

describe('a private-endpoint path that fails', () => {
  it('no zone link: the spoke misses the endpoint at name resolution, with the link to set', () => {
    const spoke = clientCheck(edit([HUB_LINK, false]), 'ledger-api');
    expect(spoke.verdict).toBe('unreachable');
    expect(firstProblem(spoke)).toMatchObject({ kind: 'dns', status: 'fail', path: HUB_LINK });
    expect(spoke.summary).toBe('fails at name resolution: link the zone to vnet-hub');
  });

  it('no zone link with public access on: a warning that it goes public, then the firewall decides', () => {
    const plan = edit([HUB_LINK, false], ['access.publicNetworkAccess', true]);
    const spoke = clientCheck(plan, 'ledger-api');
    expect(spoke.hops[1]).toMatchObject({
      kind: 'dns',
      status: 'warn',
      title: 'Public address instead of a private endpoint',
      path: HUB_LINK,
    });
    expect(pathTitles(spoke)).toEqual(['Public endpoint']);
    expect(firstProblem(spoke)?.kind).toBe('dns');
    expect(spoke.hops.find((h) => h.status === 'fail')).toMatchObject({ kind: 'filter', ruleId: 'PGN-201' });
  });

  it('the privatelink zone forwarded from on premises instead of the public zone', () => {
    const office = clientCheck(
      edit(['access.onPremises.0.forwardedZone', 'privatelink.postgres.database.azure.com']),
      'finance-office',
    );
    expect(office.verdict).toBe('unreachable');
    expect(firstProblem(office)).toMatchObject({
      kind: 'dns',
      ruleId: 'PGN-223',
      path: 'access.onPremises.0.forwardedZone',
    });
    expect(firstProblem(office)?.fix).toContain('postgres.database.azure.com (the public zone)');
  });

  it('another zone forwarded from on premises fails here as PGN-223 reports it, at the same field', () => {
    const plan = edit(['access.onPremises.0.forwardedZone', 'Corp.Example.']);
    const office = clientCheck(plan, 'finance-office');
    expect(firstProblem(office)).toMatchObject({
      kind: 'dns',
      ruleId: 'PGN-223',
      path: 'access.onPremises.0.forwardedZone',
    });
    expect(
      evaluate(plan)
        .filter((f) => f.ruleId === 'PGN-223')
        .map((f) => f.path),
    ).toEqual(['access.onPremises.0.forwardedZone']);
    // The public zone, written with a trailing dot and in capitals, is the zone it needs.
    const same = edit(['access.onPremises.0.forwardedZone', 'Postgres.Database.Azure.com.']);
    expect(clientCheck(same, 'finance-office').verdict).toBe('reachable');
    expect(evaluate(same).some((f) => f.ruleId === 'PGN-223')).toBe(false);
  });

  it('no zone at all: the endpoint has no record anywhere', () => {
    const spoke = clientCheck(edit(['access.privateDnsZone', null]), 'ledger-api');
    expect(firstProblem(spoke)).toMatchObject({ ruleId: 'PGN-222', path: 'access.privateDnsZone' });
  });

  it('a spoke not peered with the endpoint VNet resolves the endpoint but has no path to it', () => {
    const spoke = clientCheck(edit(['access.peerings', []]), 'ledger-api');
    expect(spoke.verdict).toBe('unreachable');
    expect(firstProblem(spoke)?.kind).toBe('dns'); // the resolver in the hub is out of reach too
    const resolverOnly = edit(
      ['access.peerings', []],
      ['access.peeredVnets.1.dns', { kind: 'azure' }],
      ['access.peeredVnets.1.zoneLink', true],
    );
    const linked = clientCheck(resolverOnly, 'ledger-api');
    expect(firstProblem(linked)).toMatchObject({ kind: 'path', status: 'fail' });
  });

  it('an endpoint in a VNet of another region than the server still carries its traffic (PE §1.6)', () => {
    const plan = edit(['access.peeredVnets.0.region', 'northeurope'], ['access.peeredVnets.1.region', 'northeurope']);
    expect(clientCheck(plan, 'ledger-api').verdict).toBe('reachable');
    expect(clientCheck(plan, 'finance-office').verdict).toBe('reachable');
  });

  it("the subnet's network policies: on, the endpoint's NSG applies and is not described; off, nothing filters", () => {
    const policies = 'access.peeredVnets.0.subnets.0.privateEndpointNetworkPolicies';
    const on = clientCheck(edit([policies, 'NetworkSecurityGroupEnabled']), 'ledger-api');
    expect(on.verdict).toBe('warning');
    expect(firstProblem(on)).toMatchObject({ kind: 'filter', ruleId: 'PGN-225', path: policies });
    const routesOnly = clientCheck(edit([policies, 'RouteTableEnabled']), 'ledger-api');
    expect(routesOnly.verdict).toBe('reachable');
    const off = clientCheck(edit([policies, 'Disabled']), 'ledger-api');
    expect(off.hops.find((h) => h.kind === 'filter')).toMatchObject({ status: 'pass', ruleId: 'PGN-225' });
  });

  it("a denying NSG on the endpoint's subnet: it decides with the network policies on, and nothing filters off", () => {
    const subnet = 'access.peeredVnets.0.subnets.0';
    const denySpoke = {
      name: 'nsg-private-endpoints',
      existing: true,
      rules: [
        {
          name: 'DenySpokeToPostgres',
          priority: 200,
          direction: 'Inbound',
          access: 'Deny',
          protocol: 'Tcp',
          sourceAddresses: ['10.1.0.0/16'],
          sourcePorts: ['*'],
          destinationAddresses: ['*'],
          destinationPorts: ['5432'],
          sourceAsgs: [],
          destinationAsgs: [],
          description: '',
        },
      ],
    };
    const on = edit([`${subnet}.nsg`, denySpoke], [`${subnet}.privateEndpointNetworkPolicies`, 'Enabled']);
    const api = clientCheck(on, 'ledger-api');
    expect(api.verdict).toBe('unreachable');
    expect(firstProblem(api)).toMatchObject({
      kind: 'filter',
      status: 'fail',
      ruleId: 'PGN-225',
      path: `${subnet}.nsg.rules.0`,
    });
    expect(firstProblem(api)?.detail).toContain('nsg-private-endpoints denies TCP 5432 from 10.1.1.20');
    // The rule names the spoke only: the office still gets in, allowed by a default rule (VirtualNetwork).
    expect(clientCheck(on, 'finance-office').verdict).toBe('reachable');
    // NSGs only: the same. Route tables only, or off: the NSG doesn't apply to the endpoint.
    const nsgOnly = edit(
      [`${subnet}.nsg`, denySpoke],
      [`${subnet}.privateEndpointNetworkPolicies`, 'NetworkSecurityGroupEnabled'],
    );
    expect(clientCheck(nsgOnly, 'ledger-api').verdict).toBe('unreachable');
    for (const policies of ['RouteTableEnabled', 'Disabled']) {
      const off = clientCheck(
        edit([`${subnet}.nsg`, denySpoke], [`${subnet}.privateEndpointNetworkPolicies`, policies]),
        'ledger-api',
      );
      expect(off.verdict, policies).toBe('reachable');
    }
  });

  it('public access disabled with firewall rules only: the rule that covers the client lets nothing in', () => {
    const plan = edit(
      ['access.privateEndpoints', []],
      ['access.firewallRules', [{ name: 'home', startIp: '203.0.113.50', endIp: '203.0.113.50' }]],
      ['clients.2.intent', 'mustReach'],
    );
    const laptop = clientCheck(plan, 'home-laptop');
    expect(laptop.verdict).toBe('unreachable');
    expect(firstProblem(laptop)).toMatchObject({ ruleId: 'PGN-224' });
    // Switched back on, the same rule lets it in.
    const open = clientCheck(setIn(plan, 'access.publicNetworkAccess', true), 'home-laptop');
    expect(open.verdict).toBe('reachable');
  });
});
