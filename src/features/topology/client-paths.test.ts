import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan';
import { examplePlan, examplePlans } from '../../domain/testing/examples';
import { privateEndpointHubPlan } from '../../domain/testing/private-endpoint-plans';
import { hubsOf, verdictsOf, type Topology } from '../../topology/model';
import { planToTopology } from '../../topology/plan-to-topology';
import { firewallHub, hubSpokeFirewallPlan } from '../../topology/testing/topology-plans';
import { checksFor } from '../checker/checks-for';
import { clientPaths, pathHighlight, type ClientPath, type PathStep } from './client-paths';

const verdictsFor = (plan: Plan) => verdictsOf(checksFor(plan));

/** The plan drawn as the Review step draws it: with the checker's verdicts and the hubs its paths cross. */
const asReviewed = (plan: Plan) => planToTopology(plan, verdictsFor(plan), hubsOf(checksFor(plan)));

const text = (steps: readonly PathStep[]) => steps.map((s) => `${s.type}:${s.id}`);

/**
 * Whether `b` follows `a` on a drawn path: a box and the box that holds it or sits in it, or a line and a box
 * at one of its ends (or inside a box at one of its ends: a VNet's appliance).
 */
function adjacent(t: Topology, a: PathStep, b: PathStep): boolean {
  const parent = (id: string) => t.nodes.find((n) => n.id === id)?.parent ?? null;
  if (a.type === 'box' && b.type === 'box') return parent(a.id) === b.id || parent(b.id) === a.id;
  if (a.type === 'edge' && b.type === 'edge') return false;
  const [line, box] = a.type === 'edge' ? [a.id, b.id] : [b.id, a.id];
  const e = t.edges.find((x) => x.id === line);
  if (!e) return false;
  return [box, parent(box)].some((id) => id === e.from || id === e.to);
}

function expectDrawnPath(t: Topology, p: ClientPath): void {
  expect(p.reachesServer).toBe(true);
  expect(p.steps[0]).toEqual({ type: 'box', id: p.client });
  expect(p.steps[p.steps.length - 1]).toEqual({ type: 'box', id: 'server-0' });
  for (let i = 0; i + 1 < p.steps.length; i += 1) {
    const [a, b] = [p.steps[i] as PathStep, p.steps[i + 1] as PathStep];
    expect(adjacent(t, a, b), `${a.type}:${a.id} → ${b.type}:${b.id} (client ${p.client})`).toBe(true);
  }
  // Every step is drawn: a box of the picture, or a line that carries traffic.
  for (const s of p.steps) {
    if (s.type === 'box') expect(t.nodes.some((n) => n.id === s.id)).toBe(true);
    else
      expect(t.edges.find((e) => e.id === s.id)?.kind).toMatch(
        /^(peering|gateway|internetAccess|firewallAllow|privateLink)$/,
      );
  }
  expect(new Set(text(p.steps)).size).toBe(p.steps.length);
}

/** The steps of the traced path of `client` in `t`, after holding the path to the drawing (`expectDrawnPath`). */
function drawnSteps(t: Topology, client: string): string[] {
  const p = clientPaths(t).get(client);
  expect(p).toBeDefined();
  expectDrawnPath(t, p as ClientPath);
  return text((p as ClientPath).steps);
}

describe('clientPaths, every example', () => {
  for (const { name, plan } of examplePlans()) {
    it(`${name}: each client's path is connected, from the client's box to the server's, and its line is on it`, () => {
      const verdicts = verdictsFor(plan);
      const t = asReviewed(plan);
      const paths = clientPaths(t);
      const clients = t.nodes.filter((n) => n.kind === 'client');
      expect([...paths.keys()]).toEqual(clients.map((n) => n.id));
      for (const p of paths.values()) {
        // A client the checker finds no way in for (the hub example's internet client, with public network access
        // disabled) has no drawn path to the server.
        if (verdicts[`clients.${p.client.replace('client-', '')}`] === 'unreachable') {
          expect(p.reachesServer).toBe(false);
          continue;
        }
        expectDrawnPath(t, p);
        const line = t.edges.find((e) => e.kind === 'clientPath' && e.from === p.client);
        expect(p.line).toBe(line?.id ?? null);
        if (line) expect(line.to).toBe('server-0');
      }
    });
  }

  it('private endpoint hub: the VNet and office clients reach the server through the endpoint and its line', () => {
    const plan = privateEndpointHubPlan();
    const t = planToTopology(plan, verdictsFor(plan));
    const paths = clientPaths(t);
    for (const id of ['client-0', 'client-1']) expectDrawnPath(t, paths.get(id) as ClientPath);
    expect(text((paths.get('client-0') as ClientPath).steps)).toEqual([
      'box:client-0',
      'box:peer-1',
      'edge:peering-0-1',
      'box:peer-0',
      'box:peer-0-subnet-0',
      'box:pe-0',
      'edge:pe-0-server',
      'box:server-0',
    ]);
    expect(text((paths.get('client-1') as ClientPath).steps).slice(0, 6)).toEqual([
      'box:client-1',
      'box:site-0',
      'edge:site-gw-0',
      'box:gateway-0',
      'edge:gw-vnet-0',
      'box:peer-0',
    ]);
    expect(paths.get('client-2')?.reachesServer).toBe(false);
  });

  it('finds the same paths without the checker, only without the clients’ own lines', () => {
    const plan = examplePlan('hub-and-spoke');
    const withVerdicts = clientPaths(planToTopology(plan, verdictsFor(plan)));
    const without = clientPaths(planToTopology(plan));
    for (const [id, p] of without) {
      expect(p.line).toBeNull();
      expect(p.steps).toEqual(withVerdicts.get(id)?.steps);
    }
    expect([...withVerdicts.values()].map((p) => p.line)).toEqual(['path-0', 'path-1', 'path-2']);
  });
});

describe('clientPaths, hub and spoke', () => {
  const plan = examplePlan('hub-and-spoke');
  const t = planToTopology(plan, verdictsFor(plan));
  const paths = clientPaths(t);

  it('takes the office through its VPN gateway, into the hub, and over the hub’s peering to the server VNet', () => {
    expect(text(paths.get('client-2')?.steps ?? [])).toEqual([
      'box:client-2',
      'box:site-0',
      'edge:site-gw-0',
      'box:gateway-0',
      'edge:gw-vnet-0',
      'box:peer-0',
      'edge:peering-0',
      'box:vnet',
      'box:delegated',
      'box:server-0',
    ]);
  });

  it('takes a spoke peered with the server VNet straight over that peering, not round the hub', () => {
    expect(text(paths.get('client-1')?.steps ?? [])).toEqual([
      'box:client-1',
      'box:peer-1',
      'edge:peering-1',
      'box:vnet',
      'box:delegated',
      'box:server-0',
    ]);
  });

  it('goes from a client in a subnet of the server VNet up to the VNet and down to the server', () => {
    expect(text(paths.get('client-0')?.steps ?? [])).toEqual([
      'box:client-0',
      'box:subnet-0',
      'box:vnet',
      'box:delegated',
      'box:server-0',
    ]);
  });
});

describe('clientPaths, a spoke behind a firewall in the hub', () => {
  it('crosses the hub through the firewall the checker names, between the two peerings', () => {
    expect(drawnSteps(asReviewed(hubSpokeFirewallPlan()), 'client-0')).toEqual([
      'box:client-0',
      'box:peer-1',
      'edge:peering-0-1',
      'box:peer-0',
      'box:peer-0-appliance',
      'edge:peering-0',
      'box:vnet',
      'box:delegated',
      'box:server-0',
    ]);
  });

  it('takes the site through its gateway into the hub, and through the firewall its gateway subnet routes to', () => {
    const t = asReviewed(examplePlan('hub-spoke-firewall'));
    expect(t.nodes.find((n) => n.id === 'client-1')?.title).toBe('finance-desktops');
    expect(drawnSteps(t, 'client-1')).toEqual([
      'box:client-1',
      'box:site-0',
      'edge:site-gw-0',
      'box:gateway-0',
      'edge:gw-vnet-0',
      'box:peer-0',
      'box:peer-0-appliance',
      'edge:peering-0',
      'box:vnet',
      'box:delegated',
      'box:server-0',
    ]);
  });

  it("with two hubs, crosses the one the checker's path takes (where the spoke's route points), not the first", () => {
    // vnet-hub-b, listed first, has a firewall and peerings with both spokes too; the routes point to afw-hub.
    const plan = hubSpokeFirewallPlan((a) => ({
      ...a,
      peeredVnets: [firewallHub('vnet-hub-b', 'afw-hub-b', 5), ...(a.peeredVnets ?? [])],
      peerings: [
        ...(a.peerings ?? []),
        ...['vnet-spoke-1', 'vnet-spoke-2'].flatMap((spoke) => [
          { from: spoke, to: 'vnet-hub-b', allowForwardedTraffic: true },
          { from: 'vnet-hub-b', to: spoke, allowForwardedTraffic: true },
        ]),
      ],
    }));
    expect(checksFor(plan)[0]).toMatchObject({ verdict: 'reachable', hubPath: 'access.peeredVnets.1' });
    const t = asReviewed(plan);
    expect(t.nodes.find((n) => n.id === 'client-0')?.via).toEqual(['peer-2', 'peer-1-appliance', 'vnet']);
    expect(drawnSteps(t, 'client-0')).toEqual([
      'box:client-0',
      'box:peer-2',
      expect.stringMatching(/^edge:peering-/),
      'box:peer-1',
      'box:peer-1-appliance',
      expect.stringMatching(/^edge:peering-/),
      'box:vnet',
      'box:delegated',
      'box:server-0',
    ]);
  });

  it('does not cross a hub without an appliance: peering is not transitive, so the spoke has no path', () => {
    const plan = hubSpokeFirewallPlan((a) => ({
      ...a,
      peeredVnets: (a.peeredVnets ?? []).map(({ appliance: _, ...p }) => p),
    }));
    expect(checksFor(plan)[0]).toMatchObject({ verdict: 'unreachable' });
    expect(checksFor(plan)[0]?.hubPath).toBeUndefined();
    const p = clientPaths(asReviewed(plan)).get('client-0');
    expect(p?.reachesServer).toBe(false);
    expect(text(p?.steps ?? [])).toEqual(['box:client-0', 'box:peer-1']);
  });
});

describe('clientPaths, public access', () => {
  it('goes from the internet through the rule that holds the address to the endpoint and the server', () => {
    const plan = examplePlan('public-office');
    const t = planToTopology(plan, verdictsFor(plan));
    expect(text(clientPaths(t).get('client-1')?.steps ?? [])).toEqual([
      'box:client-1',
      'box:internet',
      'edge:inet-1',
      'box:rule-1',
      'edge:allow-1-0',
      'box:endpoint-0',
      'edge:endpoint-0-server',
      'box:server-0',
    ]);
  });

  it('has no path for an Azure service when "Allow Azure services" is off, and one over its line when on', () => {
    const base = examplePlan('public-office');
    if (base.access.mode !== 'public') throw new Error('public example expected');
    const client = {
      kind: 'azureService' as const,
      name: 'fn-reports',
      intent: 'mustReach' as const,
      tenant: 'same' as const,
      address: '',
      tlsVersion: 'TLSv1.2' as const,
      connectsByIp: false,
    };
    const plan = (allow: boolean): Plan => ({
      ...base,
      access: { ...base.access, allowAzureServices: allow },
      clients: [client],
    });
    expect(text(clientPaths(planToTopology(plan(false))).get('client-0')?.steps ?? [])).toEqual([
      'box:client-0',
      'box:azure-services',
    ]);
    expect(text(clientPaths(planToTopology(plan(true))).get('client-0')?.steps ?? [])).toEqual([
      'box:client-0',
      'box:azure-services',
      'edge:azure-0',
      'box:endpoint-0',
      'edge:endpoint-0-server',
      'box:server-0',
    ]);
  });
});

describe('pathHighlight', () => {
  const plan = examplePlan('hub-and-spoke');
  const t = planToTopology(plan, verdictsFor(plan));

  it('lights up the whole path of the client pointed at, and its own line', () => {
    const h = pathHighlight(t, 'box:client-1');
    expect(h?.clients).toEqual(['client-1']);
    expect([...(h?.boxes ?? [])]).toEqual(['client-1', 'peer-1', 'vnet', 'delegated', 'server-0']);
    expect([...(h?.edges ?? [])]).toEqual(['peering-1', 'path-1']);
  });

  it("lights up a client's path from its line, or from a line or box only its path uses", () => {
    expect(pathHighlight(t, 'edge:path-2')?.clients).toEqual(['client-2']);
    expect(pathHighlight(t, 'edge:peering-0')?.clients).toEqual(['client-2']);
    expect(pathHighlight(t, 'box:gateway-0')?.clients).toEqual(['client-2']);
    expect(pathHighlight(t, 'box:subnet-0')?.clients).toEqual(['client-0']);
  });

  it('lights up nothing for elements on no path, or on every path (which would light up everything)', () => {
    for (const key of ['box:title', 'box:legend', 'box:zone', 'edge:link-vnet', 'box:vnet', 'box:server-0'])
      expect(pathHighlight(t, key), key).toBeNull();
  });
});
