import { describe, expect, it } from 'vitest';
import { readPlanDocument } from '../domain/parse';
import { getIn, setIn } from '../domain/paths';
import type { Plan } from '../domain/plan';
import { largePlan } from '../domain/samples';
import { checkAllClients, checkClient, type ClientCheck, type Hop, type HopKind } from './index';
import { exampleDocument } from '../domain/testing/examples';

/** An example plan as parsed JSON; tests change fields by dotted path and parse the result through the real schema. */
type Doc = unknown;
type Edit = readonly [path: string, value: unknown];

function example(name: string): Doc {
  return exampleDocument(name);
}

function edit(doc: Doc, ...edits: Edit[]): Doc {
  return edits.reduce((d, [path, value]) => setIn(d, path, value), doc);
}

/** Appends to the array at `path`. */
function push(doc: Doc, path: string, ...items: unknown[]): Doc {
  const list = getIn(doc, path);
  return setIn(doc, path, [...(Array.isArray(list) ? list : []), ...items]);
}

/** A peering of the plan (one direction), for finding it after an edit. */
interface PeeringDoc {
  readonly from: string;
  readonly to: string;
}

/** Removes the peering resource on `from` towards `to` (one direction) from `access.peerings`. */
function withoutPeering(doc: Doc, from: string, to: string): Doc {
  const list = getIn(doc, 'access.peerings') as PeeringDoc[];
  return setIn(
    doc,
    'access.peerings',
    list.filter((p) => !(p.from === from && p.to === to)),
  );
}

function parse(doc: Doc): Plan {
  const read = readPlanDocument(doc);
  if (!read.ok) throw new Error(read.error.message);
  return read.plan;
}

function check(doc: Doc, client: string, ...edits: Edit[]): ClientCheck {
  const result = checkClient(parse(edit(doc, ...edits)), client);
  if (result === null) throw new Error(`no client ${client}`);
  return result;
}

const firstFail = (c: ClientCheck): Hop | undefined => c.hops.find((h) => h.status === 'fail');
const hopsOf = (c: ClientCheck, kind: HopKind): Hop[] => c.hops.filter((h) => h.kind === kind);
const statuses = (c: ClientCheck, kind: HopKind): string[] => hopsOf(c, kind).map((h) => h.status);

const hub = () => example('hub-and-spoke');
const office = () => example('public-office');

describe('private access: hub and spoke example', () => {
  it('finds every client of the example reachable, hops in stage order', () => {
    const checks = checkAllClients(parse(hub()));
    expect(checks.map((c) => [c.client, c.verdict])).toEqual([
      ['orders-api', 'reachable'],
      ['reporting-app', 'reachable'],
      ['analyst-laptops', 'reachable'],
    ]);
    const order: HopKind[] = ['dns', 'path', 'filter', 'transport', 'auth'];
    for (const c of checks) {
      const kinds = c.hops.map((h) => order.indexOf(h.kind));
      expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
      expect(c.hops.at(-1)).toMatchObject({ kind: 'auth', status: 'info', ruleId: 'PGN-003' });
    }
  });

  it('peered but not linked: fails at name resolution and names the VNet to link', () => {
    let doc = hub();
    // Azure-provided DNS: the VNet's own zone link answers its queries.
    doc = edit(doc, ['access.peeredVnets.1.dns', { kind: 'azure' }]);
    doc = edit(doc, ['access.peeredVnets.1.zoneLink', false]);
    const c = check(doc, 'reporting-app');
    expect(c.verdict).toBe('unreachable');
    expect(c.summary).toContain('fails at name resolution: link the zone to vnet-spoke-2');
    expect(firstFail(c)).toMatchObject({ kind: 'dns', ruleId: 'PGN-134', path: 'access.peeredVnets.1.zoneLink' });
    expect(statuses(c, 'path')).toEqual(['pass']);
  });

  it("with custom DNS servers, the VNet's own zone link does not matter: the DNS server's VNet answers", () => {
    // Changed in format 2: a VNet that sends its queries to custom DNS servers gets its answers where those
    // servers sit (here 10.0.0.4 in vnet-hub, linked to the zone), so its own link is not needed.
    const c = check(hub(), 'reporting-app', ['access.peeredVnets.1.zoneLink', false]);
    expect(c.verdict).toBe('reachable');
    expect(hopsOf(c, 'dns').some((h) => h.title === 'Private DNS zone link')).toBe(false);
    expect(hopsOf(c, 'dns').find((h) => h.title === 'Custom DNS server 10.0.0.4')?.detail).toContain(
      'sits in vnet-hub (linked to the zone)',
    );
    const server = check(hub(), 'orders-api', ['access.vnet.zoneLink', false]);
    expect(server.verdict).toBe('reachable');
    // The DNS server's VNet is what must be linked.
    expect(firstFail(check(hub(), 'reporting-app', ['access.peeredVnets.0.zoneLink', false]))).toMatchObject({
      kind: 'dns',
      ruleId: 'PGN-137',
      fix: 'link the zone to vnet-hub',
      path: 'access.peeredVnets.0.zoneLink',
    });
  });

  it('server VNet not linked: its own subnets cannot resolve the server (PGN-133)', () => {
    let doc = hub();
    doc = edit(doc, ['access.vnet.dns', { kind: 'azure' }]);
    doc = edit(doc, ['access.vnet.zoneLink', false]);
    const c = check(doc, 'orders-api');
    expect(c.summary).toBe('fails at name resolution: link the zone to vnet-orders-data');
    expect(firstFail(c)).toMatchObject({ ruleId: 'PGN-133', path: 'access.vnet.zoneLink' });
  });

  it('linked but not peered: fails at network path (PGN-135)', () => {
    let doc = hub();
    doc = withoutPeering(doc, 'vnet-orders-data', 'vnet-spoke-2');
    doc = withoutPeering(doc, 'vnet-spoke-2', 'vnet-orders-data');
    doc = edit(doc, ['access.peeredVnets.1.dns', { kind: 'azure' }]);
    const c = check(doc, 'reporting-app');
    expect(c.verdict).toBe('unreachable');
    expect(statuses(c, 'dns')).toEqual(['pass']);
    // No peering resource to point at: the finding lands on the plan's list of peerings.
    expect(firstFail(c)).toMatchObject({ kind: 'path', ruleId: 'PGN-135', path: 'access.peerings' });
    expect(c.summary).toBe(
      'fails at network path: add the peerings from vnet-spoke-2 to ' +
        'vnet-orders-data and from vnet-orders-data to vnet-spoke-2',
    );
  });

  it('one-way peering: fails at network path and names the missing direction (PGN-139)', () => {
    let doc = hub();
    doc = edit(doc, ['access.peeredVnets.1.dns', { kind: 'azure' }]);
    // The plan holds no entry for the missing direction: the hop points at the direction that exists (the
    // peering to pair), and its fix names the one to add.
    const toServer = withoutPeering(doc, 'vnet-spoke-2', 'vnet-orders-data');
    const c = check(toServer, 'reporting-app');
    const hop = firstFail(c);
    expect(hop).toMatchObject({
      kind: 'path',
      ruleId: 'PGN-139',
      fix: 'add the peering from vnet-spoke-2 to vnet-orders-data',
      path: expect.stringMatching(/^access\.peerings\.\d+$/),
    });
    expect(getIn(toServer, hop?.path ?? '')).toMatchObject({ from: 'vnet-orders-data', to: 'vnet-spoke-2' });
    const fromServer = withoutPeering(doc, 'vnet-orders-data', 'vnet-spoke-2');
    const other = firstFail(check(fromServer, 'reporting-app'));
    expect(other).toMatchObject({ ruleId: 'PGN-139', fix: 'add the peering from vnet-orders-data to vnet-spoke-2' });
    expect(getIn(fromServer, other?.path ?? '')).toMatchObject({ from: 'vnet-spoke-2', to: 'vnet-orders-data' });
  });

  it('a spoke that lost its peering cannot reach the custom DNS server in the hub either', () => {
    // Format 2: the spoke reaches its DNS server (10.0.0.4 in vnet-hub) over its own peering with the hub.
    // Without its side of the peerings (to the hub and to the server VNet) both name resolution and the path fail,
    // each pointing at the direction that is left.
    let doc = hub();
    doc = withoutPeering(doc, 'vnet-spoke-2', 'vnet-hub');
    doc = withoutPeering(doc, 'vnet-spoke-2', 'vnet-orders-data');
    const c = check(doc, 'reporting-app');
    const dns = firstFail(c);
    expect(dns).toMatchObject({ kind: 'dns', ruleId: 'PGN-137', fix: 'add the peering from vnet-spoke-2 to vnet-hub' });
    expect(getIn(doc, dns?.path ?? '')).toMatchObject({ from: 'vnet-hub', to: 'vnet-spoke-2' });
    const path = hopsOf(c, 'path')[0];
    expect(path).toMatchObject({ status: 'fail', ruleId: 'PGN-139' });
    expect(getIn(doc, path?.path ?? '')).toMatchObject({ from: 'vnet-orders-data', to: 'vnet-spoke-2' });
    // Its peering with the hub alone is enough for name resolution.
    expect(statuses(check(hub(), 'reporting-app'), 'dns')).toEqual(['pass', 'pass']);
    expect(statuses(check(withoutPeering(hub(), 'vnet-spoke-2', 'vnet-orders-data'), 'reporting-app'), 'dns')).toEqual([
      'pass',
      'pass',
    ]);
  });

  it('peered VNet overlapping the server VNet: Azure refuses the peering (PGN-136)', () => {
    let doc = hub();
    doc = edit(doc, ['access.peeredVnets.1.dns', { kind: 'azure' }]);
    doc = edit(doc, ['access.peeredVnets.1.addressSpaces', ['10.20.0.0/16']]);
    doc = edit(doc, ['clients.1.address', '10.20.1.10']);
    const c = check(doc, 'reporting-app');
    expect(firstFail(c)).toMatchObject({ kind: 'path', ruleId: 'PGN-136', path: 'access.peeredVnets.1.addressSpaces' });
  });

  it('on premises over VPN, custom DNS in the gateway hub that does not forward: fails at name resolution', () => {
    let doc = hub();
    doc = edit(doc, ['access.peeredVnets.0.dns.forwardsToAzureDns', false]);
    const c = check(doc, 'analyst-laptops');
    expect(c.verdict).toBe('unreachable');
    expect(firstFail(c)).toMatchObject({
      kind: 'dns',
      ruleId: 'PGN-137',
      fix: 'make 10.0.0.4 forward postgres.database.azure.com to 168.63.129.16',
      path: 'access.peeredVnets.0.dns.forwardsToAzureDns',
    });
    expect(c.summary.startsWith('fails at name resolution: ')).toBe(true);
    expect(statuses(c, 'path')).toEqual(['pass', 'pass']);
  });

  it('on premises whose DNS does not forward into Azure: fails at name resolution', () => {
    let doc = hub();
    doc = edit(doc, ['access.onPremises.0.dnsForwarder', false]);
    const c = check(doc, 'analyst-laptops');
    expect(firstFail(c)).toMatchObject({
      kind: 'dns',
      ruleId: 'PGN-137',
      fix: 'forward postgres.database.azure.com from the DNS of office-amsterdam to a DNS resolver in vnet-hub',
      path: 'access.onPremises.0.dnsForwarder',
    });
  });

  it('on premises not connected: fails at network path (PGN-113)', () => {
    let doc = hub();
    doc = edit(doc, ['access.onPremises.0.connection', 'none']);
    const c = check(doc, 'analyst-laptops');
    expect(statuses(c, 'dns').every((s) => s === 'pass')).toBe(true);
    expect(firstFail(c)).toMatchObject({ kind: 'path', ruleId: 'PGN-113', path: 'access.onPremises.0.connection' });
    expect(c.summary).toContain(
      'fails at network path: connect office-amsterdam through a VPN gateway or ExpressRoute',
    );
  });

  it('gateway in a hub peered one way only: fails at network path', () => {
    const doc = withoutPeering(hub(), 'vnet-orders-data', 'vnet-hub');
    const c = check(doc, 'analyst-laptops');
    const hop = firstFail(c);
    expect(hop).toMatchObject({
      kind: 'path',
      ruleId: 'PGN-139',
      fix: 'add the peering from vnet-orders-data to vnet-hub',
    });
    // The existing direction, the one to pair (the plan has no entry for the missing one).
    expect(getIn(doc, hop?.path ?? '')).toMatchObject({ from: 'vnet-hub', to: 'vnet-orders-data' });
  });

  it('gateway in a hub: the server VNet must use the remote gateway, the hub must offer it (PGN-140)', () => {
    // Format 2 writes the gateway-transit flags explicitly; without them the server VNet never learns the
    // routes to the site, and the replies are lost.
    const offer = check(hub(), 'analyst-laptops', ['access.peerings.1.allowGatewayTransit', false]);
    expect(offer.verdict).toBe('unreachable');
    expect(firstFail(offer)).toMatchObject({
      kind: 'path',
      ruleId: 'PGN-140',
      title: 'Gateway transit vnet-hub → vnet-orders-data',
      fix: 'allow gateway transit on the peering from vnet-hub to vnet-orders-data',
      path: 'access.peerings.1.allowGatewayTransit',
    });
    const use = check(hub(), 'analyst-laptops', ['access.peerings.0.useRemoteGateways', false]);
    expect(firstFail(use)).toMatchObject({
      ruleId: 'PGN-140',
      fix: 'use remote gateways on the peering from vnet-orders-data to vnet-hub',
      path: 'access.peerings.0.useRemoteGateways',
    });
    // The other clients don't cross the gateway.
    expect(check(hub(), 'reporting-app', ['access.peerings.0.useRemoteGateways', false]).verdict).toBe('reachable');
  });

  it('peering names in another case are the same VNets', () => {
    const c = check(
      hub(),
      'reporting-app',
      ['access.peerings.2.from', 'VNET-ORDERS-DATA'],
      ['access.peerings.3.to', 'Vnet-Orders-Data'],
      ['access.peerings.3.from', 'VNET-SPOKE-2'],
    );
    expect(c.verdict).toBe('reachable');
    expect(hopsOf(c, 'path')).toEqual([
      expect.objectContaining({ status: 'pass', title: 'Peering vnet-spoke-2 ↔ vnet-orders-data', ruleId: 'PGN-135' }),
    ]);
  });

  it('gateway directly in the server VNet over ExpressRoute: one gateway hop, no peering needed', () => {
    let doc = hub();
    doc = edit(doc, ['access.onPremises.0.gatewayVnet', '']);
    doc = edit(doc, ['access.onPremises.0.connection', 'expressRoute']);
    const c = check(doc, 'analyst-laptops');
    expect(c.verdict).toBe('reachable');
    expect(hopsOf(c, 'path').map((h) => h.title)).toEqual(['ExpressRoute gateway in vnet-orders-data']);
  });

  it('NSG denying 5432 from the client: fails at filtering with the allow rule to add (PGN-123)', () => {
    let doc = hub();
    doc = push(doc, 'access.delegatedSubnet.nsg.rules', {
      name: 'deny-spoke-2',
      priority: 105,
      direction: 'Inbound',
      access: 'Deny',
      protocol: 'Tcp',
      sourceAddresses: ['10.30.0.0/16'],
      destinationAddresses: ['*'],
      destinationPorts: ['5432'],
    });
    const c = check(doc, 'reporting-app');
    expect(statuses(c, 'dns').every((s) => s === 'pass')).toBe(true);
    expect(statuses(c, 'path')).toEqual(['pass']);
    expect(firstFail(c)).toMatchObject({
      kind: 'filter',
      ruleId: 'PGN-123',
      fix: 'allow TCP 5432 from 10.30.1.10 in nsg-postgres',
      path: 'access.delegatedSubnet.nsg.rules.5',
    });
    expect(firstFail(c)?.detail).toContain('deny-spoke-2 (priority 105)');
    // The other clients are not affected.
    expect(check(doc, 'orders-api').verdict).toBe('reachable');
  });

  it('NSG without an allow for the client falls to the deny-all rule', () => {
    let doc = hub();
    const rules = getIn(doc, 'access.delegatedSubnet.nsg.rules') as unknown[];
    // Remove allow-postgres-from-spokes.
    doc = edit(doc, ['access.delegatedSubnet.nsg.rules', rules.filter((_, i) => i !== 1)]);
    const c = check(doc, 'orders-api');
    expect(firstFail(c)).toMatchObject({
      kind: 'filter',
      fix: 'allow TCP 5432 from 10.20.1.0/24 in nsg-postgres',
      path: 'access.delegatedSubnet.nsg.rules.1',
    });
  });

  it('no NSG: nothing filters', () => {
    let doc = hub();
    doc = edit(doc, ['access.delegatedSubnet.nsg', null]);
    const c = check(doc, 'reporting-app');
    expect(hopsOf(c, 'filter')).toEqual([expect.objectContaining({ status: 'pass', ruleId: 'PGN-123' })]);
  });

  it('TLS 1.1 client against a TLS 1.2 minimum: fails at transport (PGN-004)', () => {
    let doc = hub();
    doc = edit(doc, ['clients.1.tlsVersion', 'TLSv1.1']);
    const c = check(doc, 'reporting-app');
    expect(firstFail(c)).toMatchObject({
      kind: 'transport',
      ruleId: 'PGN-004',
      fix: 'upgrade the client to TLSv1.2 or later',
      path: 'clients.1.tlsVersion',
    });
    expect(c.summary).toBe('fails at transport: upgrade the client to TLSv1.2 or later');
  });

  it('TLS 1.2 client against a TLS 1.3 minimum fails; against a TLS 1.2 maximum it negotiates 1.2', () => {
    let doc = hub();
    doc = edit(doc, ['tls.minVersion', 'TLSv1.3']);
    expect(firstFail(check(doc, 'reporting-app'))).toMatchObject({
      kind: 'transport',
      fix: 'upgrade the client to TLSv1.3 or later',
    });
    const c = check(hub(), 'orders-api', ['tls.maxVersion', 'TLSv1.2']);
    expect(c.verdict).toBe('reachable');
    expect(hopsOf(c, 'transport')[0]?.detail).toContain('negotiates TLSv1.2');
  });

  it('maximum below the minimum: no TLS version is accepted (PGN-005)', () => {
    let doc = hub();
    doc = edit(doc, ['tls.minVersion', 'TLSv1.3']);
    doc = edit(doc, ['tls.maxVersion', 'TLSv1.2']);
    expect(firstFail(check(doc, 'orders-api'))).toMatchObject({
      kind: 'transport',
      ruleId: 'PGN-005',
      path: 'tls.maxVersion',
    });
  });

  it('TLS not enforced: reachable with a warning (PGN-006), even for an old client', () => {
    let doc = hub();
    doc = edit(doc, ['tls.requireSecureTransport', false]);
    expect(check(doc, 'orders-api')).toMatchObject({ verdict: 'warning' });
    doc = edit(doc, ['clients.0.tlsVersion', 'TLSv1']);
    const c = check(doc, 'orders-api');
    expect(c.verdict).toBe('warning');
    expect(hopsOf(c, 'transport')[0]).toMatchObject({
      status: 'warn',
      ruleId: 'PGN-006',
      path: 'clients.0.tlsVersion',
    });
  });

  it('internet client and Azure service without VNet integration cannot reach a private server', () => {
    let doc = hub();
    doc = push(doc, 'clients', { kind: 'internet', name: 'home', address: '203.0.113.7' });
    doc = push(doc, 'clients', { kind: 'azureService', name: 'func', tenant: 'same' });
    const home = check(doc, 'home');
    expect(home.verdict).toBe('unreachable');
    expect(hopsOf(home, 'dns')[0]).toMatchObject({ status: 'info', ruleId: 'PGN-111' });
    expect(hopsOf(home, 'path')[0]).toMatchObject({ status: 'fail', ruleId: 'PGN-113', path: 'clients.3' });
    expect(home.summary).toBe(
      'fails at network path: connect the client through a VPN gateway or ' +
        'ExpressRoute into vnet-orders-data, or choose public access',
    );
    expect(hopsOf(home, 'filter')[0]?.status).toBe('info');
    const func = check(doc, 'func');
    expect(hopsOf(func, 'path')[0]).toMatchObject({ status: 'fail', ruleId: 'PGN-111' });
  });

  it('names the server by IP: warning (PGN-007); a broken resolution then only warns', () => {
    let doc = hub();
    doc = edit(doc, ['clients.1.connectsByIp', true]);
    // Azure-provided DNS, so that the spoke's own zone link decides its resolution.
    doc = edit(doc, ['access.peeredVnets.1.dns', { kind: 'azure' }]);
    const c = check(doc, 'reporting-app');
    expect(c.verdict).toBe('warning');
    expect(c.hops[0]).toMatchObject({ kind: 'dns', status: 'warn', ruleId: 'PGN-007', path: 'clients.1.connectsByIp' });
    doc = edit(doc, ['access.peeredVnets.1.zoneLink', false]);
    const unlinked = check(doc, 'reporting-app');
    expect(unlinked.verdict).toBe('warning');
    expect(hopsOf(unlinked, 'dns').some((h) => h.fix === 'link the zone to vnet-spoke-2' && h.status === 'warn')).toBe(
      true,
    );
  });

  it('no private DNS zone: fails at name resolution (PGN-130)', () => {
    let doc = hub();
    doc = edit(doc, ['access.privateDnsZone', null]);
    expect(firstFail(check(doc, 'orders-api'))).toMatchObject({
      kind: 'dns',
      ruleId: 'PGN-130',
      path: 'access.privateDnsZone',
    });
  });

  it('custom DNS server outside every network of the plan, or listed as none', () => {
    let doc = hub();
    doc = edit(doc, ['access.vnet.dns.servers', ['172.16.9.9']]);
    expect(firstFail(check(doc, 'orders-api'))).toMatchObject({
      kind: 'dns',
      ruleId: 'PGN-137',
      path: 'access.vnet.dns.servers.0',
    });
    doc = edit(doc, ['access.vnet.dns.servers', []]);
    expect(firstFail(check(doc, 'orders-api'))).toMatchObject({ kind: 'dns', path: 'access.vnet.dns.servers' });
  });

  it('custom DNS server on premises: usable over VPN when its site forwards the zone into Azure (PGN-142)', () => {
    const dns: [string, unknown] = ['access.vnet.dns.servers', ['192.168.10.53']];
    const forwarding = check(hub(), 'orders-api', dns, ['access.onPremises.0.dnsForwarder', true]);
    expect(hopsOf(forwarding, 'dns').find((h) => h.title === 'Custom DNS server 192.168.10.53')).toMatchObject({
      status: 'pass',
      ruleId: 'PGN-142',
    });
    // It cannot reach 168.63.129.16: without a forwarder to a resolver in Azure it never sees the zone.
    const silent = check(hub(), 'orders-api', dns, ['access.onPremises.0.dnsForwarder', false]);
    expect(firstFail(silent)).toMatchObject({
      kind: 'dns',
      ruleId: 'PGN-142',
      path: 'access.onPremises.0.dnsForwarder',
    });
    const cut = check(hub(), 'orders-api', dns, ['access.onPremises.0.connection', 'none']);
    expect(firstFail(cut)).toMatchObject({ kind: 'dns', path: 'access.onPremises.0.connection' });
  });

  it('168.63.129.16 as a custom DNS server passes; one in the delegated subnet fails (PGN-142)', () => {
    const azure = check(hub(), 'orders-api', ['access.vnet.dns.servers', ['168.63.129.16']]);
    const hop = hopsOf(azure, 'dns').find((h) => h.title === 'Custom DNS server 168.63.129.16');
    expect(hop).toMatchObject({ status: 'pass', ruleId: 'PGN-142' });
    // Azure DNS needs no forwarder to itself.
    expect(hopsOf(azure, 'dns').some((h) => h.title === 'Custom DNS forwarding')).toBe(false);
    // The example's delegated subnet is 10.20.0.0/28.
    const wrong = check(hub(), 'orders-api', ['access.vnet.dns.servers', ['10.20.0.4']]);
    expect(firstFail(wrong)).toMatchObject({ kind: 'dns', ruleId: 'PGN-142', path: 'access.vnet.dns.servers.0' });
  });

  it('custom DNS server in a VNet that is not linked to the zone', () => {
    let doc = hub();
    doc = edit(doc, ['access.peeredVnets.0.zoneLink', false]); // the hub holds 10.0.0.4
    const c = check(doc, 'orders-api');
    expect(firstFail(c)).toMatchObject({
      kind: 'dns',
      fix: 'link the zone to vnet-hub',
      path: 'access.peeredVnets.0.zoneLink',
    });
  });

  it('unknown subnet, VNet or site: fails and lists what exists', () => {
    let doc = hub();
    doc = edit(doc, ['clients.0.subnet', 'snet-nope']);
    doc = edit(doc, ['clients.1.vnet', 'vnet-nope']);
    doc = edit(doc, ['clients.2.site', 'nowhere']);
    const plan = parse(doc);
    const [a, b, c] = checkAllClients(plan);
    expect(firstFail(a!)).toMatchObject({ kind: 'path', path: 'clients.0.subnet' });
    expect(firstFail(a!)?.fix).toContain('snet-app');
    expect(firstFail(b!)).toMatchObject({ path: 'clients.1.vnet' });
    expect(firstFail(c!)).toMatchObject({ path: 'clients.2.site' });
  });

  it('client address outside its subnet or not an address', () => {
    let doc = hub();
    doc = edit(doc, ['clients.0.address', '10.20.9.9']);
    expect(firstFail(check(doc, 'orders-api'))).toMatchObject({ kind: 'path', path: 'clients.0.address' });
    doc = edit(doc, ['clients.0.address', '10.20.1.300']);
    expect(firstFail(check(doc, 'orders-api'))).toMatchObject({ kind: 'path', path: 'clients.0.address' });
  });
});

describe('public access: office example', () => {
  it('an allowed address passes; a dynamic IP on a single-address rule warns (PGN-212)', () => {
    const checks = checkAllClients(parse(office()));
    expect(checks[0]).toMatchObject({ client: 'dublin-analysts', verdict: 'reachable' });
    expect(checks[1]).toMatchObject({ client: 'cork-laptop', verdict: 'warning' });
    expect(hopsOf(checks[1]!, 'filter')[0]).toMatchObject({
      status: 'warn',
      ruleId: 'PGN-212',
      path: 'access.firewallRules.1',
    });
    expect(hopsOf(checks[0]!, 'dns')[0]?.detail).toContain('pg-fabrikam-reporting.postgres.database.azure.com');
  });

  it('internet client outside every firewall rule: fails at filtering with the rule to add', () => {
    let doc = office();
    doc = edit(doc, ['clients.0.address', '203.0.113.77']);
    const c = check(doc, 'dublin-analysts');
    expect(firstFail(c)).toMatchObject({
      kind: 'filter',
      ruleId: 'PGN-201',
      fix: 'add a firewall rule for 203.0.113.77',
      path: 'access.firewallRules',
    });
    expect(c.summary).toBe('fails at filtering: add a firewall rule for 203.0.113.77');
  });

  it('no firewall rule at all: nothing can connect', () => {
    let doc = office();
    doc = edit(doc, ['access.firewallRules', []]);
    expect(firstFail(check(doc, 'dublin-analysts'))?.detail).toContain('no firewall rule');
  });

  it('a private or IPv6 client address can never match a rule', () => {
    let doc = office();
    doc = edit(doc, ['clients.0.address', '192.168.1.20']);
    expect(firstFail(check(doc, 'dublin-analysts'))).toMatchObject({ ruleId: 'PGN-210', path: 'clients.0.address' });
    doc = edit(doc, ['clients.0.address', '2001:db8::1']);
    expect(firstFail(check(doc, 'dublin-analysts'))).toMatchObject({ ruleId: 'PGN-202' });
  });

  it('an allow-all rule lets the client in with a warning (PGN-206)', () => {
    let doc = office();
    doc = edit(doc, ['clients.0.address', '8.8.8.8']);
    doc = push(doc, 'access.firewallRules', { name: 'everyone', startIp: '0.0.0.0', endIp: '255.255.255.255' });
    expect(hopsOf(check(doc, 'dublin-analysts'), 'filter')[0]).toMatchObject({
      status: 'warn',
      ruleId: 'PGN-206',
      path: 'access.firewallRules.3',
    });
  });

  it(
    "another tenant's Azure service: allowed only through Azure services, " + 'which lets every tenant in (PGN-205)',
    () => {
      let doc = office();
      doc = push(doc, 'clients', { kind: 'azureService', name: 'partner-func', tenant: 'other' });
      const denied = check(doc, 'partner-func');
      expect(denied.verdict).toBe('unreachable');
      expect(firstFail(denied)?.fix).toContain('fixed outbound IP');
      doc = edit(doc, ['access.allowAzureServices', true]);
      const c = check(doc, 'partner-func');
      expect(c.verdict).toBe('warning');
      expect(hopsOf(c, 'filter')[0]).toMatchObject({ ruleId: 'PGN-205', path: 'access.allowAzureServices' });
      expect(hopsOf(c, 'filter')[0]?.detail).toContain('every Azure tenant');
    },
  );

  it('the 0.0.0.0 rule is the Azure-services switch; a fixed outbound IP inside a rule needs neither', () => {
    let doc = office();
    doc = push(doc, 'clients', { kind: 'azureService', name: 'own-func', tenant: 'same' });
    doc = push(doc, 'access.firewallRules', {
      name: 'AllowAllAzureServicesAndResourcesWithinAzureIps',
      startIp: '0.0.0.0',
      endIp: '0.0.0.0',
    });
    expect(hopsOf(check(doc, 'own-func'), 'filter')[0]).toMatchObject({
      status: 'warn',
      ruleId: 'PGN-205',
      path: 'access.firewallRules.3',
    });
    doc = edit(doc, ['clients.2.address', '192.0.2.40']);
    expect(check(doc, 'own-func').verdict).toBe('reachable');
  });

  it('VNet and on-premises clients go out through their public address', () => {
    let doc = office();
    doc = push(
      doc,
      'clients',
      { kind: 'vnet', name: 'app', vnet: 'vnet-app' },
      { kind: 'onPremises', name: 'hq', site: 'hq' },
    );
    const app = check(doc, 'app');
    expect(firstFail(app)?.fix).toContain('outbound public IP of vnet-app');
    expect(firstFail(check(doc, 'hq'))?.fix).toBe('add a firewall rule for the public (NAT) address of hq');
    doc = edit(doc, ['access.allowAzureServices', true]);
    expect(check(doc, 'app').verdict).toBe('warning');
    expect(check(doc, 'hq').verdict).toBe('unreachable');
    doc = edit(doc, ['clients.3.address', '203.0.113.4']);
    expect(check(doc, 'hq').verdict).toBe('reachable');
  });
});

describe('API', () => {
  it('returns null for an unknown client and one check per client in plan order', () => {
    const plan = parse(hub());
    expect(checkClient(plan, 'nobody')).toBeNull();
    expect(checkAllClients(plan).map((c) => c.clientPath)).toEqual(['clients.0', 'clients.1', 'clients.2']);
  });

  it('checks every client of the large sample plan and every failing hop carries a fix', () => {
    const checks = checkAllClients(largePlan(1));
    expect(checks).toHaveLength(100);
    for (const c of checks) {
      for (const h of c.hops) if (h.status === 'fail') expect(h.fix, `${c.client} ${h.title}`).toBeTruthy();
      if (c.verdict === 'unreachable') expect(c.summary.startsWith('fails at ')).toBe(true);
    }
    // The sample's pattern: every tenth spoke is peered one way only, every seventh unlinked.
    const spoke9 = checks.find((c) => c.hops.some((h) => h.title === 'Peering vnet-spoke-9 ↔ vnet-sample'));
    expect(spoke9 === undefined || spoke9.verdict === 'unreachable').toBe(true);
  });
});
