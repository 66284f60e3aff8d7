import { describe, expect, it } from 'vitest';
import { checkAllClients } from '../checker';
import type { Plan } from '../domain/plan';
import { examplePlan } from '../domain/testing/examples';
import { privateEndpointHubPlan } from '../domain/testing/private-endpoint-plans';
import { layoutPins } from './findings';
import { layoutTopology } from './layout';
import { LINE_LEGEND } from './legend';
import { neighbour } from './navigation';
import { overlappingBoxes, overlappingLabels, type Box } from './placement';
import { verdictsOf } from './model';
import { planToTopology } from './plan-to-topology';
import { escapees, finding, node } from './testing/topology-helpers';

/** The hub plan with its public access changed by `change`. */
function withPublic(plan: Plan, change: (a: Extract<Plan['access'], { mode: 'public' }>) => object): Plan {
  if (plan.access.mode !== 'public') throw new Error('public plan expected');
  return { ...plan, access: { ...plan.access, ...change(plan.access) } };
}

const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;

describe('public access with a private endpoint in a hub', () => {
  const plan = privateEndpointHubPlan();
  const verdicts = verdictsOf(checkAllClients(plan));
  const topology = planToTopology(plan, verdicts);
  const layout = layoutTopology(topology);
  const box = (id: string): Box => {
    const b = layout.boxes.find((x) => x.id === id);
    if (!b) throw new Error(`no box ${id}`);
    return b;
  };

  it('draws the VNets with their subnets, the endpoint inside its subnet of the hub', () => {
    expect(node(topology, 'peer-0').title).toBe('vnet-hub');
    expect(node(topology, 'peer-1').title).toBe('vnet-spoke-ledger-app');
    expect(node(topology, 'peer-0-subnet-0').title).toBe('snet-private-endpoints');
    const pe = node(topology, 'pe-0');
    expect(pe).toMatchObject({ kind: 'privateEndpoint', parent: 'peer-0-subnet-0', title: 'pe-pg-contoso-ledger' });
    expect(pe.lines).toEqual(['10.0.1.10 · automatic approval', 'to pg-contoso-ledger']);
    expect(inside(box('pe-0'), box('peer-0-subnet-0'))).toBe(true);
    expect(inside(box('peer-0-subnet-0'), box('peer-0'))).toBe(true);
    expect(escapees(layout.boxes)).toEqual([]);
  });

  it('joins the endpoint to the server it connects to, from its box to the top of the server', () => {
    const e = topology.edges.find((x) => x.kind === 'privateLink');
    expect(e).toMatchObject({ from: 'pe-0', to: 'server-0', label: 'Private Link', direction: 'forward' });
    const routed = layout.edges.find((x) => x.id === e?.id);
    const pe = box('pe-0');
    const server = box('server-0');
    const [first, last] = [routed?.points[0], routed?.points.at(-1)];
    expect(first).toEqual([pe.x, pe.y + Math.round(pe.h / 2)]);
    expect(last?.[1]).toBe(server.y);
    expect(last?.[0]).toBeGreaterThan(server.x);
    expect(last?.[0]).toBeLessThan(server.x + server.w);
  });

  it('draws the peering, the zone with its link to the hub only, the gateway and the forwarder of the office', () => {
    const kinds = topology.edges.map((e) => `${e.kind} ${e.from} ${e.to}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'peering peer-0 peer-1',
        'zoneLink zone peer-0',
        'gateway site-0 gateway-0',
        'gateway gateway-0 peer-0',
        'dnsForward dns-0 azure-dns',
      ]),
    );
    expect(kinds.filter((k) => k.startsWith('zoneLink'))).toEqual(['zoneLink zone peer-0']);
    expect(node(topology, 'zone').title).toBe('privatelink.postgres.database.azure.com');
    const dns = 'DNS: forwards postgres.database.azure.com to a resolver in vnet-hub';
    expect(node(topology, 'site-0').lines).toContain(dns);
    // The resolver's inbound endpoint, drawn in its subnet of the hub.
    expect(node(topology, 'dns-0').parent).toBe('peer-0-subnet-1');
    // The office beside the hub, whose gateway it reaches.
    expect(box('gateway-0').x).toBeGreaterThan(box('peer-0').x + box('peer-0').w);
  });

  it('marks the public endpoint and the internet as disabled, and not when public network access is on', () => {
    expect(node(topology, 'endpoint-0')).toMatchObject({ tone: 'muted' });
    expect(node(topology, 'endpoint-0').lines).toContain('✕ public network access disabled');
    expect(node(topology, 'internet').lines).toEqual(['✕ public network access disabled']);
    const on = planToTopology(withPublic(plan, () => ({ publicNetworkAccess: true })));
    expect(node(on, 'endpoint-0').tone).toBe('normal');
    expect(node(on, 'internet').lines).toEqual(['only the ranges of the firewall rules get in']);
  });

  it("routes the VNet and on-premises clients through the endpoint, as the checker's verdicts have it", () => {
    expect(verdicts).toEqual({
      'clients.0': 'reachable',
      'clients.1': 'reachable',
      'clients.2': 'unreachable',
    });
    expect(node(topology, 'client-0')).toMatchObject({ parent: 'peer-1', via: ['peer-1', 'peer-0', 'pe-0'] });
    expect(node(topology, 'client-1')).toMatchObject({
      parent: 'site-0',
      via: ['site-0', 'gateway-0', 'peer-0', 'pe-0'],
    });
    const paths = topology.edges.filter((e) => e.kind === 'clientPath').map((e) => [e.from, e.to]);
    expect(paths).toEqual([
      ['client-0', 'server-0'],
      ['client-1', 'server-0'],
    ]);
    for (const id of ['path-0', 'path-1'])
      expect(layout.edges.find((e) => e.id === id)?.points.at(-1)?.[1]).toBe(box('server-0').y);
  });

  it('draws no two boxes over each other and no label over anything', () => {
    expect(overlappingBoxes(layout.boxes)).toEqual([]);
    expect(overlappingLabels(layout.boxes, layout.edges)).toEqual([]);
  });

  it('explains the endpoint and its line in the legend', () => {
    const legend = node(topology, 'legend').lines;
    expect(legend).toContain('private endpoint');
    expect(legend).toContain(LINE_LEGEND.privateLink.solid);
  });

  it('pins findings at the endpoints and VNets to their boxes ("Go to the field"), and keys move between them', () => {
    const pins = layoutPins(layout, [
      finding('access.privateEndpoints.0.privateIp'),
      finding('access.peeredVnets.1.subnets.0.prefix'),
      finding('access.onPremises.0.forwardedZone'),
      finding('access.privateDnsZone.name'),
    ]);
    expect(Object.fromEntries([...pins].map(([k, v]) => [k, v.map((f) => f.path)]))).toEqual({
      'pe-0': ['access.privateEndpoints.0.privateIp'],
      'peer-1-subnet-0': ['access.peeredVnets.1.subnets.0.prefix'],
      'site-0': ['access.onPremises.0.forwardedZone'],
      zone: ['access.privateDnsZone.name'],
    });
    expect(neighbour(layout.boxes, 'pe-0', 'left')).not.toBeNull();
    expect(neighbour(layout.boxes, 'server-0', 'right')).not.toBeNull();
  });

  it('draws a public plan without VNets as before: no VNet, zone, site or endpoint', () => {
    const t = planToTopology(examplePlan('public-office'));
    expect(t.nodes.filter((n) => ['peeredVnet', 'dnsZone', 'onPremises', 'privateEndpoint'].includes(n.kind))).toEqual(
      [],
    );
  });

  it('draws each client through the endpoint the checker sends it to, not the first one in the plan', () => {
    // A first endpoint in a VNet peered with nothing: the spoke resolves to it but can't reach it, so the checker
    // goes on to the hub's endpoint, and the picture follows the checker.
    const isolated = withPublic(plan, (a) => ({
      peeredVnets: [
        ...a.peeredVnets,
        {
          ...a.peeredVnets[1],
          name: 'vnet-isolated',
          addressSpaces: ['10.2.0.0/16'],
          subnets: [{ name: 'snet-pe', prefix: '10.2.1.0/24' }],
        },
      ],
      privateEndpoints: [
        {
          ...a.privateEndpoints[0],
          name: 'pe-isolated',
          vnet: 'vnet-isolated',
          subnet: 'snet-pe',
          privateIp: '10.2.1.10',
        },
        ...a.privateEndpoints,
      ],
    }));
    const checks = checkAllClients(isolated);
    expect(checks.map((c) => [c.verdict, c.endpointPath])).toEqual([
      ['reachable', 'access.privateEndpoints.1'],
      ['reachable', 'access.privateEndpoints.1'],
      ['unreachable', undefined],
    ]);
    const t = planToTopology(isolated, verdictsOf(checks));
    expect(node(t, 'client-0').via).toEqual(['peer-1', 'peer-0', 'pe-1']);
    expect(node(t, 'client-1').via?.at(-1)).toBe('pe-1');
  });

  it('draws no way through an endpoint for a client whose DNS sends it to the public endpoint', () => {
    const unlinked = withPublic(plan, (a) => ({
      peeredVnets: a.peeredVnets.map((v) => ({ ...v, zoneLink: false })),
      publicNetworkAccess: true,
    }));
    const [spoke] = checkAllClients(unlinked);
    expect(spoke?.endpointPath).toBeUndefined();
    expect(node(planToTopology(unlinked, verdictsOf(checkAllClients(unlinked))), 'client-0').via).toEqual([]);
  });

  it('draws an endpoint whose VNet or server is not in the plan as a warning, still inside the picture', () => {
    const odd = withPublic(plan, (a) => ({
      privateEndpoints: [
        ...a.privateEndpoints,
        { ...a.privateEndpoints[0], name: 'pe-lost', vnet: 'vnet-gone' },
        { ...a.privateEndpoints[0], name: 'pe-nowhere', server: 'pg-gone' },
      ],
    }));
    const t = planToTopology(odd);
    expect(node(t, 'pe-1')).toMatchObject({ parent: null, tone: 'warning' });
    expect(node(t, 'pe-2')).toMatchObject({ parent: 'peer-0-subnet-0', tone: 'warning' });
    expect(node(t, 'pe-2').lines).toContain('✕ no server pg-gone');
    expect(t.edges.filter((e) => e.kind === 'privateLink').map((e) => e.from)).toEqual(['pe-0', 'pe-1']);
    const l = layoutTopology(t);
    expect(l.boxes.map((b) => b.id)).toEqual(expect.arrayContaining(['pe-1', 'pe-2']));
    expect(overlappingBoxes(l.boxes)).toEqual([]);
  });
});
