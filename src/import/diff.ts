/**
 * Planned against deployed: what the deployment lacks or has differently from the plan, object by object, matched by
 * name without regard to case (as Azure matches names, facts §2.6): the servers, the networking mode, the VNets and
 * their subnets, the delegated subnet and its NSG rules, the private DNS zone and its links, the peerings (by the
 * VNets they join), the route tables and their routes, the gateways to on-premises networks, the firewall rules and
 * the TLS parameters. Each difference says whether Azure can apply it in place or only with a new resource.
 * Clients are the plan's own (nothing deployed holds them) and are not compared.
 */
import type {
  DnsSetting,
  Nsg,
  NsgRule,
  PeeredVnet,
  Peering,
  Plan,
  PrivateAccess,
  Route,
  RouteTable,
  Server,
  Subnet,
} from '../domain/plan';

type DifferenceKind = 'missing' | 'extra' | 'changed';

export interface PlanDifference {
  /**
   * Dotted path of the object or field in the plan; for an extra object (deployed, not planned), the plan's list it
   * would join (`access.delegatedSubnet.nsg.rules`).
   */
  readonly path: string;
  readonly kind: DifferenceKind;
  /** What it is, in words: `VNet vnet-hub`, `NSG rule allow-app`, `Zone link of VNet vnet-app`. */
  readonly what: string;
  /** The planned value in words; `(not in the plan)` for an extra object. */
  readonly planned: string;
  /** The deployed value in words; `(not deployed)` for a missing object. */
  readonly deployed: string;
  /** Null when Azure applies the change in place; otherwise why it can't (and what it takes). */
  readonly notInPlace: string | null;
}

/** Why some changes can't be applied to what exists; each sentence names its source. */
const NOT_IN_PLACE = {
  // Seed networking-overview ("You can't change your networking option after the server is created"), facts §1.1.
  mode: "A server's networking mode can't change after it is created: it takes a new server (azure-facts.md §1.1).",
  // Facts §1.2: "Can't move the server to another VNet/subnet" (all eras of the docs).
  serverNetwork:
    'A server cannot move to another VNet or subnet: it takes a new server in the planned one (azure-facts.md §1.2).',
  // Facts §1.2: "can't move the VNet to another RG/subscription".
  serverVnetGroup:
    "The server's VNet can't move to another resource group or subscription (azure-facts.md §1.2): it takes a " +
    'new VNet, and a new server in it.',
  // Facts §1.2: "Subnet size (address spaces) can't be increased after resources exist in the subnet." The
  // delegated subnet holds the server itself, so it is never empty.
  delegatedSize:
    "The delegated subnet's size can't change while the server is in it (azure-facts.md §1.2): it takes a new " +
    'subnet, and a new server in it.',
  // Same fact, for a subnet whose contents the import doesn't see.
  subnetSize:
    "A subnet's size can't change once resources are in it (azure-facts.md §1.2): in place only while it is empty.",
  // azurerm-networking-args.json (TF v5.2.0): `location` is force_new for the server and for VNets; facts §1.3: the
  // server VNet must be in the server's region, and §1.2: a server can't move to another VNet.
  region:
    'A resource stays in the region it was created in (azurerm replaces it: azurerm-networking-args.json, ' +
    'force_new "location"); for a server with private access, its VNet must be in its region too ' +
    '(azure-facts.md §1.3).',
  // Azure PowerShell's model of the REST API: `availabilityZone` is settable at creation only (Create=true,
  // Update=false): https://learn.microsoft.com/dotnet/api/microsoft.azure.powershell.cmdlets.postgresqlflexibleserver.models.iserver.availabilityzone
  // azurerm's `zone` note: after a failover to the standby, the server reports the standby's zone.
  zone:
    "A server's availability zone is set when it is created (Azure's API takes it at creation only): it takes a " +
    'new server. With high availability, a failover to the standby swaps the two zones (azurerm, `zone`).',
  // Microsoft Learn, "Major version upgrades in Azure Database for PostgreSQL" (facts' source D-mvu): in-place
  // upgrades only.
  downgrade:
    'Azure upgrades a major version in place, never down: an older version takes a new server (major version ' +
    'upgrades, D-mvu).',
  // Facts §1.5: "Changing the private DNS zone after creation is allowed …, except on servers with HA enabled."
  zoneWithHa:
    "The private DNS zone of a server with high availability can't be changed (azure-facts.md §1.5): disable " +
    'high availability first, or create a new server.',
} as const;

/** A value of the plan, as the difference shows it. */
type Shown = string | number | boolean | readonly string[] | null | undefined;

const NONE = '(none)';
const show = (v: Shown): string =>
  v === null || v === undefined || v === '' ? NONE : Array.isArray(v) ? v.join(', ') || NONE : String(v);
const key = (name: string) => name.toLowerCase();
/** A list whose order means nothing (address spaces, a route table's subnets), for comparing. */
const asSet = (list: readonly string[]) => [...list].map(key).sort().join('\u0000');

class Diff {
  readonly out: PlanDifference[] = [];

  private push(d: PlanDifference): void {
    this.out.push(d);
  }

  /** A field that differs; `equal` decides (default: the same words). */
  field(
    path: string,
    what: string,
    planned: Shown,
    deployed: Shown,
    notInPlace: string | null = null,
    equal: (a: Shown, b: Shown) => boolean = (a, b) => show(a) === show(b),
  ): void {
    if (equal(planned, deployed)) return;
    this.push({ path, kind: 'changed', what, planned: show(planned), deployed: show(deployed), notInPlace });
  }

  /** A name (or a list of names) compared as Azure compares names: without regard to case. */
  name(path: string, what: string, planned: Shown, deployed: Shown, notInPlace: string | null = null): void {
    this.field(path, what, planned, deployed, notInPlace, (a, b) => key(show(a)) === key(show(b)));
  }

  /**
   * Matches two lists by `id` (a name, any case); `compare` is called for each pair found in both. `extras` false:
   * deployed items the plan doesn't list are not differences (the plan lists only some of them).
   */
  lists<T>(
    spec: {
      base: string;
      /** The item in words, from its id: `NSG rule allow-app`. */
      what: (id: string) => string;
      id: (item: T) => string;
      describe: (item: T) => string;
      extras?: boolean;
      notInPlace?: string | null;
    },
    planned: readonly T[],
    deployed: readonly T[],
    compare: (path: string, p: T, d: T) => void,
  ): void {
    const byId = new Map<string, T>();
    for (const d of deployed) if (!byId.has(key(spec.id(d)))) byId.set(key(spec.id(d)), d);
    planned.forEach((p, i) => {
      const d = byId.get(key(spec.id(p)));
      if (d === undefined)
        this.push({
          path: `${spec.base}.${i}`,
          kind: 'missing',
          what: spec.what(spec.id(p)),
          planned: spec.describe(p),
          deployed: '(not deployed)',
          notInPlace: spec.notInPlace ?? null,
        });
      else compare(`${spec.base}.${i}`, p, d);
    });
    if (spec.extras === false) return;
    const plannedIds = new Set(planned.map((p) => key(spec.id(p))));
    for (const d of deployed)
      if (!plannedIds.has(key(spec.id(d))))
        this.push({
          path: spec.base,
          kind: 'extra',
          what: spec.what(spec.id(d)),
          planned: '(not in the plan)',
          deployed: spec.describe(d),
          notInPlace: null,
        });
  }
}

const byName = <T extends { name: string }>(x: T) => x.name;

const zoneText = (z: string | undefined) => (z === undefined || z === '' ? 'any (Azure chooses)' : `zone ${z}`);

function serversDiff(diff: Diff, planned: readonly Server[], deployed: readonly Server[]): void {
  diff.lists(
    {
      base: 'servers',
      what: (n) => `Server ${n}`,
      id: byName,
      describe: (s) => `PostgreSQL ${s.version} in ${s.region}`,
    },
    planned,
    deployed,
    (path, a, b) => {
      diff.field(`${path}.region`, `Server ${a.name} region`, a.region, b.region, NOT_IN_PLACE.region);
      diff.field(
        `${path}.version`,
        `Server ${a.name} PostgreSQL version`,
        a.version,
        b.version,
        Number(a.version) < Number(b.version) ? NOT_IN_PLACE.downgrade : null,
      );
      diff.field(
        `${path}.highAvailability`,
        `Server ${a.name} high availability`,
        a.highAvailability,
        b.highAvailability,
      );
      // A zone the plan leaves to Azure is whatever Azure chose.
      if ((a.availabilityZone ?? '') !== '')
        diff.field(
          `${path}.availabilityZone`,
          `Server ${a.name} availability zone`,
          zoneText(a.availabilityZone),
          zoneText(b.availabilityZone),
          NOT_IN_PLACE.zone,
        );
      if ((a.standbyAvailabilityZone ?? '') !== '')
        diff.field(
          `${path}.standbyAvailabilityZone`,
          `Server ${a.name} standby zone`,
          zoneText(a.standbyAvailabilityZone),
          zoneText(b.standbyAvailabilityZone),
        );
    },
  );
}

const ruleText = (r: NsgRule) =>
  `${r.access} ${r.direction} ${r.protocol} priority ${r.priority} from ${r.sourceAddresses.join(',')}:` +
  `${r.sourcePorts.join(',')} to ${r.destinationAddresses.join(',')}:${r.destinationPorts.join(',')}`;

function nsgDiff(diff: Diff, path: string, subnet: string, planned: Nsg | null, deployed: Nsg | null): void {
  if (planned === null || deployed === null) {
    diff.name(path, `NSG of subnet ${subnet}`, planned?.name ?? null, deployed?.name ?? null);
    return;
  }
  diff.name(`${path}.name`, `NSG of subnet ${subnet}`, planned.name, deployed.name);
  diff.lists(
    { base: `${path}.rules`, what: (n) => `NSG ${planned.name} rule ${n}`, id: byName, describe: ruleText },
    planned.rules,
    deployed.rules,
    (p, a, b) => diff.field(p, `NSG ${planned.name} rule ${a.name}`, ruleText(a), ruleText(b)),
  );
}

const dnsText = (dns: DnsSetting): string =>
  dns.kind === 'azure'
    ? 'Azure-provided DNS'
    : `custom DNS ${show(dns.servers)} (${dns.forwardsToAzureDns ? 'forwarding' : 'not forwarding'} to 168.63.129.16)`;
const linkText = (linked: boolean) => (linked ? 'linked' : 'not linked');
const applianceText = (a: PeeredVnet['appliance']) => (a === null ? NONE : `${a.name} (${a.privateIp})`);

/** The subnets of a VNet: prefixes, and with `extras` the deployed subnets the plan doesn't list. */
function subnetsDiff(
  diff: Diff,
  base: string,
  vnet: string,
  planned: readonly Subnet[],
  deployed: readonly Subnet[],
  extras: boolean,
): void {
  diff.lists(
    { base, what: (n) => `Subnet ${n} of ${vnet}`, id: byName, describe: (s) => s.prefix, extras },
    planned,
    deployed,
    (path, a, b) =>
      diff.field(`${path}.prefix`, `Subnet ${a.name} of ${vnet} prefix`, a.prefix, b.prefix, NOT_IN_PLACE.subnetSize),
  );
}

function serverVnetDiff(diff: Diff, p: PrivateAccess, d: PrivateAccess, ha: boolean): void {
  const vnet = p.vnet.name;
  diff.name('access.vnet.name', 'Server VNet', p.vnet.name, d.vnet.name, NOT_IN_PLACE.serverNetwork);
  if (p.vnet.resourceGroup !== '' && d.vnet.resourceGroup !== '')
    diff.name(
      'access.vnet.resourceGroup',
      `VNet ${vnet} resource group`,
      p.vnet.resourceGroup,
      d.vnet.resourceGroup,
      NOT_IN_PLACE.serverVnetGroup,
    );
  diff.field('access.vnet.region', `VNet ${vnet} region`, p.vnet.region, d.vnet.region, NOT_IN_PLACE.region);
  diff.field(
    'access.vnet.addressSpaces',
    `VNet ${vnet} address spaces`,
    p.vnet.addressSpaces,
    d.vnet.addressSpaces,
    null,
    (a, b) => asSet(a as string[]) === asSet(b as string[]),
  );
  diff.field('access.vnet.dns', `VNet ${vnet} DNS servers`, dnsText(p.vnet.dns), dnsText(d.vnet.dns));
  diff.field('access.vnet.zoneLink', `Zone link of VNet ${vnet}`, linkText(p.vnet.zoneLink), linkText(d.vnet.zoneLink));
  diff.field(
    'access.vnet.appliance',
    `Firewall or appliance in VNet ${vnet}`,
    applianceText(p.vnet.appliance),
    applianceText(d.vnet.appliance),
  );
  subnetsDiff(diff, 'access.vnet.subnets', vnet, p.vnet.subnets, d.vnet.subnets, true);
  const ds = p.delegatedSubnet;
  diff.name(
    'access.delegatedSubnet.name',
    'Delegated subnet',
    ds.name,
    d.delegatedSubnet.name,
    NOT_IN_PLACE.serverNetwork,
  );
  diff.field(
    'access.delegatedSubnet.prefix',
    `Delegated subnet ${ds.name} prefix`,
    ds.prefix,
    d.delegatedSubnet.prefix,
    NOT_IN_PLACE.delegatedSize,
  );
  nsgDiff(diff, 'access.delegatedSubnet.nsg', ds.name, ds.nsg, d.delegatedSubnet.nsg);
  const zone = (z: PrivateAccess['privateDnsZone']) => z?.name;
  diff.name(
    'access.privateDnsZone.name',
    'Private DNS zone',
    zone(p.privateDnsZone),
    zone(d.privateDnsZone),
    ha ? NOT_IN_PLACE.zoneWithHa : null,
  );
  if (
    p.privateDnsZone !== null &&
    d.privateDnsZone !== null &&
    key(p.privateDnsZone.name) === key(d.privateDnsZone.name)
  )
    for (const field of ['resourceGroup', 'subscription'] as const) {
      const a = p.privateDnsZone[field];
      const b = d.privateDnsZone[field];
      // An empty field is the server's own (resource group or subscription): the plan doesn't say which.
      if (a !== '' && b !== '')
        diff.name(
          `access.privateDnsZone.${field}`,
          `Private DNS zone ${p.privateDnsZone.name} ${field === 'resourceGroup' ? 'resource group' : 'subscription'}`,
          a,
          b,
          ha ? NOT_IN_PLACE.zoneWithHa : null,
        );
    }
}

function otherVnetsDiff(diff: Diff, p: PrivateAccess, d: PrivateAccess): void {
  diff.lists(
    {
      base: 'access.peeredVnets',
      what: (n) => `VNet ${n}`,
      id: byName,
      describe: (v) => `${show(v.addressSpaces)} in ${v.region}`,
    },
    p.peeredVnets,
    d.peeredVnets,
    (path, a, b) => {
      diff.field(`${path}.region`, `VNet ${a.name} region`, a.region, b.region, NOT_IN_PLACE.region);
      diff.field(
        `${path}.addressSpaces`,
        `VNet ${a.name} address spaces`,
        a.addressSpaces,
        b.addressSpaces,
        null,
        (x, y) => asSet(x as string[]) === asSet(y as string[]),
      );
      diff.field(`${path}.zoneLink`, `Zone link of VNet ${a.name}`, linkText(a.zoneLink), linkText(b.zoneLink));
      diff.field(`${path}.dns`, `VNet ${a.name} DNS servers`, dnsText(a.dns), dnsText(b.dns));
      diff.field(
        `${path}.appliance`,
        `Firewall or appliance in VNet ${a.name}`,
        applianceText(a.appliance),
        applianceText(b.appliance),
      );
      // The plan lists only the subnets it refers to; the deployment all of them.
      subnetsDiff(diff, `${path}.subnets`, a.name, a.subnets, b.subnets, false);
    },
  );
}

const flags = (x: Peering) =>
  `forwarded traffic ${x.allowForwardedTraffic ? 'allowed' : 'not allowed'}, gateway transit ` +
  `${x.allowGatewayTransit ? 'allowed' : 'not allowed'}, remote gateways ${x.useRemoteGateways ? 'used' : 'not used'}`;

const routeText = (r: Route) => `${r.prefix} → ${r.nextHop}${r.nextHopIp === '' ? '' : ` ${r.nextHopIp}`}`;
const tableText = (t: RouteTable) => `on ${show(t.subnets)} of ${t.vnet}: ${show(t.routes.map(routeText))}`;

function routingDiff(diff: Diff, p: PrivateAccess, d: PrivateAccess): void {
  diff.lists(
    {
      base: 'access.peerings',
      what: (n) => `Peering ${n}`,
      id: (x: Peering) => `${x.from} → ${x.to}`,
      describe: flags,
    },
    p.peerings,
    d.peerings,
    (path, a, b) => diff.field(path, `Peering ${a.from} → ${a.to}`, flags(a), flags(b)),
  );
  diff.lists(
    { base: 'access.routeTables', what: (n) => `Route table ${n}`, id: byName, describe: tableText },
    p.routeTables,
    d.routeTables,
    (path, a, b) => {
      diff.name(`${path}.vnet`, `Route table ${a.name} VNet`, a.vnet, b.vnet);
      diff.field(
        `${path}.subnets`,
        `Route table ${a.name} subnets`,
        a.subnets,
        b.subnets,
        null,
        (x, y) => asSet(x as string[]) === asSet(y as string[]),
      );
      diff.lists(
        { base: `${path}.routes`, what: (n) => `Route ${n} of ${a.name}`, id: byName, describe: routeText },
        a.routes,
        b.routes,
        (rp, x, y) => diff.field(rp, `Route ${x.name} of ${a.name}`, routeText(x), routeText(y)),
      );
    },
  );
}

/**
 * The gateways to on-premises networks: the plan's sites say which VNet holds a VPN or ExpressRoute gateway; the
 * deployment shows the gateways themselves (their sites' address ranges are often not in it), so gateways are
 * compared by VNet and kind, not sites by name.
 */
function gatewaysDiff(diff: Diff, p: PrivateAccess, d: PrivateAccess): void {
  type Gateway = { vnet: string; connection: string; sites: string[] };
  const gateways = (access: PrivateAccess): Gateway[] => {
    const out = new Map<string, Gateway>();
    for (const site of access.onPremises) {
      if (site.connection === 'none') continue;
      const vnet = site.gatewayVnet === '' ? access.vnet.name : site.gatewayVnet;
      const connection = site.connection === 'vpn' ? 'VPN gateway' : 'ExpressRoute gateway';
      const k = `${key(vnet)} ${connection}`;
      const found = out.get(k);
      if (found === undefined) out.set(k, { vnet, connection, sites: [site.name] });
      else found.sites.push(site.name);
    }
    return [...out.values()];
  };
  const planned = gateways(p);
  const deployed = gateways(d);
  const id = (g: Gateway) => `${g.connection} in ${g.vnet}`;
  const deployedIds = new Set(deployed.map((g) => key(id(g))));
  for (const g of planned)
    if (!deployedIds.has(key(id(g))))
      diff.out.push({
        path: `access.onPremises.${p.onPremises.findIndex((s) => g.sites.includes(s.name))}`,
        kind: 'missing',
        what: id(g),
        planned: `for ${g.sites.join(', ')}`,
        deployed: '(not deployed)',
        notInPlace: null,
      });
  const plannedIds = new Set(planned.map((g) => key(id(g))));
  for (const g of deployed)
    if (!plannedIds.has(key(id(g))))
      diff.out.push({
        path: 'access.onPremises',
        kind: 'extra',
        what: id(g),
        planned: '(not in the plan)',
        deployed: g.sites.join(', '),
        notInPlace: null,
      });
}

/** The differences between the plan and what is deployed (read by the importer), in plan order. */
export function diffPlans(planned: Plan, deployed: Plan): PlanDifference[] {
  const diff = new Diff();
  serversDiff(diff, planned.servers, deployed.servers);
  diff.field('access.mode', 'Networking mode', planned.access.mode, deployed.access.mode, NOT_IN_PLACE.mode);
  if (planned.access.mode === 'private' && deployed.access.mode === 'private') {
    const ha = deployed.servers.some((s) => s.highAvailability !== 'Disabled');
    serverVnetDiff(diff, planned.access, deployed.access, ha);
    otherVnetsDiff(diff, planned.access, deployed.access);
    routingDiff(diff, planned.access, deployed.access);
    gatewaysDiff(diff, planned.access, deployed.access);
  }
  if (planned.access.mode === 'public' && deployed.access.mode === 'public') {
    const range = (r: { startIp: string; endIp: string }) => `${r.startIp} – ${r.endIp}`;
    diff.lists(
      { base: 'access.firewallRules', what: (n) => `Firewall rule ${n}`, id: byName, describe: range },
      planned.access.firewallRules,
      deployed.access.firewallRules,
      (path, a, b) => diff.field(path, `Firewall rule ${a.name}`, range(a), range(b)),
    );
    const allowed = (on: boolean) => (on ? 'allowed' : 'not allowed');
    diff.field(
      'access.allowAzureServices',
      'Access from Azure services',
      allowed(planned.access.allowAzureServices),
      allowed(deployed.access.allowAzureServices),
    );
  }
  const onOff = (on: boolean) => (on ? 'on' : 'off');
  diff.field(
    'tls.requireSecureTransport',
    'require_secure_transport',
    onOff(planned.tls.requireSecureTransport),
    onOff(deployed.tls.requireSecureTransport),
  );
  diff.field('tls.minVersion', 'ssl_min_protocol_version', planned.tls.minVersion, deployed.tls.minVersion);
  diff.field('tls.maxVersion', 'ssl_max_protocol_version', planned.tls.maxVersion, deployed.tls.maxVersion);
  return diff.out;
}
