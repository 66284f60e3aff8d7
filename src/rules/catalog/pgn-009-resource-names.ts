import { AZURE_NAME_RULES, DOCS, type AzureNameRule } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import type { Plan } from '../../domain/plan';
import { describeNameRule, nameProblems, peeringName, suggestName } from '../../domain/resource-names';
import {
  commandLineProblem,
  hasUnsafeCharacter,
  normalFormProblem,
  unsafeCharacterText,
  visible,
} from '../../domain/text-safety';
import { report, type Rule } from '../rule';

/** A resource name of the plan, where it is and which naming rule applies. */
interface NamedResource {
  path: string;
  name: string;
  rule: AzureNameRule;
  fallback: string;
}

function namedResources(plan: Plan): NamedResource[] {
  const out: NamedResource[] = [];
  const rg = (path: string, name: string) => {
    // '' = the resource group the deployment targets.
    if (name !== '') out.push({ path, name, rule: AZURE_NAME_RULES.resourceGroup, fallback: 'rg-postgres' });
  };
  plan.servers.forEach((s, i) => rg(`servers.${i}.resourceGroup`, s.resourceGroup));
  const a = plan.access;
  const vnet = AZURE_NAME_RULES.virtualNetwork;
  const subnet = AZURE_NAME_RULES.subnet;
  if (a.mode === 'private') {
    out.push({ path: 'access.vnet.name', name: a.vnet.name, rule: vnet, fallback: 'vnet-postgres' });
    rg('access.vnet.resourceGroup', a.vnet.resourceGroup);
    a.vnet.subnets.forEach((s, i) =>
      out.push({ path: `access.vnet.subnets.${i}.name`, name: s.name, rule: subnet, fallback: 'snet-app' }),
    );
    out.push({ path: 'access.delegatedSubnet.name', name: a.delegatedSubnet.name, rule: subnet, fallback: 'snet-pg' });
    const nsg = a.delegatedSubnet.nsg;
    if (nsg !== null) {
      const base = 'access.delegatedSubnet.nsg';
      out.push({
        path: `${base}.name`,
        name: nsg.name,
        rule: AZURE_NAME_RULES.networkSecurityGroup,
        fallback: 'nsg-pg',
      });
      nsg.rules.forEach((r, i) =>
        out.push({
          path: `${base}.rules.${i}.name`,
          name: r.name,
          rule: AZURE_NAME_RULES.securityRule,
          fallback: 'rule',
        }),
      );
    }
  }
  if (a.privateDnsZone !== null) rg('access.privateDnsZone.resourceGroup', a.privateDnsZone.resourceGroup);
  a.peeredVnets.forEach((p, i) => {
    out.push({ path: `access.peeredVnets.${i}.name`, name: p.name, rule: vnet, fallback: 'vnet-spoke' });
    rg(`access.peeredVnets.${i}.resourceGroup`, p.resourceGroup);
    p.subnets.forEach((s, j) =>
      out.push({ path: `access.peeredVnets.${i}.subnets.${j}.name`, name: s.name, rule: subnet, fallback: 'snet-app' }),
    );
  });
  (a.mode === 'private' ? a.routeTables : []).forEach((t, i) => {
    const base = `access.routeTables.${i}`;
    out.push({ path: `${base}.name`, name: t.name, rule: AZURE_NAME_RULES.routeTable, fallback: 'rt-spoke' });
    t.routes.forEach((r, j) =>
      out.push({ path: `${base}.routes.${j}.name`, name: r.name, rule: AZURE_NAME_RULES.route, fallback: 'to-hub' }),
    );
  });
  (a.privateEndpoints ?? []).forEach((e, i) => {
    out.push({
      path: `access.privateEndpoints.${i}.name`,
      name: e.name,
      rule: AZURE_NAME_RULES.privateEndpoint,
      fallback: 'pe-postgres',
    });
  });
  if (a.mode === 'public')
    a.privateEndpoints.forEach((e, i) => rg(`access.privateEndpoints.${i}.resourceGroup`, e.resourceGroup));
  return out;
}

/**
 * Fields another error rule already refuses when they hold anything but their syntax (addresses,
 * prefixes, ports, the zone name, server and firewall rule names, NSG rule fields), or that the
 * naming check above reads: their control characters are reported there, once.
 */
const CHECKED_ELSEWHERE = [
  /^servers\.\d+\.(name|resourceGroup)$/,
  /^access\.(vnet|peeredVnets\.\d+)\.(name|resourceGroup|addressSpaces\.\d+|dns\.servers\.\d+)$/,
  /^access\.vnet\.subnets\.\d+\.(name|prefix)$/,
  /^access\.peeredVnets\.\d+\.subnets\.\d+\.name$/,
  /^access\.routeTables\.\d+\.(name|routes\.\d+\.name)$/,
  /^access\.delegatedSubnet\.(name|prefix|nsg\.name)$/,
  /^access\.delegatedSubnet\.nsg\.rules\.\d+\./,
  /^access\.privateDnsZone\.(name|resourceGroup)$/,
  /^access\.privateEndpoints\.\d+\.(name|resourceGroup)$/,
  /^access\.firewallRules\.\d+\./,
];

/** A string this rule looks at closer (see `isCandidate`), or a child object or list holding some. */
type Hit =
  | { readonly key: string | number; readonly text: string }
  | { readonly key: string | number; readonly inner: readonly Hit[] };

const NO_HITS: readonly Hit[] = [];

/** A string under `key` that may need a finding: a subscription, a region, or text with an unsafe character. */
const isCandidate = (key: string | number, text: string): boolean =>
  key === 'subscription' || key === 'region' || hasUnsafeCharacter(text);

const hitsCache = new WeakMap<object, readonly Hit[]>();
const KEPT_LIST_LENGTH = 16;

/**
 * The candidate strings inside `value`, by the keys that lead to them. Large plans hold many thousands of
 * strings and an edit changes a few: plans change by copying what changes (`setIn`), so a long list's answer is
 * kept for that list, and an edit reads again only the lists on its path.
 */
function hitsOf(value: object): readonly Hit[] {
  // Only long lists are kept: they are what an edit elsewhere leaves alone, and keeping every small object
  // would cost the first check of a large plan more than it saves.
  const kept = Array.isArray(value) && value.length >= KEPT_LIST_LENGTH;
  const cached = kept ? hitsCache.get(value) : undefined;
  if (cached !== undefined) return cached;
  let hits: Hit[] | null = null;
  // No closure per object: this runs on every object of the plan at each check.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) hits = visitHit(hits, i, value[i]);
  } else {
    const record = value as Record<string, unknown>;
    for (const k of Object.keys(record)) hits = visitHit(hits, k, record[k]);
  }
  const result = hits ?? NO_HITS;
  if (kept) hitsCache.set(value, result);
  return result;
}

/** `hits` with what `child` adds under `key` (a list made only when there is something to add). */
function visitHit(hits: Hit[] | null, key: string | number, child: unknown): Hit[] | null {
  if (typeof child === 'string') {
    if (isCandidate(key, child)) (hits ??= []).push({ key, text: child });
  } else if (child !== null && typeof child === 'object') {
    const inner = hitsOf(child);
    if (inner.length > 0) (hits ??= []).push({ key, inner });
  }
  return hits;
}

/** Each candidate string of `hits`, with the keys that lead to it (`keys` is reused: join it to keep it). */
function eachCandidate(
  hits: readonly Hit[],
  keys: (string | number)[],
  visit: (keys: readonly (string | number)[], text: string) => void,
): void {
  for (const hit of hits) {
    keys.push(hit.key);
    if ('text' in hit) visit(keys, hit.text);
    else eachCandidate(hit.inner, keys, visit);
    keys.pop();
  }
}

const FIELD_WORDS: Record<string, string> = {
  region: 'region',
  subscription: 'subscription',
  address: 'address',
  subnet: 'subnet',
  vnet: 'VNet',
  site: 'site',
  gatewayVnet: 'gateway VNet',
  existingDelegation: 'delegation',
  otherResourceTypes: 'resource type',
  addressRanges: 'address range',
};

/** `Client name "x"`, `The region "x" of server "pg-1"`, … : a free-text field and its value, for messages. */
function describeField(plan: Plan, path: string, value: string): string {
  const keys = path.split('.');
  const field = [...keys].reverse().find((k) => !/^\d+$/.test(k)) ?? path;
  const owner = (): { kind: string; name: string | null } => {
    const at = (p: string) => {
      let v: unknown = plan;
      for (const k of p.split('.')) v = (v as Record<string, unknown> | undefined)?.[k];
      return typeof v === 'string' ? `"${visible(v)}"` : null;
    };
    const [k0, k1, k2] = keys;
    if (k0 === 'servers') return { kind: 'server', name: at(`servers.${k1}.name`) };
    if (k0 === 'clients') return { kind: 'client', name: at(`clients.${k1}.name`) };
    if (k0 === 'access' && k1 === 'onPremises')
      return { kind: 'on-premises site', name: at(`access.onPremises.${k2}.name`) };
    if (k0 === 'access' && k1 === 'peeredVnets') return { kind: 'VNet', name: at(`access.peeredVnets.${k2}.name`) };
    if (k0 === 'access' && k1 === 'vnet') return { kind: 'VNet', name: at('access.vnet.name') };
    if (k0 === 'access' && k1 === 'privateEndpoints')
      return { kind: 'private endpoint', name: at(`access.privateEndpoints.${k2}.name`) };
    if (k0 === 'access' && k1 === 'delegatedSubnet') return { kind: 'delegated subnet', name: null };
    if (k0 === 'access' && k1 === 'privateDnsZone') return { kind: 'private DNS zone', name: null };
    return { kind: 'plan', name: null };
  };
  const o = owner();
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const quoted = `"${visible(value)}"`;
  if (field === 'name') return `${capital(o.kind)} name ${quoted}`;
  const words = FIELD_WORDS[field] ?? field;
  return `The ${words} ${quoted} of ${o.name === null ? `the ${o.kind}` : `${o.kind} ${o.name}`}`;
}

const SUBSCRIPTION_PATH = /^(servers\.\d+|access\.privateDnsZone|access\.peeredVnets\.\d+)\.subscription$/;
const REGION_PATH = /^servers\.\d+\.region$/;

export const pgn009: Rule = {
  id: 'PGN-009',
  title: "Every named resource follows Azure's naming rules for its type",
  severity: 'error',
  docs: DOCS.nameRules,
  source: 'Azure naming rules (Microsoft Learn, "Naming rules and restrictions for Azure resources")',
  why:
    'Azure refuses a VNet, subnet, NSG, NSG rule, peering, zone link, private endpoint or resource group whose ' +
    'name breaks the rules for its type (length, allowed characters, first and last character), so the ' +
    'deployment stops halfway. Text that no naming rule covers (the plan name, client names, regions, ' +
    'subscriptions) must hold no control characters: they break the exported files, the diagram and terminals.',
  fix:
    'Rename the resource as the message says (e.g. vnet-orders, snet-postgres, rg-orders-data), and remove ' +
    'control characters from any text.',
  check(plan) {
    const findings: Finding[] = [];
    for (const r of namedResources(plan)) {
      const problems = nameProblems(r.rule, r.name);
      if (problems.length === 0) continue;
      findings.push(
        report(
          this,
          r.path,
          (r.name === ''
            ? `${r.rule.resource} name is empty. `
            : `${r.rule.resource} name "${visible(r.name)}" is not valid: ${problems.join(', ')}. `) +
            `Use ${describeNameRule(r.rule)}, e.g. "${suggestName(r.rule, r.name, r.fallback)}".`,
        ),
      );
    }
    // The exports name each peering <local VNet>-to-<remote VNet> (the zone links <VNet>-link always
    // fit: a valid VNet name has at most 64 characters and the link rule allows 80).
    const peering = AZURE_NAME_RULES.virtualNetworkPeering;
    const vnetOk = (n: string) => nameProblems(AZURE_NAME_RULES.virtualNetwork, n).length === 0;
    plan.access.peerings.forEach((p, k) => {
      if (!vnetOk(p.from) || !vnetOk(p.to)) return;
      const name = peeringName(p.from, p.to);
      if (name.length <= peering.max) return;
      findings.push(
        report(
          this,
          `access.peerings.${k}`,
          `The peering from VNet "${p.from}" to "${p.to}" is named "${name}" in the exports ` +
            `(<VNet>-to-<VNet>), which has ${name.length} characters; Azure allows at most ${peering.max} for a ` +
            `peering name. Shorten the two VNet names by ${name.length - peering.max} characters together.`,
        ),
      );
    });
    eachCandidate(hitsOf(plan), [], (keys, text) => {
      const path = keys.join('.');
      const subscription = SUBSCRIPTION_PATH.test(path);
      // Subscriptions and the servers' region reach the exports as typed (templates, variables, az).
      const verbatim = subscription || REGION_PATH.test(path);
      const unsafe = unsafeCharacterText(text);
      if (!verbatim && unsafe === null) return;
      // What is wrong first, and the message's words only then: most candidates are fine.
      const problem =
        unsafe !== null ? null : ((subscription ? commandLineProblem(text) : null) ?? normalFormProblem(text));
      if (unsafe === null && problem === null) return;
      if (CHECKED_ELSEWHERE.some((re) => re.test(path))) return;
      const field = describeField(plan, path, text);
      if (unsafe !== null) {
        findings.push(
          report(
            this,
            path,
            `${field} contains ${unsafe}: such characters break the exported files, the diagram and terminals. ` +
              'Remove it.',
          ),
        );
        return;
      }
      const hint = subscription ? ' Give the subscription ID (a GUID, PGN-012).' : '';
      findings.push(report(this, path, `${field} cannot be used: ${problem}.${hint}`));
    });
    return findings;
  },
};
