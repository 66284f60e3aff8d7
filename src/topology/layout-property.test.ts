import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanDocumentSchema, type Plan } from '../domain/plan';
import { evaluate } from '../rules';
import { schemaPlans } from '../share/testing/schema-arbitrary';
import { layoutPins } from './findings';
import { layoutTopology } from './layout';
import type { ClientHubs, ClientVerdict } from './model';
import { overlappingBoxes, overlappingLabels } from './placement';
import { linesAcrossLabels } from './line-clearance';
import { planToTopology } from './plan-to-topology';
import { sharedSegments } from './segments';
import { escapees, outsideTheirPlace } from './testing/topology-helpers';

const VERDICTS: readonly ClientVerdict[] = ['reachable', 'warning', 'unreachable'];

/**
 * A hub for every other client in another VNet or on premises, as if the checker's path crossed its appliance (the
 * picture then draws the client's line through that appliance): for a VNet's client, the first other VNet with an
 * appliance; for a site's, the VNet of its gateway when that has one.
 */
function someHubs(plan: Plan): ClientHubs {
  const access = plan.access;
  if (access.mode !== 'private') return {};
  const hubs: Record<string, string> = {};
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  plan.clients.forEach((c, i) => {
    if (i % 2 === 1) return;
    let hub = -1;
    if (c.kind === 'vnet') hub = access.peeredVnets.findIndex((v) => v.appliance && !same(v.name, c.vnet));
    if (c.kind === 'onPremises') {
      const site = access.onPremises.find((s) => same(s.name, c.site));
      hub = access.peeredVnets.findIndex((v) => v.appliance && site !== undefined && same(v.name, site.gatewayVnet));
    }
    if (hub >= 0) hubs[`clients.${i}`] = `access.peeredVnets.${hub}`;
  });
  return hubs;
}

/**
 * `plan` with every other site connected through the first other VNet that has an appliance (a hub), and every
 * other client on premises at the first site, so that some clients on premises have a hub (`someHubs`): the
 * generated names hardly ever match by chance.
 */
function gatewaysInHubs(plan: Plan): Plan {
  const access = plan.access;
  const hub = access.mode === 'private' ? access.peeredVnets.find((v) => v.appliance) : undefined;
  const first = access.onPremises[0];
  if (access.mode !== 'private' || hub === undefined || first === undefined) return plan;
  const onPremises = access.onPremises.map((s, i) => (i % 2 === 0 ? { ...s, gatewayVnet: hub.name } : s));
  const clients = plan.clients.map((c, i) => (c.kind === 'onPremises' && i % 2 === 0 ? { ...c, site: first.name } : c));
  return { ...plan, access: { ...access, onPremises }, clients };
}

/**
 * `plan` drawn with a verdict on every client (cycling), some clients' lines through a hub's appliance, and the
 * rules' findings pinned, as the app shows it.
 */
function drawn(plan: Plan) {
  const topology = planToTopology(
    plan,
    Object.fromEntries(plan.clients.map((_, i) => [`clients.${i}`, VERDICTS[i % 3] as ClientVerdict])),
    someHubs(plan),
  );
  const pins = layoutPins(layoutTopology(topology), evaluate(plan));
  return { topology, ...layoutTopology(topology, {}, pins) };
}

const plans = schemaPlans;

/** Every check of the property on one drawing: boxes in their own and over no other, labels over nothing and under no
 * line, no shared stretch. */
function expectClear(layout: ReturnType<typeof drawn>): void {
  expect(escapees(layout.boxes)).toEqual([]);
  expect(outsideTheirPlace(layout.topology, layout.boxes)).toEqual([]);
  expect(overlappingBoxes(layout.boxes)).toEqual([]);
  expect(overlappingLabels(layout.boxes, layout.edges)).toEqual([]);
  expect(linesAcrossLabels(layout.edges)).toEqual([]);
  expect(sharedSegments(layout.edges)).toEqual([]);
}

/** A server as the generated plans have them: every text empty but its name, PostgreSQL 13. */
const server = (name: string, highAvailability = 'Disabled') => ({
  name,
  region: '',
  version: '13',
  highAvailability,
  resourceGroup: '',
  subscription: '',
});

/** Another VNet as the generated plans have them, with `fields` set: empty texts, no address space, subnet or link. */
const otherVnet = (name: string, fields: object = {}) => ({
  name,
  region: '',
  resourceGroup: '',
  subscription: '',
  addressSpaces: [],
  zoneLink: false,
  dns: { kind: 'azure' },
  subnets: [],
  appliance: null,
  ...fields,
});

const TLS = { requireSecureTransport: false, minVersion: 'TLSv1', maxVersion: null };

/** A peering from `from` to `to` with every flag off, and none back: drawn "one-way". */
const oneWay = (from: string, to: string) => ({
  from,
  to,
  allowForwardedTraffic: false,
  allowGatewayTransit: false,
  useRemoteGateways: false,
});

describe('plans generated from the schema, with their findings', () => {
  it('200 plans: boxes in their own, over no other; labels over nothing, under no line; no shared stretch', () => {
    fc.assert(
      fc.property(plans.map(gatewaysInHubs), (plan) => {
        const layout = drawn(plan);
        expectClear(layout);
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('found by it: three servers, "all of Azure" moved with its stretch onto the third endpoint; now clear', () => {
    // The lines from Azure services to the endpoints share their column; the stretch carrying the third line's
    // label was pulled 42 px right, its label then 1 px onto the endpoint's box.
    const odd = '\u0000\u2000\u2000\u2e80\u2e80\u2e80\u2e80\u2e80';
    const client = { name: '', intent: 'mustReach', tlsVersion: 'TLSv1', connectsByIp: false, address: '' };
    const plan = PlanDocumentSchema.parse({
      formatVersion: 2,
      name: '',
      servers: [server(odd), server(''), server(odd)],
      access: { mode: 'public', firewallRules: [], allowAzureServices: true },
      tls: TLS,
      clients: [
        { ...client, kind: 'serverVnet', subnet: '' },
        { ...client, kind: 'onPremises', site: '' },
      ],
    });
    const layout = drawn(plan);
    // The three lines run side by side; one of them carries the label, which no other line runs through.
    expect(layout.edges.filter((e) => e.edge.kind === 'azureServices')).toHaveLength(3);
    expect(layout.edges.filter((e) => e.label?.text === 'all of Azure')).toHaveLength(1);
    expect(overlappingLabels(layout.boxes, layout.edges)).toEqual([]);
    expect(linesAcrossLabels(layout.edges)).toEqual([]);
    expect(sharedSegments(layout.edges)).toEqual([]);
  });

  it('found by it: three Private Link lines, a label each, had no room for them in the gap; now one label', () => {
    // Three endpoints in a VNet right of two servers: their lines run side by side up the trunk in the 110 px gap
    // between the servers and the VNet. With a 78 px label on each, the third label lay over the VNet and an endpoint
    // (and, without a VNet, its line was moved 246 px out through the endpoints to find room for its label).
    // The required fields only: the schema fills in the defaults (first server, dynamic IP, automatic approval).
    const endpoint = { name: '', vnet: '', subnet: '' };
    const plan = PlanDocumentSchema.parse({
      formatVersion: 2,
      name: '',
      servers: [server(''), server('', 'SameZone')],
      access: {
        mode: 'public',
        firewallRules: [],
        allowAzureServices: false,
        publicNetworkAccess: false,
        peeredVnets: [otherVnet('', { dns: { kind: 'custom', servers: [], forwardsToAzureDns: false } })],
        peerings: [],
        onPremises: [],
        privateDnsZone: null,
        privateEndpoints: [endpoint, endpoint, endpoint],
      },
      tls: TLS,
      clients: [],
    });
    const layout = drawn(plan);
    const lines = ['pe-0-server', 'pe-1-server', 'pe-2-server'].map((id) => layout.edges.find((e) => e.id === id));
    // The first line carries the one label; each line leaves its endpoint to the left and stays left of the endpoints.
    expect(lines.map((e) => e?.label?.text ?? null)).toEqual(['Private Link', null, null]);
    const endpointsLeft = Math.min(...layout.boxes.filter((b) => b.node.kind === 'privateEndpoint').map((b) => b.x));
    for (const line of lines) {
      expect(Math.max(...(line?.points ?? []).map((p) => p[0]))).toBeLessThanOrEqual(endpointsLeft);
    }
    expectClear(layout);
  });

  it('found by it: two gateways into one VNet entered 6 px apart, no room for the second label; now a row each', () => {
    // Two sites' gateways into one VNet (an appliance in it), and another VNet linked to the zone below it: the two
    // lines ran into the VNet 6 px apart, so the second's "ExpressRoute" label went on its short upright stretch,
    // across the zone link's trunk.
    const site = (connection: string) => ({
      name: '',
      addressRanges: [],
      connection,
      gatewayVnet: '',
      dnsForwarder: false,
    });
    const plan = PlanDocumentSchema.parse({
      formatVersion: 2,
      name: '',
      servers: [server('')],
      access: {
        mode: 'public',
        firewallRules: [],
        allowAzureServices: false,
        publicNetworkAccess: false,
        peeredVnets: [
          otherVnet('', {
            dns: { kind: 'custom', servers: [], forwardsToAzureDns: false },
            appliance: { kind: 'azureFirewall', name: '', privateIp: '' },
          }),
          otherVnet('', { zoneLink: true }),
        ],
        peerings: [],
        onPremises: [site('vpn'), site('expressRoute')],
        privateDnsZone: { name: '', existing: false, resourceGroup: '', subscription: '' },
        privateEndpoints: [],
      },
      tls: TLS,
      clients: [],
    });
    const layout = drawn(plan);
    const row = (id: string) => layout.edges.find((e) => e.id === id)?.points.at(-1)?.[1] ?? Number.NaN;
    // The second line enters a label's height (20 px) under the first.
    expect(row('gw-vnet-1') - row('gw-vnet-0')).toBe(20);
    expectClear(layout);
  });

  it("found by it: a site's line through the hub's firewall crossed its gateway's label; now in under it", () => {
    // One hub with a firewall over two subnets, a site's ExpressRoute gateway into it, and a client at the site whose
    // path crosses the firewall. Run straight across at the firewall's height, the line went through the gateway
    // line's "ExpressRoute" label, which sits just above that line's row in the hub.
    const plan = PlanDocumentSchema.parse({
      formatVersion: 2,
      name: '',
      servers: [server('')],
      access: {
        mode: 'private',
        vnet: { name: '', region: '', addressSpaces: [], zoneLink: false },
        delegatedSubnet: { name: '', prefix: '' },
        peeredVnets: [
          otherVnet(' ', {
            subnets: [
              { name: '', prefix: '' },
              { name: '', prefix: '' },
            ],
            appliance: { kind: 'azureFirewall', name: '', privateIp: '' },
          }),
        ],
        onPremises: [{ name: '', addressRanges: [], connection: 'expressRoute', gatewayVnet: ' ' }],
      },
      tls: TLS,
      clients: [{ kind: 'onPremises', name: '', tlsVersion: 'TLSv1', site: '' }],
    });
    const layout = drawn(plan);
    expect(someHubs(plan)).toEqual({ 'clients.0': 'access.peeredVnets.0' });
    // Into the hub on the row under the gateway's, then up its right margin to the firewall's height.
    const gatewayRow = layout.edges.find((e) => e.id === 'gw-vnet-0')?.points.at(-1)?.[1] ?? Number.NaN;
    const firewall = layout.boxes.find((b) => b.id === 'peer-0-appliance');
    const line = layout.edges.find((e) => e.id === 'path-0')?.points ?? [];
    const rows = line.map(([, y]) => y);
    expect(rows).toContain(gatewayRow + 5);
    expect(rows.some((y) => firewall !== undefined && y > firewall.y && y < firewall.y + firewall.h)).toBe(true);
    expectClear(layout);
  });

  it('found by it: a one-way peering across the gap had its marker on a VNet either side; now over its label', () => {
    const vnet = { name: '\u{1F418}', region: '', resourceGroup: '', addressSpaces: [], subnets: [], appliance: null };
    const plan = PlanDocumentSchema.parse({
      formatVersion: 2,
      name: '',
      servers: [
        { name: '', region: '', version: '13', highAvailability: 'Disabled', resourceGroup: '', subscription: '' },
      ],
      access: {
        mode: 'private',
        vnet: {
          ...vnet,
          existing: false,
          dns: { kind: 'custom', servers: [], forwardsToAzureDns: false },
          zoneLink: false,
        },
        delegatedSubnet: { name: '', prefix: '', existing: false, existingDelegation: null, otherResourceTypes: [] },
        privateDnsZone: null,
        peeredVnets: [{ ...vnet, name: '', subscription: '', zoneLink: false, dns: { kind: 'azure' } }],
        peerings: [oneWay('\u{1F418}', '')],
        routeTables: [],
        onPremises: [],
      },
      tls: TLS,
      clients: [],
    });
    const layout = drawn(plan);
    const peering = layout.edges.find((e) => e.id === 'peering-0');
    expect(peering?.label?.text).toBe('one-way');
    expect(peering?.marker).not.toBeNull();
    expect(overlappingLabels(layout.boxes, layout.edges)).toEqual([]);
    // Over the label, on its middle.
    expect((peering?.marker?.y ?? 0) + 18).toBeLessThan((peering?.label?.y ?? 0) - 11);
  });

  it('found by it: a plan without endpoints drew an on-premises client through an endpoint that is not there', () => {
    // A VNet with no name matched the client's missing site's gateway VNet (no name either) and the first endpoint's
    // VNet (none): the line went to "pe-0", and its course crossed the standby's label. Now the endpoint is the one
    // the checker sends the client to, and there is none.
    const plan = PlanDocumentSchema.parse({
      formatVersion: 2,
      name: '',
      servers: [server(''), server(''), server('', 'SameZone')],
      access: {
        mode: 'public',
        firewallRules: [],
        allowAzureServices: false,
        publicNetworkAccess: false,
        peeredVnets: [{ name: '', region: '', addressSpaces: [], subnets: [{ name: '', prefix: '' }] }],
      },
      tls: TLS,
      clients: [{ kind: 'onPremises', name: '', site: '', address: '' }],
    });
    const layout = drawn(plan);
    // Its site is not in the plan: it is drawn among the clients whose place is missing, not in the nameless VNet.
    expect(layout.topology.nodes.find((n) => n.id === 'client-0')).toMatchObject({ parent: 'unplaced', via: [] });
    expect(layout.edges.filter((e) => e.id === 'path-0')).toEqual([]);
    expect(overlappingLabels(layout.boxes, layout.edges)).toEqual([]);
  });

  it('found by it: the zone trunk ran through a gateway line label, into a VNet above a linked one; now clear', () => {
    // "ExpressRoute" is wider than the room left of the trunk, and the trunk crosses the whole stretch into the VNet
    // that carries the label: no place on the line was clear of it. Private access, then the same VNets in public.
    const vnet = (name: string, zoneLink: boolean) => otherVnet(name, { zoneLink });
    const around = {
      privateDnsZone: { name: '', existing: false, resourceGroup: '', subscription: '' },
      peeredVnets: [vnet('vnet-hub', false), vnet('vnet-b', true)],
      peerings: [],
      onPremises: [
        { name: '', addressRanges: [], connection: 'expressRoute', gatewayVnet: 'vnet-hub', dnsForwarder: false },
      ],
    };
    const plan = (access: object) =>
      PlanDocumentSchema.parse({
        formatVersion: 2,
        name: '',
        servers: [server('')],
        access,
        tls: TLS,
        clients: [],
      });
    const privately = plan({
      mode: 'private',
      vnet: {
        name: '',
        region: '',
        resourceGroup: '',
        existing: false,
        addressSpaces: [],
        dns: { kind: 'custom', servers: [], forwardsToAzureDns: false },
        subnets: [],
        zoneLink: false,
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
      routeTables: [],
      ...around,
    });
    const publicly = plan({ mode: 'public', ...around });
    for (const p of [privately, publicly]) {
      const layout = drawn(p);
      expect(layout.edges.find((e) => e.id === 'gw-vnet-0')?.label?.text).toBe('ExpressRoute');
      expect(layout.edges.map((e) => e.id)).toContain('link-peer-1');
      expectClear(layout);
    }
  });

  it("found by it: a client in a VNet whose private endpoint is on another page got an internet client's line", () => {
    // It ran from the client in the VNets' column on the right leftwards across the picture (through a server's HA
    // label when the generated names put the client there); now a client in a VNet or a site, which gets in only
    // through a private endpoint, has no line while the endpoint is not drawn.
    const vnet = (name: string) => otherVnet(name, { subnets: [{ name: 'snet-pe', prefix: '' }] });
    const plan = PlanDocumentSchema.parse({
      formatVersion: 2,
      name: '',
      servers: [
        { name: 'pg', region: '', version: '13', highAvailability: 'Disabled', resourceGroup: '', subscription: '' },
      ],
      access: {
        mode: 'public',
        firewallRules: [],
        allowAzureServices: false,
        // More VNets than a page holds: the endpoint's VNet is on the second page.
        peeredVnets: Array.from({ length: 22 }, (_, i) => vnet(`vnet-${i}`)),
        peerings: [],
        onPremises: [],
        privateDnsZone: null,
        privateEndpoints: [
          { name: 'pe', vnet: 'vnet-21', subnet: 'snet-pe', privateIp: '', approval: 'automatic', resourceGroup: '' },
        ],
      },
      tls: TLS,
      clients: [
        { kind: 'vnet', name: 'app', intent: 'mustReach', tlsVersion: 'TLSv1', connectsByIp: false, vnet: 'vnet-0' },
      ],
    });
    const layout = drawn(plan);
    expect(layout.boxes.map((b) => b.id)).toContain('client-0');
    expect(layout.boxes.map((b) => b.id)).not.toContain('pe-0');
    expect(layout.edges.find((e) => e.id === 'path-0')).toBeUndefined();
    expect(overlappingLabels(layout.boxes, layout.edges)).toEqual([]);
    expect(linesAcrossLabels(layout.edges)).toEqual([]);
    expect(sharedSegments(layout.edges)).toEqual([]);
  });

  it('found by it: the server VNet zone link ran through a label on the lane 8 px under it; now clear', () => {
    // Three VNets' DNS servers in the DNS row push the zone right of the zone links' trunk: the other VNets' links
    // then run left along lane2 + 8, their longest stretch, and the first had its label there, over the server
    // VNet's link along lane2. Now each has it on its stretch into its VNet.
    const vnet = (name: string, dns: object) => otherVnet(name, { zoneLink: true, dns });
    const plan = PlanDocumentSchema.parse({
      formatVersion: 2,
      name: '',
      servers: [
        { name: '', region: '', version: '13', highAvailability: 'Disabled', resourceGroup: '', subscription: '' },
      ],
      access: {
        mode: 'private',
        vnet: {
          name: '',
          region: '',
          resourceGroup: '',
          existing: false,
          addressSpaces: [],
          dns: { kind: 'custom', servers: [], forwardsToAzureDns: false },
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
        peeredVnets: [
          vnet('vnet-a', { kind: 'custom', servers: [], forwardsToAzureDns: true }),
          vnet('vnet-b', { kind: 'custom', servers: [], forwardsToAzureDns: false }),
          vnet('vnet-c', { kind: 'custom', servers: ['10.50.0.4'], forwardsToAzureDns: false }),
        ],
        peerings: [],
        routeTables: [],
        onPremises: [],
      },
      tls: TLS,
      clients: [],
    });
    const layout = drawn(plan);
    const at = (id: string) => layout.boxes.find((b) => b.id === id);
    // The zone stands right of where the links turn down to the VNets.
    expect(at('zone')?.x ?? 0).toBeGreaterThan((at('peer-0')?.x ?? 0) + (at('peer-0')?.w ?? 0) + 64);
    for (const id of ['link-peer-0', 'link-peer-1', 'link-peer-2']) {
      const link = layout.edges.find((e) => e.id === id);
      const last = link?.points[link.points.length - 1];
      expect(link?.label?.y).toBe((last?.[1] ?? 0) - 5);
    }
    expectClear(layout);
  });

  it("found by it: a one-way peering's marker, nearly as wide as the gap, covered the VNet; now over the label", () => {
    // Its label sits in the middle of the stretch into the VNet, right of the gap's middle: the marker centred over
    // or under the label reached onto the VNet, and every place on the line onto one VNet or the other.
    const vnet = (name: string, subnets: number) =>
      otherVnet(name, {
        subnets: Array.from({ length: subnets }, (_, i) => ({ name: `snet-${i}`, prefix: '' })),
        appliance: { kind: 'azureFirewall', name: '', privateIp: '' },
      });
    const plan = PlanDocumentSchema.parse({
      formatVersion: 2,
      name: '',
      servers: [server('pg-a'), server('pg-b')],
      access: {
        mode: 'private',
        vnet: {
          ...vnet('vnet-pg', 2),
          existing: false,
          dns: { kind: 'custom', servers: [], forwardsToAzureDns: false },
        },
        delegatedSubnet: {
          name: '',
          prefix: '',
          existing: false,
          existingDelegation: null,
          otherResourceTypes: [''],
          nsg: null,
        },
        privateDnsZone: null,
        peeredVnets: [vnet('vnet-a', 0), vnet('vnet-b', 3), vnet('vnet-c', 0)],
        peerings: [oneWay('vnet-pg', 'vnet-c')],
        routeTables: [],
        onPremises: [],
      },
      tls: TLS,
      clients: [],
    });
    const layout = drawn(plan);
    const peering = layout.edges.find((e) => e.id === 'peering-2');
    expect(peering?.label?.text).toBe('one-way');
    // Over the label, slid towards the gap's middle.
    expect((peering?.marker?.y ?? 0) + 18).toBeLessThan((peering?.label?.y ?? 0) - 11);
    expect(peering?.marker?.x ?? 0).toBeLessThan((peering?.label?.x ?? 0) - (peering?.marker?.w ?? 0) / 2);
    expect(overlappingLabels(layout.boxes, layout.edges)).toEqual([]);
    expect(linesAcrossLabels(layout.edges)).toEqual([]);
    expect(sharedSegments(layout.edges)).toEqual([]);
  });
});
