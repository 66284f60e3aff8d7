/**
 * The topology of public access: the servers behind their public endpoints, the internet, one box per firewall
 * rule (a collection the layout may collapse), Azure services when allowed or used, the VNets with the private
 * endpoints in their subnets, the peerings, the on-premises sites and the privatelink zone (as private access draws
 * them), and the clients.
 */
import { checkAllClients } from '../checker';
import { AZURE_SERVICES_RULE_IP } from '../domain/azure';
import {
  formatIPv4,
  mergeRanges,
  paintRanges,
  paintedAt,
  parseIPv4Fast,
  parseIPv4OrCidr,
  type IpRange,
  type PaintedSegment,
} from '../domain/ipv4';
import type { Client, Plan, PublicAccess } from '../domain/plan';
import { planIndex, type PlanIndex } from '../domain/plan-index';
import { NODE_IDS, type ClientVerdicts } from './model';
import { addClients, edge, plural, serverFqdn, serverNodes, type Builder, type PlacedClient } from './model-build';
import { dnsNodes, otherVnetNodes, peeredIndex, siteNodes, zoneNode } from './model-private';

/** The first firewall rule (index) whose range holds `address`, or -1: a binary search over the painted rules. */
function ruleFor(address: string, painted: readonly PaintedSegment[]): number {
  if (!address) return -1;
  const parsed = parseIPv4OrCidr(address);
  if (!parsed.ok) return -1;
  return paintedAt(painted, parsed.value.start)?.order ?? -1;
}

/** The servers, each behind its public endpoint (faded when public network access is disabled). */
function endpointNodes(b: Builder, plan: Plan, off: boolean): void {
  serverNodes(b, plan, null);
  plan.servers.forEach((s, i) => {
    b.nodes.push({
      id: NODE_IDS.endpoint(i),
      kind: 'publicEndpoint',
      parent: null,
      role: 'Public endpoint',
      title: `Public endpoint of ${s.name}`,
      lines: [serverFqdn(s.name), 'TCP 5432 (and 6432 for PgBouncer)', ...(off ? [OFF] : [])],
      badges: [],
      paths: [`servers.${i}.name`],
      tone: off ? 'muted' : 'normal',
    });
    edge(b, {
      id: `endpoint-${i}-server`,
      kind: 'firewallAllow',
      from: NODE_IDS.endpoint(i),
      to: NODE_IDS.server(i),
      label: '',
      description: `The public endpoint ${serverFqdn(s.name)} leads to ${s.name}.`,
      direction: 'forward',
      paths: [],
    });
  });
}

const OFF = '✕ public network access disabled';

/**
 * Each private endpoint in its subnet (in its VNet when the subnet is not in the plan, on its own when the VNet is
 * not), with its line to the server it connects to.
 */
function privateEndpointNodes(b: Builder, plan: Plan, access: PublicAccess, names: PlanIndex): void {
  access.privateEndpoints.forEach((pe, k) => {
    const v = peeredIndex(names, pe.vnet);
    const subnet = names.subnetOf(pe.vnet, pe.subnet);
    const j = v === undefined || !subnet ? -1 : (access.peeredVnets[v]?.subnets.findIndex((x) => x === subnet) ?? -1);
    const s = pe.server ? plan.servers.findIndex((x) => x.name.toLowerCase() === pe.server.toLowerCase()) : 0;
    const server = plan.servers[s];
    const id = NODE_IDS.privateEndpoint(k);
    const paths = [`access.privateEndpoints.${k}`];
    b.nodes.push({
      id,
      kind: 'privateEndpoint',
      parent: v === undefined ? null : j < 0 ? NODE_IDS.peered(v) : NODE_IDS.peeredSubnet(v, j),
      role: 'Private endpoint',
      title: pe.name,
      lines: [
        `${pe.privateIp || 'dynamic IP'} · ${pe.approval} approval`,
        `${server ? 'to' : '✕ no server'} ${pe.server || server?.name}`,
      ],
      badges: [],
      paths,
      tone: server && v !== undefined ? 'normal' : 'warning',
    });
    if (server)
      edge(b, {
        id: `${id}-server`,
        kind: 'privateLink',
        from: id,
        to: NODE_IDS.server(s),
        label: 'Private Link',
        description:
          `Private endpoint ${pe.name} connects to ${server.name} over Private Link ` + `(${pe.approval} approval).`,
        direction: 'forward',
        paths,
      });
  });
}

/**
 * The way of a client in a VNet or on premises (through its site's gateway) to the private endpoint the checker
 * sends it to (`endpointPath` of its check); none when its DNS sends it to the public endpoint instead, or when its
 * VNet, or the endpoint's, is not in the plan.
 */
function endpointVia(
  c: Client,
  endpointPath: string | undefined,
  access: PublicAccess,
  names: PlanIndex,
): { parent: string | null; via: string[] } {
  const site = c.kind === 'onPremises' ? names.site(c.site) : undefined;
  // A site not in the plan, or not connected to Azure, has no VNet of its own.
  const home = c.kind === 'vnet' ? c.vnet : site && site.site.connection !== 'none' ? site.site.gatewayVnet : null;
  const v = home === null ? undefined : peeredIndex(names, home);
  const parent = site ? NODE_IDS.site(site.index) : v === undefined ? null : NODE_IDS.peered(v);
  const k = Number(endpointPath?.slice('access.privateEndpoints.'.length));
  const pe = access.privateEndpoints[k];
  const p = pe && peeredIndex(names, pe.vnet);
  if (v === undefined || p === undefined) return { parent, via: [] };
  return {
    parent,
    via: [
      ...(site ? [NODE_IDS.site(site.index), NODE_IDS.gateway(site.index)] : []),
      NODE_IDS.peered(v),
      ...(p === v ? [] : [NODE_IDS.peered(p)]),
      NODE_IDS.privateEndpoint(k),
    ],
  };
}

/** A box per firewall rule, with its lines from the internet and to each endpoint; returns each rule's range. */
function firewallRuleNodes(b: Builder, plan: Plan, access: PublicAccess): (IpRange | null)[] {
  const ranges: (IpRange | null)[] = access.firewallRules.map((r) => {
    const start = parseIPv4Fast(r.startIp);
    const end = parseIPv4Fast(r.endIp);
    return start.ok && end.ok && start.value <= end.value ? { start: start.value, end: end.value } : null;
  });
  access.firewallRules.forEach((r, i) => {
    const range = ranges[i];
    const size = range ? range.end - range.start + 1 : 0;
    b.nodes.push({
      id: NODE_IDS.rule(i),
      kind: 'firewallRule',
      parent: null,
      role: 'Firewall rule',
      title: r.name,
      lines: [
        r.startIp === r.endIp ? r.startIp : `${r.startIp} – ${r.endIp}`,
        range ? plural(size, 'address', 'addresses') : '✕ not a valid range',
      ],
      badges: [],
      paths: [`access.firewallRules.${i}`],
      tone: range ? 'normal' : 'warning',
    });
    for (const [j] of plan.servers.entries()) {
      edge(b, {
        id: `allow-${i}-${j}`,
        kind: 'firewallAllow',
        from: NODE_IDS.rule(i),
        to: NODE_IDS.endpoint(j),
        label: '',
        description:
          `Firewall rule ${r.name} allows ` + `${r.startIp === r.endIp ? r.startIp : `${r.startIp} – ${r.endIp}`}.`,
        direction: 'forward',
        paths: [`access.firewallRules.${i}`],
      });
    }
    edge(b, {
      id: `inet-${i}`,
      kind: 'internetAccess',
      from: NODE_IDS.internet,
      to: NODE_IDS.rule(i),
      label: '',
      description:
        `Traffic from ${r.startIp === r.endIp ? r.startIp : `${r.startIp} – ${r.endIp}`} ` + `passes rule ${r.name}.`,
      direction: 'forward',
      paths: [`access.firewallRules.${i}`],
    });
  });
  if (access.firewallRules.length > 0) {
    const merged = mergeRanges(ranges.filter((r): r is IpRange => r !== null));
    const total = merged.reduce((n, r) => n + (r.end - r.start + 1), 0);
    const first = merged
      .slice(0, 2)
      .map((r) => (r.start === r.end ? formatIPv4(r.start) : `${formatIPv4(r.start)} – ${formatIPv4(r.end)}`));
    b.groups.push({
      id: 'firewall',
      kind: 'firewallRules',
      noun: 'firewall rules',
      members: access.firewallRules.map((_, i) => NODE_IDS.rule(i)),
      summary: [
        `covering ${first.join(', ')}${merged.length > 2 ? ` and ${plural(merged.length - 2, 'more range')}` : ''}`,
        `${plural(total, 'address', 'addresses')} in ${plural(merged.length, 'range')}`,
      ],
      path: 'access.firewallRules',
    });
  } else {
    b.nodes.push({
      id: NODE_IDS.note,
      kind: 'note',
      parent: null,
      role: 'Firewall',
      title: 'No firewall rules',
      lines: ['nothing from the internet gets in'],
      badges: [],
      paths: ['access.firewallRules'],
      tone: 'muted',
    });
  }
  return ranges;
}

/** Azure services, when the firewall lets them in or a client is one: with a line to each endpoint if allowed. */
function azureServicesNode(b: Builder, plan: Plan, access: PublicAccess): void {
  const needAzureNode = access.allowAzureServices || plan.clients.some((c) => c.kind === 'azureService');
  if (needAzureNode) {
    b.nodes.push({
      id: NODE_IDS.azureServices,
      kind: 'azureServices',
      parent: null,
      role: 'Azure services',
      title: 'Azure services',
      lines: access.allowAzureServices
        ? [
            `allowed (rule ${AZURE_SERVICES_RULE_IP} – ${AZURE_SERVICES_RULE_IP})`,
            "⚠ includes other customers' subscriptions",
          ]
        : ['not allowed by the firewall'],
      badges: [],
      paths: ['access.allowAzureServices'],
      tone: access.allowAzureServices ? 'warning' : 'muted',
    });
    if (access.allowAzureServices) {
      for (const [j, s] of plan.servers.entries()) {
        edge(b, {
          id: `azure-${j}`,
          kind: 'azureServices',
          from: NODE_IDS.azureServices,
          to: NODE_IDS.endpoint(j),
          label: 'all of Azure',
          description:
            `"Allow public access from Azure services" lets every Azure service ` +
            `reach ${s.name}, including other customers' subscriptions.`,
          direction: 'forward',
          style: 'dashed',
          paths: ['access.allowAzureServices'],
        });
      }
    }
  }
}

/**
 * Each client in the internet (through the first rule that lets its address in), among Azure services, or in its VNet
 * or site (through a private endpoint).
 */
function placeClients(
  plan: Plan,
  access: PublicAccess,
  names: PlanIndex,
  ranges: readonly (IpRange | null)[],
): PlacedClient[] {
  const painted = paintRanges(ranges.flatMap((r, order) => (r === null ? [] : [{ ...r, order }])));
  return plan.clients.map((c, index) => {
    if (c.kind === 'azureService') {
      return { client: c, index, parent: NODE_IDS.azureServices, via: [NODE_IDS.azureServices, NODE_IDS.endpoint(0)] };
    }
    if (c.kind === 'vnet' || c.kind === 'onPremises')
      return { client: c, index, ...endpointVia(c, checkAllClients(plan)[index]?.endpointPath, access, names) };
    const rule = c.kind === 'internet' ? ruleFor(c.address, painted) : -1;
    const parent = c.kind === 'internet' ? NODE_IDS.internet : null;
    const via = parent ? [parent, ...(rule >= 0 ? [NODE_IDS.rule(rule)] : []), NODE_IDS.endpoint(0)] : [];
    return { client: c, index, parent, via };
  });
}

/** Adds the picture of public access to `b`. */
export function publicTopology(
  b: Builder,
  plan: Plan,
  access: PublicAccess,
  verdicts: ClientVerdicts | undefined,
): void {
  const off = !access.publicNetworkAccess;
  endpointNodes(b, plan, off);
  b.nodes.push({
    id: NODE_IDS.internet,
    kind: 'internet',
    parent: null,
    role: 'Internet',
    title: 'Internet',
    lines: [off ? OFF : 'only the ranges of the firewall rules get in'],
    badges: [],
    paths: off ? ['access.publicNetworkAccess'] : [],
    tone: off ? 'muted' : 'normal',
  });

  const ranges = firewallRuleNodes(b, plan, access);
  azureServicesNode(b, plan, access);
  // The VNets, sites and zone, drawn as private access draws them (none in a plan of allowed IP addresses only).
  const names = planIndex(plan);
  dnsNodes(b, access);
  const zone = access.privateDnsZone || access.privateEndpoints.length > 0 ? zoneNode(b, plan, access) : null;
  otherVnetNodes(b, access, names, zone);
  siteNodes(b, access, names);
  privateEndpointNodes(b, plan, access, names);
  addClients(b, placeClients(plan, access, names, ranges), NODE_IDS.server(0), verdicts);
}
