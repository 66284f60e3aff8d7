/**
 * Transit through a firewall in a hub (PGN-141) and gateway transit (PGN-140), on the example
 * `hub-spoke-firewall`: the server in one spoke (vnet-payments-data), Azure Firewall afw-hub (10.0.1.4) in
 * vnet-hub, a second spoke (vnet-payments-app) that reaches the server only through the firewall, and an
 * on-premises site (dc-frankfurt) on ExpressRoute whose gateway subnet routes through the firewall.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getIn, setIn } from '../domain/paths';
import { PlanDocumentSchema, type Plan } from '../domain/plan';
import { exampleDocument } from '../domain/testing/examples';
import { evaluate } from '../rules';
import { checkAllClients, checkClient, type ClientCheck, type Hop } from './index';

type Doc = unknown;
type Edit = readonly [path: string, value: unknown];

const example = (): Doc => exampleDocument('hub-spoke-firewall');

function parse(doc: Doc): Plan {
  return PlanDocumentSchema.parse(doc);
}

function edit(doc: Doc, ...edits: readonly Edit[]): Doc {
  return edits.reduce((d, [path, value]) => setIn(d, path, value), doc);
}

/** The array at `path` without its element `index`. */
function without(doc: Doc, path: string, index: number): Doc {
  const list = getIn(doc, path) as unknown[];
  return setIn(
    doc,
    path,
    list.filter((_, i) => i !== index),
  );
}

function check(doc: Doc, client: string): ClientCheck {
  const result = checkClient(parse(doc), client);
  if (result === null) throw new Error(`no client ${client}`);
  return result;
}

const firstFail = (c: ClientCheck): Hop | undefined => c.hops.find((h) => h.status === 'fail');
const pathTitles = (c: ClientCheck): string[] => c.hops.filter((h) => h.kind === 'path').map((h) => h.title);

// The example's indexes (asserted in the first test, so that a change of the example shows here).
const PEERING = { dataToHub: 0, hubToData: 1, appToHub: 2, hubToApp: 3 } as const;
const TABLE = { data: 0, app: 1, gateway: 2 } as const;
const API = 'payments-api';
const DESKTOPS = 'finance-desktops';

describe('a spoke reaching the server through the firewall in the hub', () => {
  it('the example: payments-api is reachable, through afw-hub both ways', () => {
    const doc = example();
    expect(getIn(doc, 'access.peerings')).toMatchObject([
      { from: 'vnet-payments-data', to: 'vnet-hub' },
      { from: 'vnet-hub', to: 'vnet-payments-data' },
      { from: 'vnet-payments-app', to: 'vnet-hub' },
      { from: 'vnet-hub', to: 'vnet-payments-app' },
    ]);
    expect(getIn(doc, 'access.routeTables')).toMatchObject([
      { name: 'rt-payments-data' },
      { name: 'rt-payments-app' },
      { name: 'rt-hub-gateway' },
    ]);
    const c = check(doc, API);
    expect(c.verdict).toBe('reachable');
    // In the order the traffic takes them: out of snet-app by its route, into the hub, through the firewall, into
    // the server VNet; then the route the replies take.
    expect(pathTitles(c)).toEqual([
      'Route from vnet-payments-app',
      'Peering vnet-payments-app ↔ vnet-hub',
      'Through afw-hub in vnet-hub',
      'Peering vnet-hub ↔ vnet-payments-data',
      'Route back to vnet-payments-app',
    ]);
    const path = c.hops.filter((h) => h.kind === 'path');
    expect(path.every((h) => h.status === 'pass')).toBe(true);
    expect([path[0], path[2], path[4]].every((h) => h?.ruleId === 'PGN-141')).toBe(true);
    expect(path[0]?.detail).toContain(
      'route table rt-payments-app on snet-app sends 10.1.0.0/28 to afw-hub (10.0.1.4)',
    );
    expect(path[4]?.detail).toContain('route table rt-payments-data on snet-postgres sends 10.2.1.10 to afw-hub');
    expect(path[2]?.detail).toContain('Azure Firewall, 10.0.1.4');
    expect(c.summary).toBe(
      'reachable: Route from vnet-payments-app, then Peering vnet-payments-app ↔ vnet-hub, then Through afw-hub ' +
        'in vnet-hub, then Peering vnet-hub ↔ vnet-payments-data, then Route back to vnet-payments-app',
    );
  });

  it('without the route table of snet-app: no route to the server (PGN-141), at the list of route tables', () => {
    const c = check(without(example(), 'access.routeTables', TABLE.app), API);
    expect(c.verdict).toBe('unreachable');
    expect(firstFail(c)).toMatchObject({
      kind: 'path',
      title: 'Route from vnet-payments-app',
      ruleId: 'PGN-141',
      path: 'access.routeTables',
      fix:
        'add a route table on subnet snet-app of vnet-payments-app ' +
        'with the route 10.1.0.0/28 → VirtualAppliance 10.0.1.4',
    });
    expect(firstFail(c)?.detail).toContain('not transitive');
  });

  it('without its route: fails at the routes of rt-payments-app', () => {
    const c = check(edit(example(), [`access.routeTables.${TABLE.app}.routes`, []]), API);
    expect(firstFail(c)).toMatchObject({
      title: 'Route from vnet-payments-app',
      ruleId: 'PGN-141',
      path: 'access.routeTables.1.routes',
      fix: 'add to route table rt-payments-app the route 10.1.0.0/28 → VirtualAppliance 10.0.1.4',
    });
  });

  it('a route to the wrong address, or elsewhere, fails naming the route', () => {
    const wrongIp = check(edit(example(), ['access.routeTables.1.routes.0.nextHopIp', '10.0.1.5']), API);
    expect(firstFail(wrongIp)).toMatchObject({
      title: 'Route from vnet-payments-app',
      ruleId: 'PGN-141',
      path: 'access.routeTables.1.routes.0',
    });
    expect(firstFail(wrongIp)?.detail).toContain('route to-payments-data of rt-payments-app sends 10.1.0.0/28 to');
    expect(firstFail(wrongIp)?.detail).toContain('VirtualAppliance 10.0.1.5, not to afw-hub (10.0.1.4)');
    const internet = check(
      edit(example(), ['access.routeTables.1.routes.0', { name: 'out', prefix: '10.1.0.0/16', nextHop: 'Internet' }]),
      API,
    );
    expect(firstFail(internet)).toMatchObject({ path: 'access.routeTables.1.routes.0' });
    expect(firstFail(internet)?.detail).toContain('route out of rt-payments-app sends 10.1.0.0/28 to Internet');
  });

  it('the most specific route wins: a narrower route elsewhere overrides the one to the firewall', () => {
    const narrower = edit(example(), [
      'access.routeTables.1.routes.1',
      { name: 'drop-postgres', prefix: '10.1.0.0/24', nextHop: 'None' },
    ]);
    expect(firstFail(check(narrower, API))).toMatchObject({ path: 'access.routeTables.1.routes.1' });
    // A default route to the firewall holds the server's range too.
    const byDefault = edit(example(), ['access.routeTables.1.routes.0.prefix', '0.0.0.0/0']);
    expect(check(byDefault, API).verdict).toBe('reachable');
    // A route that holds only part of the delegated subnet does not carry it.
    const partial = edit(example(), ['access.routeTables.1.routes.0.prefix', '10.1.0.0/29']);
    expect(firstFail(check(partial, API))).toMatchObject({ path: 'access.routeTables.1.routes' });
  });

  it('forwarded traffic not allowed into the server VNet: fails at that peering flag', () => {
    const doc = edit(example(), [`access.peerings.${PEERING.dataToHub}.allowForwardedTraffic`, false]);
    const c = check(doc, API);
    expect(c.verdict).toBe('unreachable');
    expect(firstFail(c)).toMatchObject({
      kind: 'path',
      title: 'Forwarded traffic into vnet-payments-data',
      ruleId: 'PGN-141',
      path: 'access.peerings.0.allowForwardedTraffic',
      fix: 'allow forwarded traffic on the peering from vnet-payments-data to vnet-hub',
    });
    // The replies enter vnet-payments-app forwarded by the firewall too.
    const replies = check(edit(example(), ['access.peerings.2.allowForwardedTraffic', false]), API);
    expect(firstFail(replies)).toMatchObject({
      title: 'Forwarded traffic into vnet-payments-app',
      path: 'access.peerings.2.allowForwardedTraffic',
    });
    // The hub's own peerings take traffic that starts in the spokes: not forwarded, their flag does not matter.
    const hubSide = edit(
      example(),
      [`access.peerings.${PEERING.hubToData}.allowForwardedTraffic`, true],
      [`access.peerings.${PEERING.hubToApp}.allowForwardedTraffic`, true],
    );
    expect(check(hubSide, API).verdict).toBe('reachable');
  });

  it('no return route on the delegated subnet: fails at "Route back"', () => {
    const noRoute = check(without(example(), `access.routeTables.${TABLE.data}.routes`, 0), API);
    expect(noRoute.verdict).toBe('unreachable');
    expect(firstFail(noRoute)).toMatchObject({
      kind: 'path',
      title: 'Route back to vnet-payments-app',
      ruleId: 'PGN-141',
      path: 'access.routeTables.0.routes',
      fix: 'add to route table rt-payments-data the route 10.2.1.10 → VirtualAppliance 10.0.1.4',
    });
    const noTable = check(without(example(), 'access.routeTables', TABLE.data), API);
    expect(firstFail(noTable)).toMatchObject({ title: 'Route back to vnet-payments-app', path: 'access.routeTables' });
    expect(firstFail(noTable)?.fix).toContain('add a route table on subnet snet-postgres of vnet-payments-data');
  });

  it('a client address outside every subnet of its VNet: no route table to follow', () => {
    const c = check(edit(example(), ['clients.0.address', '10.2.9.9']), API);
    expect(firstFail(c)).toMatchObject({ title: 'Route from vnet-payments-app', path: 'access.peeredVnets.1.subnets' });
  });

  it('spoke to spoke with no appliance in the hub: not transitive, fails at the missing peering (PGN-135)', () => {
    const c = check(edit(example(), ['access.peeredVnets.0.appliance', null]), API);
    expect(c.verdict).toBe('unreachable');
    expect(firstFail(c)).toMatchObject({
      kind: 'path',
      title: 'Peering vnet-payments-app ↔ vnet-payments-data',
      ruleId: 'PGN-135',
      path: 'access.peerings',
    });
    expect(c.hops.some((h) => h.title.startsWith('Through '))).toBe(false);
  });

  it('a network virtual appliance serves as well as Azure Firewall', () => {
    const c = check(
      edit(example(), ['access.peeredVnets.0.appliance', { kind: 'nva', name: 'nva-hub', privateIp: '10.0.1.4' }]),
      API,
    );
    expect(c.verdict).toBe('reachable');
    expect(pathTitles(c)[2]).toBe('Through nva-hub in vnet-hub');
    expect(c.hops.find((h) => h.title === 'Through nva-hub in vnet-hub')?.detail).toContain(
      'network virtual appliance',
    );
  });

  it('a spoke peered with the hub one way only: fails at the peering that exists (PGN-139)', () => {
    const doc = without(example(), 'access.peerings', PEERING.hubToApp);
    const c = check(doc, API);
    const hop = c.hops.find((h) => h.kind === 'path' && h.status === 'fail');
    expect(hop).toMatchObject({
      title: 'Peering vnet-payments-app ↔ vnet-hub',
      ruleId: 'PGN-139',
      fix: 'add the peering from vnet-hub to vnet-payments-app',
    });
    expect(getIn(doc, hop?.path ?? '')).toMatchObject({ from: 'vnet-payments-app', to: 'vnet-hub' });
  });

  it('names the hub whose firewall the path crosses (hubPath), for the diagram; none for a direct peering', () => {
    const doc = example();
    expect(getIn(doc, 'access.peeredVnets.0.name')).toBe('vnet-hub');
    expect(check(doc, API).hubPath).toBe('access.peeredVnets.0');
    // A failing transit still names the hub it would cross.
    expect(check(without(doc, 'access.routeTables', TABLE.app), API)).toMatchObject({
      verdict: 'unreachable',
      hubPath: 'access.peeredVnets.0',
    });
    // The site's traffic crosses afw-hub too: the gateway subnet's route sends it there. Without that route table it
    // goes from the gateway straight across the peering, and crosses no appliance.
    expect(check(doc, DESKTOPS).hubPath).toBe('access.peeredVnets.0');
    expect(check(without(doc, 'access.routeTables', TABLE.gateway), DESKTOPS).hubPath).toBeUndefined();
    const direct = edit(
      without(without(doc, 'access.routeTables', TABLE.app), 'access.routeTables.0.routes', 0),
      ['access.peerings.4', { from: 'vnet-payments-app', to: 'vnet-payments-data' }],
      ['access.peerings.5', { from: 'vnet-payments-data', to: 'vnet-payments-app' }],
    );
    expect(check(direct, API)).toMatchObject({ verdict: 'reachable' });
    expect(check(direct, API).hubPath).toBeUndefined();
  });

  it('a direct peering with the server VNet needs no firewall, unless the replies are still sent to it', () => {
    let doc = without(example(), 'access.routeTables', TABLE.app);
    doc = edit(
      doc,
      ['access.peerings.4', { from: 'vnet-payments-app', to: 'vnet-payments-data' }],
      ['access.peerings.5', { from: 'vnet-payments-data', to: 'vnet-payments-app' }],
    );
    // rt-payments-data still sends 10.2.0.0/16 to the firewall: as specific as the peering's system route, the
    // user-defined route wins, and the firewall, which never saw the request, drops the replies.
    const asymmetric = check(doc, API);
    expect(asymmetric.verdict).toBe('unreachable');
    expect(firstFail(asymmetric)).toMatchObject({
      title: 'Route back to 10.2.1.10',
      ruleId: 'PGN-141',
      path: 'access.routeTables.0.routes.0',
    });
    expect(firstFail(asymmetric)?.detail).toContain('asymmetric routing');
    const direct = check(without(doc, 'access.routeTables.0.routes', 0), API);
    expect(direct.verdict).toBe('reachable');
    expect(pathTitles(direct)).toEqual(['Peering vnet-payments-app ↔ vnet-payments-data']);
  });

  it('names in another case resolve to the same VNets and subnets', () => {
    let doc = example();
    doc = edit(
      doc,
      ['access.peerings.0.to', 'VNET-HUB'],
      ['access.peerings.1.from', 'Vnet-Hub'],
      ['access.peerings.2.from', 'VNET-PAYMENTS-APP'],
      ['access.peerings.3.to', 'vnet-PAYMENTS-app'],
      ['access.routeTables.0.vnet', 'VNET-PAYMENTS-DATA'],
      ['access.routeTables.0.subnets', ['SNET-POSTGRES']],
      ['access.routeTables.1.vnet', 'Vnet-Payments-App'],
      ['access.routeTables.1.subnets', ['SNET-APP']],
      ['access.routeTables.2.vnet', 'VNET-HUB'],
      ['access.routeTables.2.subnets', ['gatewaysubnet']],
      ['access.onPremises.0.gatewayVnet', 'VNET-HUB'],
      ['clients.0.vnet', 'VNET-PAYMENTS-APP'],
    );
    const upper = checkAllClients(parse(doc));
    expect(upper).toEqual(checkAllClients(parse(example())));
    expect(upper.map((c) => c.verdict)).toEqual(['reachable', 'reachable']);
    expect(pathTitles(upper[1] as ClientCheck)).toContain('Route from the gateway to afw-hub');
  });
});

describe('on premises through the gateway in the hub', () => {
  it('the example: finance-desktops is reachable through the firewall', () => {
    const c = check(example(), DESKTOPS);
    expect(c.verdict).toBe('reachable');
    // In the order the traffic takes them: in at the gateway, by the gateway subnet's route to the firewall, through
    // it, across the peering into the server VNet; then the route the replies take.
    expect(pathTitles(c)).toEqual([
      'ExpressRoute gateway in vnet-hub',
      'Route from the gateway to afw-hub',
      'Through afw-hub in vnet-hub',
      'Peering vnet-hub ↔ vnet-payments-data',
      'Route back to dc-frankfurt',
    ]);
    // Through the firewall, the gateway-transit flags are not what carries the traffic.
    const flagsOff = edit(
      example(),
      [`access.peerings.${PEERING.dataToHub}.useRemoteGateways`, false],
      [`access.peerings.${PEERING.hubToData}.allowGatewayTransit`, false],
    );
    expect(check(flagsOff, DESKTOPS).verdict).toBe('reachable');
  });

  it('without the GatewaySubnet route table: gateway transit, once the replies skip the firewall too', () => {
    const doc = without(example(), 'access.routeTables', TABLE.gateway);
    // The requests skip the firewall, but rt-payments-data still sends the replies to it: asymmetric.
    const asymmetric = check(doc, DESKTOPS);
    expect(asymmetric.verdict).toBe('unreachable');
    expect(firstFail(asymmetric)).toMatchObject({ ruleId: 'PGN-141', path: 'access.routeTables.0.routes.1' });
    const c = check(without(doc, 'access.routeTables.0.routes', 1), DESKTOPS);
    expect(c.verdict).toBe('reachable');
    expect(pathTitles(c)).toEqual(['ExpressRoute gateway in vnet-hub', 'Peering vnet-hub ↔ vnet-payments-data']);
  });

  it('gateway transit without useRemoteGateways, or without allowGatewayTransit: fails at the flag (PGN-140)', () => {
    const doc = without(example(), 'access.routeTables', TABLE.gateway);
    const use = check(edit(doc, [`access.peerings.${PEERING.dataToHub}.useRemoteGateways`, false]), DESKTOPS);
    expect(use.verdict).toBe('unreachable');
    expect(firstFail(use)).toMatchObject({
      kind: 'path',
      title: 'Gateway transit vnet-hub → vnet-payments-data',
      ruleId: 'PGN-140',
      path: 'access.peerings.0.useRemoteGateways',
      fix: 'use remote gateways on the peering from vnet-payments-data to vnet-hub',
    });
    const offer = check(edit(doc, [`access.peerings.${PEERING.hubToData}.allowGatewayTransit`, false]), DESKTOPS);
    expect(firstFail(offer)).toMatchObject({ ruleId: 'PGN-140', path: 'access.peerings.1.allowGatewayTransit' });
  });

  it('a gateway route to something else than the firewall fails at that route', () => {
    for (const [field, value] of [
      ['nextHopIp', '10.0.1.9'],
      ['nextHop', 'None'],
    ] as const) {
      const doc = edit(example(), [`access.routeTables.2.routes.0.${field}`, value]);
      const c = check(field === 'nextHop' ? edit(doc, ['access.routeTables.2.routes.0.nextHopIp', '']) : doc, DESKTOPS);
      expect(c.verdict).toBe('unreachable');
      expect(firstFail(c)).toMatchObject({
        title: 'Route from the gateway in vnet-hub',
        ruleId: 'PGN-141',
        path: 'access.routeTables.2.routes.0',
      });
    }
  });

  it('through the firewall: forwarded traffic must be allowed into the server VNet, and replies take it too', () => {
    const forwarded = check(edit(example(), ['access.peerings.0.allowForwardedTraffic', false]), DESKTOPS);
    expect(firstFail(forwarded)).toMatchObject({
      title: 'Forwarded traffic into vnet-payments-data',
      path: 'access.peerings.0.allowForwardedTraffic',
    });
    const noReturn = check(without(example(), 'access.routeTables.0.routes', 1), DESKTOPS);
    expect(firstFail(noReturn)).toMatchObject({
      title: 'Route back to dc-frankfurt',
      ruleId: 'PGN-141',
      path: 'access.routeTables.0.routes',
      fix: 'add to route table rt-payments-data the route 192.168.40.0/24 → VirtualAppliance 10.0.1.4',
    });
    expect(firstFail(noReturn)?.detail).toContain('asymmetric routing');
  });
});

// ---- Agreement with PGN-008 over random edits of the example ------------------------------------------------

type RandomEdit =
  | { readonly kind: 'dropPeering'; readonly i: number }
  | { readonly kind: 'flip'; readonly i: number; readonly flag: string }
  | { readonly kind: 'dropTable'; readonly i: number }
  | { readonly kind: 'dropRoute'; readonly table: number; readonly route: number }
  | { readonly kind: 'nextHopIp'; readonly table: number; readonly route: number; readonly ip: string }
  | { readonly kind: 'address'; readonly client: number; readonly address: string }
  | { readonly kind: 'noAppliance' };

const FLAGS = ['allowForwardedTraffic', 'allowGatewayTransit', 'useRemoteGateways'] as const;
const ADDRESSES: readonly (readonly string[])[] = [
  ['10.2.1.10', '10.2.1.0/25', '', '10.2.9.9', '10.1.0.5', '10.2.1.300'],
  ['192.168.40.0/24', '192.168.40.7', '192.168.0.0/16', '', '10.9.9.9'],
];

const randomEdit: fc.Arbitrary<RandomEdit> = fc.oneof(
  fc.record({ kind: fc.constant('dropPeering' as const), i: fc.nat(3) }),
  fc.record({ kind: fc.constant('flip' as const), i: fc.nat(3), flag: fc.constantFrom(...FLAGS) }),
  fc.record({ kind: fc.constant('dropTable' as const), i: fc.nat(2) }),
  fc.record({ kind: fc.constant('dropRoute' as const), table: fc.nat(2), route: fc.nat(1) }),
  fc.record({
    kind: fc.constant('nextHopIp' as const),
    table: fc.nat(2),
    route: fc.nat(1),
    ip: fc.constantFrom('10.0.1.5', '10.0.2.4'),
  }),
  fc.nat(1).chain((client) =>
    fc.record({
      kind: fc.constant('address' as const),
      client: fc.constant(client),
      address: fc.constantFrom(...(ADDRESSES[client] as string[])),
    }),
  ),
  fc.constant({ kind: 'noAppliance' as const }),
);

/** Applies an edit to the document; indexes past the end of a (shortened) list change nothing. */
function apply(doc: Doc, e: RandomEdit): Doc {
  const exists = (path: string) => getIn(doc, path) !== undefined;
  switch (e.kind) {
    case 'dropPeering':
      return exists(`access.peerings.${e.i}`) ? without(doc, 'access.peerings', e.i) : doc;
    case 'flip': {
      const path = `access.peerings.${e.i}.${e.flag}`;
      return exists(path) ? setIn(doc, path, getIn(doc, path) !== true) : doc;
    }
    case 'dropTable':
      return exists(`access.routeTables.${e.i}`) ? without(doc, 'access.routeTables', e.i) : doc;
    case 'dropRoute':
      return exists(`access.routeTables.${e.table}.routes.${e.route}`)
        ? without(doc, `access.routeTables.${e.table}.routes`, e.route)
        : doc;
    case 'nextHopIp': {
      const path = `access.routeTables.${e.table}.routes.${e.route}.nextHopIp`;
      return exists(path) ? setIn(doc, path, e.ip) : doc;
    }
    case 'address':
      return setIn(doc, `clients.${e.client}.address`, e.address);
    case 'noAppliance':
      return setIn(doc, 'access.peeredVnets.0.appliance', null);
  }
}

describe('the check and PGN-008 agree on random edits of the example', () => {
  it('a mustReach client is unreachable iff PGN-008 reports it, naming the same failing hop', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(randomEdit, { maxLength: 4 }), (edits) => {
        const plan = parse(edits.reduce(apply, example()));
        // An independent run (a copy has no cached context or checks) against the rules' own run.
        const checks = checkAllClients(structuredClone(plan));
        const findings = evaluate(plan).filter((f) => f.ruleId === 'PGN-008');
        expect(checks).toHaveLength(plan.clients.length);
        plan.clients.forEach((client, i) => {
          const c = checks[i] as ClientCheck;
          expect(client.intent).toBe('mustReach');
          const here = findings.filter((f) => f.path === `clients.${i}.intent`);
          const hop = firstFail(c);
          seen.add(`${c.client} ${c.verdict === 'unreachable' ? 'cannot' : 'can'}`);
          expect(c.verdict === 'unreachable', `${c.client}: ${c.summary}`).toBe(hop !== undefined);
          if (hop === undefined) {
            expect(here).toEqual([]);
            return;
          }
          expect(here).toHaveLength(1);
          expect(here[0]?.severity).toBe('error');
          expect(here[0]?.message).toContain(`(failing hop: ${hop.title}`);
          // Every failing hop says what to change, and where: a field the plan has.
          for (const h of c.hops.filter((x) => x.status === 'fail')) {
            expect(h.fix, h.title).toBeTruthy();
            if (h.path !== undefined) expect(getIn(plan, h.path), `${h.title} at ${h.path}`).toBeDefined();
          }
        });
        expect(findings).toHaveLength(checks.filter((c) => c.verdict === 'unreachable').length);
      }),
      { numRuns: 200 },
    );
    // The edits reach both verdicts for both clients.
    expect([...seen].sort()).toEqual([
      'finance-desktops can',
      'finance-desktops cannot',
      'payments-api can',
      'payments-api cannot',
    ]);
  });
});
