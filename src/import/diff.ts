/**
 * Planned against deployed: what the deployment lacks or has differently from the plan, object by object, matched by
 * name without regard to case (as Azure matches names, facts §2.6). Each difference says whether Azure can apply it
 * in place or only by creating the resource again.
 */
import type { Nsg, NsgRule, Plan, PrivateAccess } from '../domain/plan';

type DifferenceKind = 'missing' | 'extra' | 'changed';

export interface PlanDifference {
  /** Dotted plan path of the object in the plan (or, for an extra one, where it is deployed). */
  readonly path: string;
  readonly kind: DifferenceKind;
  /** What it is, in words: `VNet vnet-hub`, `NSG rule allow-app`. */
  readonly what: string;
  readonly planned: string;
  readonly deployed: string;
  /** Null when Azure applies the change in place; otherwise why it can't (and what it takes). */
  readonly notInPlace: string | null;
}

/** Why some changes can't be applied to what exists. */
const NOT_IN_PLACE = {
  // Seed ("networking-overview"): the networking mode can't be changed after the server is created.
  mode: "A server's networking mode can't change after it is created: a new server is needed (seed).",
  // facts §1.2 / PGN-110: a server can't move to another VNet or subnet.
  serverNetwork: 'A server cannot move to another VNet or subnet once deployed (azure-facts.md §1.2, PGN-110).',
  // facts §1.2: the delegated subnet's size can't change while resources are in it.
  subnetSize: "A subnet's address range can't change while resources are in it (azure-facts.md §1.2).",
  region: 'A resource stays in the region it was created in: a new one is needed.',
  zone: "An existing server's availability zone changes only by a failover to its standby, or a new server.",
} as const;

/** A value of the plan, as the difference shows it. */
type Shown = string | number | boolean | readonly string[] | null | undefined;

const show = (v: Shown): string =>
  v === null || v === undefined || v === '' ? '(none)' : Array.isArray(v) ? v.join(', ') || '(none)' : String(v);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const key = (name: string) => name.toLowerCase();

class Diff {
  readonly out: PlanDifference[] = [];

  field(path: string, what: string, planned: Shown, deployed: Shown, notInPlace: string | null = null): void {
    if (same(planned, deployed)) return;
    this.out.push({ path, kind: 'changed', what, planned: show(planned), deployed: show(deployed), notInPlace });
  }

  /** Matches two lists by name; `compare` is called for each pair found in both. */
  lists<T extends { name: string }>(
    base: string,
    noun: string,
    planned: readonly T[],
    deployed: readonly T[],
    compare: (path: string, p: T, d: T) => void,
    describe: (item: T) => string = () => 'exists',
  ): void {
    const byName = new Map(deployed.map((d) => [key(d.name), d]));
    planned.forEach((p, i) => {
      const d = byName.get(key(p.name));
      if (d === undefined)
        this.out.push({
          path: `${base}.${i}`,
          kind: 'missing',
          what: `${noun} ${p.name}`,
          planned: describe(p),
          deployed: '(not deployed)',
          notInPlace: null,
        });
      else compare(`${base}.${i}`, p, d);
    });
    const plannedNames = new Set(planned.map((p) => key(p.name)));
    deployed.forEach((d, i) => {
      if (!plannedNames.has(key(d.name)))
        this.out.push({
          path: `${base}.${i}`,
          kind: 'extra',
          what: `${noun} ${d.name}`,
          planned: '(not in the plan)',
          deployed: describe(d),
          notInPlace: null,
        });
    });
  }
}

const ruleText = (r: NsgRule) =>
  `${r.access} ${r.direction} ${r.protocol} priority ${r.priority} from ${r.sourceAddresses.join(',')}:` +
  `${r.sourcePorts.join(',')} to ${r.destinationAddresses.join(',')}:${r.destinationPorts.join(',')}`;

function nsgDiff(diff: Diff, path: string, planned: Nsg | null, deployed: Nsg | null): void {
  if (planned === null || deployed === null) {
    diff.field(path, 'NSG of the delegated subnet', planned?.name ?? null, deployed?.name ?? null);
    return;
  }
  diff.field(`${path}.name`, 'NSG of the delegated subnet', planned.name, deployed.name);
  diff.lists(
    `${path}.rules`,
    'NSG rule',
    planned.rules,
    deployed.rules,
    (p, a, b) => diff.field(p, `NSG rule ${a.name}`, ruleText(a), ruleText(b)),
    ruleText,
  );
}

function privateDiff(diff: Diff, p: PrivateAccess, d: PrivateAccess): void {
  diff.field('access.vnet.name', 'Server VNet', p.vnet.name, d.vnet.name, NOT_IN_PLACE.serverNetwork);
  diff.field('access.vnet.region', `VNet ${p.vnet.name} region`, p.vnet.region, d.vnet.region, NOT_IN_PLACE.region);
  diff.field(
    'access.vnet.addressSpaces',
    `VNet ${p.vnet.name} address spaces`,
    p.vnet.addressSpaces,
    d.vnet.addressSpaces,
  );
  diff.field('access.vnet.dns', `VNet ${p.vnet.name} DNS servers`, dnsText(p.vnet.dns), dnsText(d.vnet.dns));
  diff.field(
    'access.delegatedSubnet.name',
    'Delegated subnet',
    p.delegatedSubnet.name,
    d.delegatedSubnet.name,
    NOT_IN_PLACE.serverNetwork,
  );
  diff.field(
    'access.delegatedSubnet.prefix',
    `Delegated subnet ${p.delegatedSubnet.name} prefix`,
    p.delegatedSubnet.prefix,
    d.delegatedSubnet.prefix,
    NOT_IN_PLACE.subnetSize,
  );
  nsgDiff(diff, 'access.delegatedSubnet.nsg', p.delegatedSubnet.nsg, d.delegatedSubnet.nsg);
  diff.field('access.privateDnsZone.name', 'Private DNS zone', p.privateDnsZone?.name, d.privateDnsZone?.name);
  diff.lists('access.vnet.subnets', 'Subnet', p.vnet.subnets, d.vnet.subnets, (path, a, b) =>
    diff.field(`${path}.prefix`, `Subnet ${a.name} prefix`, a.prefix, b.prefix, NOT_IN_PLACE.subnetSize),
  );
  diff.field('access.vnet.zoneLink', `Zone link of VNet ${p.vnet.name}`, p.vnet.zoneLink, d.vnet.zoneLink);
  diff.lists('access.peeredVnets', 'VNet', p.peeredVnets, d.peeredVnets, (path, a, b) => {
    diff.field(`${path}.addressSpaces`, `VNet ${a.name} address spaces`, a.addressSpaces, b.addressSpaces);
    diff.field(`${path}.zoneLink`, `Zone link of VNet ${a.name}`, a.zoneLink, b.zoneLink);
    diff.field(`${path}.dns`, `VNet ${a.name} DNS servers`, dnsText(a.dns), dnsText(b.dns));
    diff.field(`${path}.appliance`, `Appliance in VNet ${a.name}`, a.appliance?.privateIp, b.appliance?.privateIp);
  });
  const peeringName = <T extends { from: string; to: string }>(x: T) => ({ ...x, name: `${x.from} → ${x.to}` });
  const flags = (x: { allowForwardedTraffic: boolean; allowGatewayTransit: boolean; useRemoteGateways: boolean }) =>
    `forwarded traffic ${x.allowForwardedTraffic ? 'allowed' : 'not allowed'}, gateway transit ` +
    `${x.allowGatewayTransit ? 'allowed' : 'not allowed'}, ` +
    `remote gateways ${x.useRemoteGateways ? 'used' : 'not used'}`;
  diff.lists(
    'access.peerings',
    'Peering',
    p.peerings.map(peeringName),
    d.peerings.map(peeringName),
    (path, a, b) => diff.field(path, `Peering ${a.name}`, flags(a), flags(b)),
    flags,
  );
  const routes = (t: PrivateAccess['routeTables'][number]) =>
    t.routes.map((r) => `${r.prefix} → ${r.nextHop}${r.nextHopIp ? ` ${r.nextHopIp}` : ''}`);
  diff.lists('access.routeTables', 'Route table', p.routeTables, d.routeTables, (path, a, b) => {
    diff.field(`${path}.subnets`, `Route table ${a.name} subnets`, a.subnets, b.subnets);
    diff.field(`${path}.routes`, `Route table ${a.name} routes`, routes(a), routes(b));
  });
}

const dnsText = (dns: PrivateAccess['vnet']['dns']): string =>
  dns.kind === 'azure' ? 'Azure-provided' : dns.servers.join(', ') || '(none)';

/** The differences between the plan and what is deployed (read by the importer). */
export function diffPlans(planned: Plan, deployed: Plan): PlanDifference[] {
  const diff = new Diff();
  diff.lists('servers', 'Server', planned.servers, deployed.servers, (path, a, b) => {
    diff.field(`${path}.region`, `Server ${a.name} region`, a.region, b.region, NOT_IN_PLACE.region);
    diff.field(`${path}.version`, `Server ${a.name} PostgreSQL version`, a.version, b.version);
    diff.field(
      `${path}.highAvailability`,
      `Server ${a.name} high availability`,
      a.highAvailability,
      b.highAvailability,
    );
    diff.field(
      `${path}.availabilityZone`,
      `Server ${a.name} availability zone`,
      a.availabilityZone ?? '',
      b.availabilityZone ?? '',
      NOT_IN_PLACE.zone,
    );
  });
  diff.field('access.mode', 'Networking mode', planned.access.mode, deployed.access.mode, NOT_IN_PLACE.mode);
  if (planned.access.mode === 'private' && deployed.access.mode === 'private')
    privateDiff(diff, planned.access, deployed.access);
  if (planned.access.mode === 'public' && deployed.access.mode === 'public') {
    const range = (r: { startIp: string; endIp: string }) => `${r.startIp} – ${r.endIp}`;
    diff.lists(
      'access.firewallRules',
      'Firewall rule',
      planned.access.firewallRules,
      deployed.access.firewallRules,
      (path, a, b) => diff.field(path, `Firewall rule ${a.name}`, range(a), range(b)),
      range,
    );
    diff.field(
      'access.allowAzureServices',
      'Access from Azure services',
      planned.access.allowAzureServices,
      deployed.access.allowAzureServices,
    );
  }
  diff.field(
    'tls.requireSecureTransport',
    'require_secure_transport',
    planned.tls.requireSecureTransport,
    deployed.tls.requireSecureTransport,
  );
  diff.field('tls.minVersion', 'ssl_min_protocol_version', planned.tls.minVersion, deployed.tls.minVersion);
  diff.field('tls.maxVersion', 'ssl_max_protocol_version', planned.tls.maxVersion, deployed.tls.maxVersion);
  return diff.out;
}
