import { describe, expect, it } from 'vitest';
import { checkAllClients } from '../checker';
import { newPublicAccess } from '../domain/new-plan';
import type { Plan, PrivateAccess } from '../domain/plan';
import { samplePlan, TYPICAL_SIZE } from '../domain/samples';
import { examplePlan } from '../domain/testing/examples';
import { pinFindings } from './findings';
import { verdictsOf, type Topology } from './model';
import { planToTopology } from './plan-to-topology';
import { finding, node, withPrivate } from './testing/topology-helpers';
import { hubSpokeFirewallPlan } from './testing/topology-plans';

const edgeIds = (t: Topology, kind: string) => t.edges.filter((e) => e.kind === kind).map((e) => e.id);

describe('planToTopology, private access (hub and spoke)', () => {
  const plan = examplePlan('hub-and-spoke');
  const t = planToTopology(plan);

  it('puts the delegated subnet in the server VNet and the servers in the delegated subnet', () => {
    expect(node(t, 'vnet').title).toBe('vnet-orders-data');
    expect(node(t, 'vnet').lines[0]).toBe('westeurope · 10.20.0.0/16');
    const ds = node(t, 'delegated');
    expect(ds.parent).toBe('vnet');
    expect(ds.tone).toBe('highlight');
    expect(ds.lines).toEqual(['10.20.0.0/28', 'delegated to Microsoft.DBforPostgreSQL/flexibleServers']);
    expect(ds.badges).toEqual([{ kind: 'nsg', text: 'NSG nsg-postgres (5 rules)' }]);
    const server = node(t, 'server-0');
    expect(server.parent).toBe('delegated');
    expect(server.lines).toContain('pg-contoso-orders.postgres.database.azure.com');
    expect(node(t, 'standby-0')).toMatchObject({ parent: 'delegated', title: 'standby of pg-contoso-orders' });
    expect(node(t, 'subnet-0')).toMatchObject({ parent: 'vnet', title: 'snet-app', lines: ['10.20.1.0/24'] });
  });

  it('links the private DNS zone to the server VNet and to each linked peered VNet', () => {
    expect(node(t, 'zone').title).toBe('contoso-orders.private.postgres.database.azure.com');
    expect(t.edges.filter((e) => e.kind === 'zoneLink').map((e) => [e.to, e.paths[0]])).toEqual([
      ['vnet', 'access.vnet.zoneLink'],
      ['peer-0', 'access.peeredVnets.0.zoneLink'],
      ['peer-1', 'access.peeredVnets.1.zoneLink'],
    ]);
  });

  it('draws two-way peerings as solid lines without arrows, the hub–spoke one too', () => {
    const peerings = t.edges.filter((e) => e.kind === 'peering');
    expect(peerings.map((e) => [e.id, e.from, e.to, e.direction, e.style, e.label])).toEqual([
      ['peering-0', 'vnet', 'peer-0', 'both', 'solid', 'peered'],
      ['peering-1', 'vnet', 'peer-1', 'both', 'solid', 'peered'],
      ['peering-0-1', 'peer-0', 'peer-1', 'both', 'solid', 'peered'],
    ]);
  });

  it('joins the office through its VPN gateway to the hub VNet named as gatewayVnet', () => {
    expect(node(t, 'site-0').title).toBe('office-amsterdam');
    expect(node(t, 'gateway-0')).toMatchObject({ title: 'VPN gateway', lines: ['in vnet-hub'] });
    expect(t.edges.filter((e) => e.kind === 'gateway').map((e) => [e.from, e.to])).toEqual([
      ['site-0', 'gateway-0'],
      ['gateway-0', 'peer-0'],
    ]);
  });

  it('shows the custom DNS servers once, forwarding to 168.63.129.16', () => {
    const dns = t.nodes.filter((n) => n.kind === 'dnsServers');
    expect(dns.map((n) => n.title)).toEqual(['Custom DNS 10.0.0.4']);
    expect(dns[0]?.lines).toEqual(['used by vnet-orders-data, vnet-hub +1 more', 'forwarder → 168.63.129.16']);
    expect(node(t, 'azure-dns').title).toBe('Azure DNS 168.63.129.16');
    expect(edgeIds(t, 'dnsForward')).toEqual(['fwd-dns-0']);
    expect(edgeIds(t, 'dnsUse')).toEqual(['dns-use-vnet']);
  });

  it('places clients where they live', () => {
    expect(node(t, 'client-0').parent).toBe('subnet-0');
    expect(node(t, 'client-1').parent).toBe('peer-1');
    expect(node(t, 'client-2').parent).toBe('site-0');
  });

  it('is deterministic', () => {
    expect(planToTopology(examplePlan('hub-and-spoke'))).toEqual(t);
  });
});

describe('planToTopology, details that change the picture', () => {
  const base = examplePlan('hub-and-spoke');

  it('draws a one-way peering dashed with an arrow in the direction of the existing peering', () => {
    // Only vnet-spoke-2 → vnet-orders-data is left of that pair.
    const plan = withPrivate(base, (a) => ({
      ...a,
      peerings: a.peerings.filter((p) => !(p.from === 'vnet-orders-data' && p.to === 'vnet-spoke-2')),
    }));
    const e = planToTopology(plan).edges.find((x) => x.id === 'peering-1');
    expect(e).toMatchObject({ from: 'peer-1', to: 'vnet', direction: 'forward', style: 'dashed', label: 'one-way' });
    expect(e?.description).toBe(
      'One-way peering: only vnet-spoke-2 → vnet-orders-data exists; traffic flows only once both sides are peered.',
    );
    expect(e?.paths).toEqual(['access.peerings.2']);
    expect(node(planToTopology(plan), 'peer-1').lines).toContain('peering: one-way, this side only');
  });

  it("says which flags each direction sets, in the line's description (its tooltip)", () => {
    const e = planToTopology(base).edges.find((x) => x.id === 'peering-0');
    expect(e?.description).toBe(
      'vnet-orders-data and vnet-hub are peered in both directions. ' +
        'vnet-orders-data → vnet-hub: allows forwarded traffic, uses the remote gateway. ' +
        'vnet-hub → vnet-orders-data: allows forwarded traffic, allows gateway transit.',
    );
    expect(e?.paths).toEqual(['access.peerings.0', 'access.peerings.1']);
    // A pair with no flag set says only that it is peered.
    expect(planToTopology(base).edges.find((x) => x.id === 'peering-1')?.description).toBe(
      'vnet-orders-data and vnet-spoke-2 are peered in both directions.',
    );
  });

  it('draws no peering line for a VNet peered in neither direction, and no link line when not linked', () => {
    const plan = withPrivate(base, (a) => ({
      ...a,
      peeredVnets: a.peeredVnets.map((p, i) => (i === 1 ? { ...p, zoneLink: false } : p)),
      peerings: a.peerings.filter((p) => p.from !== 'vnet-spoke-2' && p.to !== 'vnet-spoke-2'),
    }));
    const t = planToTopology(plan);
    expect(edgeIds(t, 'peering')).toEqual(['peering-0']);
    expect(edgeIds(t, 'zoneLink')).toEqual(['link-vnet', 'link-peer-0']);
    expect(node(t, 'peer-1').lines).toContain('not peered');
    expect(node(t, 'peer-1').tone).toBe('muted');
    expect(node(t, 'peer-1').lines).toContain('not linked to the DNS zone');
  });

  it('joins a site without gatewayVnet to the server VNet, and marks a gateway VNet that is not in the plan', () => {
    const plan = withPrivate(base, (a) => ({
      ...a,
      onPremises: [
        { ...(a.onPremises[0] as PrivateAccess['onPremises'][number]), gatewayVnet: '' },
        {
          name: 'branch',
          addressRanges: ['192.168.20.0/24'],
          connection: 'expressRoute',
          gatewayVnet: 'vnet-missing',
          dnsForwarder: true,
        },
      ],
    }));
    const t = planToTopology(plan);
    expect(t.edges.find((e) => e.id === 'gw-vnet-0')?.to).toBe('vnet');
    expect(t.edges.find((e) => e.id === 'gw-vnet-1')).toBeUndefined();
    expect(node(t, 'gateway-1')).toMatchObject({ title: 'ExpressRoute gateway', tone: 'warning' });
    expect(node(t, 'site-1').lines).toContain('✕ gateway VNet vnet-missing is not in the plan');
    // A site's DNS forwards to a resolver in its gateway's VNet (where the check takes it to be): the server VNet
    // here; into Azure, no VNet named, when that VNet is not in the plan.
    expect(node(t, 'site-0').lines).toContain('DNS: forwards the zone to a resolver in vnet-orders-data');
    expect(node(t, 'site-1').lines).toContain('DNS: forwards the zone into Azure');
    // Nor when the site is not connected to Azure.
    const unconnected = withPrivate(plan, (a) => ({
      ...a,
      onPremises: a.onPremises.map((s) => ({ ...s, connection: 'none' as const })),
    }));
    expect(node(planToTopology(unconnected), 'site-0').lines).toContain('DNS: forwards the zone into Azure');
  });

  it('flags custom DNS without a forwarder to 168.63.129.16', () => {
    const plan = withPrivate(base, (a) => ({
      ...a,
      vnet: { ...a.vnet, dns: { kind: 'custom', servers: ['10.9.9.9'], forwardsToAzureDns: false } },
    }));
    const dns = planToTopology(plan).nodes.find((n) => n.title === 'Custom DNS 10.9.9.9');
    expect(dns).toMatchObject({
      tone: 'warning',
      lines: ['used by vnet-orders-data', '✕ no forwarder to 168.63.129.16'],
    });
  });

  it("gives each client its own verdict when two share a name (verdicts are keyed by the client's place)", () => {
    const twins = {
      ...base,
      clients: base.clients.map((c, i) =>
        // The second, renamed, comes from the internet, which private access never lets in.
        i === 1 ? ({ kind: 'internet', name: 'orders-api', address: '203.0.113.9' } as Plan['clients'][number]) : c,
      ),
    };
    const checks = checkAllClients(twins);
    expect(checks.map((c) => [c.client, c.verdict])).toEqual([
      ['orders-api', 'reachable'],
      ['orders-api', 'unreachable'],
      ['analyst-laptops', 'reachable'],
    ]);
    const t = planToTopology(twins, verdictsOf(checks));
    expect(node(t, 'client-0').verdict).toBe('reachable');
    expect(node(t, 'client-1').verdict).toBe('unreachable');
  });

  it('draws a reachable client along its path and leaves an unreachable one unconnected', () => {
    const t = planToTopology(base, {
      'clients.0': 'reachable',
      'clients.1': 'unreachable',
      'clients.2': 'warning',
    });
    const paths = t.edges.filter((e) => e.kind === 'clientPath');
    expect(paths.map((e) => [e.from, e.to, e.via, e.style])).toEqual([
      ['client-0', 'server-0', ['subnet-0', 'vnet'], 'solid'],
      ['client-2', 'server-0', ['site-0', 'gateway-0', 'peer-0', 'vnet'], 'dashed'],
    ]);
    expect(node(t, 'client-1').lines).toContain('✕ not reachable');
    expect(node(t, 'client-1').verdict).toBe('unreachable');
  });

  it('collects clients whose VNet is not in the plan in a box of their own', () => {
    const plan = {
      ...base,
      clients: [
        {
          kind: 'vnet' as const,
          name: 'lost',
          intent: 'mustReach' as const,
          vnet: 'nowhere',
          address: '',
          tlsVersion: 'TLSv1.2' as const,
          connectsByIp: false,
        },
      ],
    };
    const t = planToTopology(plan);
    expect(node(t, 'client-0').parent).toBe('unplaced');
    expect(node(t, 'unplaced').lines).toEqual(['1 client: VNet, subnet or site not found']);
  });

  it('keeps the firewall rules of a private plan as a note that PGN-111 can point at', () => {
    const t = planToTopology(samplePlan(TYPICAL_SIZE));
    expect(node(t, 'note')).toMatchObject({
      paths: ['access.firewallRules'],
      lines: ['10 firewall rules (ignored: no public endpoint)'],
    });
  });
});

describe('planToTopology, a hub and spoke through a firewall', () => {
  const plan = hubSpokeFirewallPlan();
  const t = planToTopology(plan);
  const peerings = (x: Topology) =>
    x.edges.filter((e) => e.kind === 'peering').map((e) => [e.id, e.from, e.to, e.direction, e.style, e.label]);

  it('draws the two peerings of the hub, and none between the spokes', () => {
    expect(peerings(t)).toEqual([
      ['peering-0', 'vnet', 'peer-0', 'both', 'solid', 'peered'],
      ['peering-0-1', 'peer-0', 'peer-1', 'both', 'solid', 'peered'],
    ]);
    const hubSpoke2 = t.edges.find((e) => e.id === 'peering-0-1');
    expect(hubSpoke2?.description).toBe(
      'vnet-hub and vnet-spoke-2 are peered in both directions. vnet-hub → vnet-spoke-2: allows forwarded ' +
        'traffic. vnet-spoke-2 → vnet-hub: allows forwarded traffic.',
    );
    expect(hubSpoke2?.paths).toEqual(['access.peerings.2', 'access.peerings.3']);
  });

  it('says how each other VNet is peered: spoke-2 not with the server VNet but with the hub', () => {
    expect(node(t, 'peer-0').lines).toEqual([
      'westeurope · 10.0.0.0/16',
      'peering: both directions',
      'also peering with vnet-spoke-2',
      'linked to the DNS zone',
      'DNS: Azure-provided (168.63.129.16)',
    ]);
    expect(node(t, 'peer-1')).toMatchObject({ tone: 'normal' });
    expect(node(t, 'peer-1').lines.slice(1, 3)).toEqual(['not peered with the server VNet', 'peering with vnet-hub']);
  });

  it('draws the Azure Firewall inside the hub, with its private IP and the subnet that holds it', () => {
    expect(node(t, 'peer-0-appliance')).toMatchObject({
      kind: 'appliance',
      parent: 'peer-0',
      role: 'Azure Firewall',
      title: 'afw-hub',
      lines: ['Azure Firewall · private IP 10.0.1.4', 'in subnet AzureFirewallSubnet'],
      paths: ['access.peeredVnets.0.appliance'],
    });
    expect(t.nodes.filter((n) => n.kind === 'appliance')).toHaveLength(1);
  });

  it('draws the subnets of other VNets, and marks the subnets that have a route table, routes in the tooltip', () => {
    expect(node(t, 'peer-0-subnet-0')).toMatchObject({ parent: 'peer-0', title: 'AzureFirewallSubnet', badges: [] });
    expect(node(t, 'peer-0-subnet-0').tooltip).toBeUndefined();
    expect(node(t, 'peer-1-subnet-0')).toMatchObject({
      kind: 'subnet',
      parent: 'peer-1',
      title: 'snet-app',
      lines: ['10.2.1.0/24'],
      badges: [{ kind: 'routeTable', text: 'route table rt-spoke-2-app' }],
      paths: ['access.peeredVnets.1.subnets.0', 'access.routeTables.1'],
      tooltip:
        'Route table rt-spoke-2-app: spoke-1: 10.1.0.0/16 → virtual appliance 10.0.1.4; ' +
        'blackhole: 10.9.0.0/16 → none (dropped).',
    });
    expect(node(t, 'delegated')).toMatchObject({
      badges: [
        { kind: 'nsg', text: 'no NSG on this subnet' },
        { kind: 'routeTable', text: 'route table rt-postgres' },
      ],
      paths: ['access.delegatedSubnet', 'access.routeTables.0'],
      tooltip: 'Route table rt-postgres: spoke-2: 10.2.0.0/16 → virtual appliance 10.0.1.4.',
    });
    // The server VNet's snet-app has the name of spoke-2's, but no route table: a table belongs to one VNet.
    expect(node(t, 'subnet-0')).toMatchObject({ title: 'snet-app', badges: [], paths: ['access.vnet.subnets.0'] });
  });

  it("pins a route table's findings to its subnet and a peering's to its line", () => {
    const pins = pinFindings(
      [...t.nodes, ...t.edges],
      [finding('access.routeTables.1.routes.0.nextHopIp'), finding('access.peerings.3.allowForwardedTraffic')],
      'title',
    );
    expect([...pins.keys()]).toEqual(['peer-1-subnet-0', 'peering-0-1']);
  });

  it('marks a one-way peering between two other VNets as one-way, arrow towards the remote VNet', () => {
    const only = (from: string, to: string) =>
      hubSpokeFirewallPlan((a) => ({
        ...a,
        peerings: (a.peerings ?? [])
          .filter((p) => p.from === from || p.to !== from || p.from === 'vnet-spoke-1')
          .filter((p) => !(p.from === to && p.to === from)),
      }));
    const hubOnly = planToTopology(only('vnet-hub', 'vnet-spoke-2'));
    expect(peerings(hubOnly)).toEqual([
      ['peering-0', 'vnet', 'peer-0', 'both', 'solid', 'peered'],
      ['peering-0-1', 'peer-0', 'peer-1', 'forward', 'dashed', 'one-way'],
    ]);
    expect(hubOnly.edges.find((e) => e.id === 'peering-0-1')?.description).toBe(
      'One-way peering: only vnet-hub → vnet-spoke-2 exists; traffic flows only once both sides are peered. ' +
        'vnet-hub → vnet-spoke-2: allows forwarded traffic.',
    );
    const spokeOnly = planToTopology(only('vnet-spoke-2', 'vnet-hub'));
    expect(spokeOnly.edges.find((e) => e.id === 'peering-0-1')).toMatchObject({
      from: 'peer-1',
      to: 'peer-0',
      direction: 'forward',
      label: 'one-way',
    });
  });

  it('resolves names written in another case to the same VNets and subnets', () => {
    const shouted = planToTopology(
      hubSpokeFirewallPlan((a) => ({
        ...a,
        peerings: (a.peerings ?? []).map((p) => ({ ...p, from: p.from.toUpperCase(), to: p.to.toLowerCase() })),
        routeTables: (a.routeTables ?? []).map((r) => ({
          ...r,
          vnet: r.vnet.toUpperCase(),
          subnets: (r.subnets ?? []).map((s) => s.toUpperCase()),
        })),
      })),
    );
    expect(peerings(shouted)).toEqual(peerings(t));
    expect(node(shouted, 'peer-1-subnet-0').badges).toEqual([
      { kind: 'routeTable', text: 'route table rt-spoke-2-app' },
    ]);
    expect(node(shouted, 'delegated').badges).toContainEqual({ kind: 'routeTable', text: 'route table rt-postgres' });
  });

  it('draws no line for a peering with a VNet that is not in the plan, or of a VNet with itself', () => {
    const odd = planToTopology(
      hubSpokeFirewallPlan((a) => ({
        ...a,
        peerings: [
          ...(a.peerings ?? []),
          { from: 'vnet-spoke-2', to: 'vnet-nowhere' },
          { from: 'vnet-spoke-2', to: 'VNET-SPOKE-2' },
        ],
      })),
    );
    expect(peerings(odd)).toEqual(peerings(t));
  });

  it('draws the appliance of the server VNet inside it', () => {
    const own = planToTopology(
      hubSpokeFirewallPlan((a) => ({
        ...a,
        vnet: { ...a.vnet, appliance: { kind: 'nva', name: 'nva-1', privateIp: '10.1.1.4' } },
      })),
    );
    expect(node(own, 'vnet-appliance')).toMatchObject({
      parent: 'vnet',
      role: 'Network virtual appliance',
      lines: ['NVA · private IP 10.1.1.4', 'in subnet snet-app'],
      paths: ['access.vnet.appliance'],
    });
  });
});

describe('planToTopology, public access', () => {
  const plan = examplePlan('public-office');

  it('has the internet, a box per firewall rule, the public endpoint and the server', () => {
    const t = planToTopology(plan, { 'clients.0': 'reachable' });
    expect(t.mode).toBe('public');
    expect(t.nodes.filter((n) => n.kind === 'firewallRule').map((n) => [n.title, ...n.lines])).toEqual([
      ['office-dublin', '203.0.113.0 – 203.0.113.15', '16 addresses'],
      ['office-cork', '198.51.100.7', '1 address'],
      ['ci-runners', '192.0.2.32 – 192.0.2.63', '32 addresses'],
    ]);
    expect(node(t, 'endpoint-0').lines[0]).toBe('pg-fabrikam-reporting.postgres.database.azure.com');
    expect(t.groups[0]?.summary).toEqual([
      'covering 192.0.2.32 – 192.0.2.63, 198.51.100.7 and 1 more range',
      '49 addresses in 3 ranges',
    ]);
    // The client path goes through the rule that holds its address.
    expect(t.edges.find((e) => e.kind === 'clientPath')?.via).toEqual(['internet', 'rule-0', 'endpoint-0']);
    expect(t.nodes.some((n) => n.kind === 'azureServices')).toBe(false);
  });

  it('shows "Azure services" with the other-tenants warning when allowed', () => {
    const allowed = { ...plan, access: { ...plan.access, allowAzureServices: true } } as Plan;
    const t = planToTopology(allowed);
    expect(node(t, 'azure-services').lines).toEqual([
      'allowed (rule 0.0.0.0 – 0.0.0.0)',
      "⚠ includes other customers' subscriptions",
    ]);
    expect(t.edges.filter((e) => e.kind === 'azureServices').map((e) => [e.to, e.style])).toEqual([
      ['endpoint-0', 'dashed'],
    ]);
  });

  it('marks a rule whose range is not valid', () => {
    const bad = {
      ...plan,
      access: {
        ...newPublicAccess(),
        firewallRules: [{ name: 'oops', startIp: '10.0.0.9', endIp: '10.0.0.1' }],
      },
    };
    expect(node(planToTopology(bad), 'rule-0')).toMatchObject({
      tone: 'warning',
      lines: ['10.0.0.9 – 10.0.0.1', '✕ not a valid range'],
    });
  });
});
