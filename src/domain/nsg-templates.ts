/**
 * NSG rule templates and the text form of NSG lists. The high-availability template is the traffic
 * the seed's HA paragraph and facts §1.6 require: TCP 5432 and 6432 inbound and outbound within the
 * delegated subnet, and outbound TCP 443 to Azure Storage (`Storage.<Region>`).
 */
import { NSG_PRIORITY_MAX, NSG_PRIORITY_MIN, PGBOUNCER_PORT, POSTGRES_PORT, STORAGE_PORT } from './azure';
import { formatCidr, parseCidr } from './ipv4';
import type { NsgRule } from './plan';
import { HA_STORAGE_DESCRIPTION, storageTagFor } from './storage-tag';

/** Splits comma-, semicolon- or whitespace-separated text into trimmed, non-empty entries. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The text form of a list, as the rules table shows it. */
export function joinList(items: readonly string[]): string {
  return items.join(', ');
}

type RuleTemplate = Omit<NsgRule, 'priority'>;

/** The rules high availability needs, for a delegated subnet (an aligned CIDR) in a region. */
export function haRuleTemplates(subnetPrefix: string, region: string): RuleTemplate[] {
  const ports = [String(POSTGRES_PORT), String(PGBOUNCER_PORT)];
  // Fresh arrays for every rule: the rules go into the plan and are edited one by one.
  const base = () => ({
    access: 'Allow' as const,
    protocol: 'Tcp' as const,
    sourcePorts: ['*'],
    sourceAddresses: [subnetPrefix],
    sourceAsgs: [] as string[],
    destinationAsgs: [] as string[],
  });
  return [
    {
      ...base(),
      name: 'AllowPostgresHaInbound',
      direction: 'Inbound',
      destinationAddresses: [subnetPrefix],
      destinationPorts: ports,
      description: 'High availability: PostgreSQL 5432 and 6432 within the delegated subnet.',
    },
    {
      ...base(),
      name: 'AllowPostgresHaOutbound',
      direction: 'Outbound',
      destinationAddresses: [subnetPrefix],
      destinationPorts: ports,
      description: 'High availability: PostgreSQL 5432 and 6432 within the delegated subnet.',
    },
    {
      ...base(),
      name: 'AllowStorageOutbound',
      direction: 'Outbound',
      destinationAddresses: [storageTagFor(region)],
      destinationPorts: [String(STORAGE_PORT)],
      description: HA_STORAGE_DESCRIPTION,
    },
  ];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const norm = (l: readonly string[]) => [...new Set(l.map((s) => s.toLowerCase()))].sort().join(',');
  return norm(a) === norm(b);
};

/** True when `rule` is the template in everything but name, priority and description. */
function matchesTemplate(rule: NsgRule, t: RuleTemplate): boolean {
  return (
    rule.direction === t.direction &&
    rule.access === t.access &&
    rule.protocol === t.protocol &&
    sameSet(rule.sourceAddresses, t.sourceAddresses) &&
    sameSet(rule.destinationAddresses, t.destinationAddresses) &&
    sameSet(rule.sourcePorts, t.sourcePorts) &&
    sameSet(rule.destinationPorts, t.destinationPorts)
  );
}

/**
 * The lowest free priority of a direction (lower = evaluated first, so the new allow rules win over
 * the user's deny rules), trying multiples of 10 first and then any number in 100–4096.
 */
export function freePriority(used: ReadonlySet<number>): number | null {
  for (let p = NSG_PRIORITY_MIN; p <= NSG_PRIORITY_MAX; p += 10) if (!used.has(p)) return p;
  for (let p = NSG_PRIORITY_MIN; p <= NSG_PRIORITY_MAX; p += 1) if (!used.has(p)) return p;
  return null;
}

function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i += 1) {
    const candidate = `${name}-${i}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export type HaRulesResult = { ok: true; added: NsgRule[]; alreadyPresent: string[] } | { ok: false; message: string };

/**
 * The HA rules to append to `existing`: each template not already present (same traffic), at the
 * lowest free priority of its direction and with a name not yet used in the NSG.
 */
export function haRulesToAdd(existing: readonly NsgRule[], subnetPrefix: string, region: string): HaRulesResult {
  const parsed = parseCidr(subnetPrefix);
  if (!parsed.ok) {
    return {
      ok: false,
      message:
        `The HA rules are scoped to the delegated subnet, so it needs a valid ` +
        `prefix first: ${parsed.error.message}`,
    };
  }
  const prefix = formatCidr(parsed.value);
  const used = { Inbound: new Set<number>(), Outbound: new Set<number>() };
  for (const r of existing) used[r.direction].add(r.priority);
  const names = new Set(existing.map((r) => r.name.toLowerCase()));
  const added: NsgRule[] = [];
  const alreadyPresent: string[] = [];
  for (const t of haRuleTemplates(prefix, region)) {
    const present = existing.find((r) => matchesTemplate(r, t));
    if (present !== undefined) {
      alreadyPresent.push(present.name);
      continue;
    }
    const priority = freePriority(used[t.direction]);
    if (priority === null) {
      return {
        ok: false,
        message:
          `Every ${t.direction.toLowerCase()} priority from ${NSG_PRIORITY_MIN} to ` + `${NSG_PRIORITY_MAX} is taken.`,
      };
    }
    used[t.direction].add(priority);
    const name = uniqueName(t.name, names);
    names.add(name.toLowerCase());
    added.push({ ...t, name, priority });
  }
  return { ok: true, added, alreadyPresent };
}

/** A blank rule for an "Add" button: allow TCP 5432, at the lowest free priority of its direction (inbound). */
export function newNsgRule(existing: readonly NsgRule[], direction: NsgRule['direction'] = 'Inbound'): NsgRule {
  const used = new Set(existing.filter((r) => r.direction === direction).map((r) => r.priority));
  const names = new Set(existing.map((r) => r.name.toLowerCase()));
  return {
    name: uniqueName(`rule-${existing.length + 1}`, names),
    priority: freePriority(used) ?? NSG_PRIORITY_MAX,
    direction,
    access: 'Allow',
    protocol: 'Tcp',
    sourceAddresses: ['VirtualNetwork'],
    sourcePorts: ['*'],
    destinationAddresses: ['*'],
    destinationPorts: [String(POSTGRES_PORT)],
    sourceAsgs: [],
    destinationAsgs: [],
    description: '',
  };
}
