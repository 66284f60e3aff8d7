import { AZURE_REGIONS, DOCS, NSG_PORT_MAX, NSG_RULE_DESCRIPTION_MAX, NSG_SERVICE_TAGS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { parseCidrFast, parseIPv4Fast } from '../../domain/ipv4';
import type { NsgRule } from '../../domain/plan';
import { commandLineProblem, normalFormProblem, unsafeCharacterText, visible } from '../../domain/text-safety';
import { report, type Rule } from '../rule';
import { describedNsgs, NSG_PATH } from './nsg-helpers';

const REGIONS = new Set<string>(AZURE_REGIONS);

/** Why an entry names an application security group, or null (PGN-120 says why they are refused). */
function asgHint(text: string): string | null {
  if (/\/applicationSecurityGroups\//i.test(text)) return 'it is the ID of an application security group';
  if (/^asg[-_.]/i.test(text)) return 'it looks like the name of an application security group';
  return null;
}

/**
 * Why a source or destination entry is not an IPv4 address, aligned CIDR, `*` or service tag; null if it is. `server`:
 * the entry is in the delegated subnet's NSG, where PGN-120 refuses application security groups outright.
 */
function addressProblem(text: string, server: boolean): string | null {
  if (text === '*') return null;
  const control = unsafeCharacterText(text);
  if (control !== null) return `it contains ${control}`;
  if (/^[-@]/.test(text)) return commandLineProblem(text);
  if (text === '') return 'it is empty';
  if (text.trim() !== text) return 'it has spaces around it; remove them';
  const lower = text.toLowerCase();
  if (NSG_SERVICE_TAGS.has(lower)) return null;
  const dot = text.lastIndexOf('.');
  const tag = dot > 0 ? NSG_SERVICE_TAGS.get(lower.slice(0, dot)) : undefined;
  if (tag !== undefined) {
    if (!tag.regional) return `the service tag ${tag.name} has no regional form; write ${tag.name}`;
    const region = text.slice(dot + 1);
    if (REGIONS.has(region.toLowerCase())) return null;
    return (
      `"${region}" is not the programmatic name of an Azure region; regional service tags are written ` +
      `like ${tag.name}.westeurope`
    );
  }
  if (/[\s,;]/.test(text)) return 'it holds several values; put each address, CIDR block or tag in its own entry';
  if (/^[\d.]+(\/.*)?$/.test(text) || text.includes(':')) {
    const parsed = text.includes('/') ? parseCidrFast(text) : parseIPv4Fast(text);
    return parsed.ok ? null : parsed.error.message;
  }
  const asg = asgHint(text);
  if (asg !== null) {
    const why = server
      ? ', and flexible servers do not support NSG rules that use application security groups (PGN-120)'
      : '';
    return `${asg}${why}; use the IP ranges (CIDRs) it stands for`;
  }
  if (lower === 'any') return 'write * for any address';
  return (
    'it is not an IPv4 address, an aligned CIDR block, * or a service tag Azure knows ' +
    '(e.g. VirtualNetwork, Internet, AzureLoadBalancer, Storage.westeurope)'
  );
}

const PORT = /^(0|[1-9]\d{0,4})$/;

/** Why a port entry is not `*`, a port 0–65535 or a range low-high; null if it is. */
function portProblem(text: string): string | null {
  if (text === '*') return null;
  const control = unsafeCharacterText(text);
  if (control !== null) return `it contains ${control}`;
  if (/^[-@]/.test(text)) {
    // "-5" and "--access=Allow" alike: say why the value is dangerous, and what a port is.
    return `${commandLineProblem(text) ?? ''}; ports are *, 0–${NSG_PORT_MAX} or a range such as 1000-2000`;
  }
  if (text === '') return 'it is empty';
  if (text.trim() !== text) return 'it has spaces around it; remove them';
  if (/[\s,;]/.test(text)) return 'it holds several values; put each port or range in its own entry';
  const range = /^([^-]+)-([^-]+)$/.exec(text);
  const ends = range ? [range[1] as string, range[2] as string] : [text];
  for (const end of ends) {
    if (!PORT.test(end)) return `"${end}" is not a port number (0–${NSG_PORT_MAX}, no leading zeros, no spaces)`;
    if (Number(end) > NSG_PORT_MAX) return `${end} is above ${NSG_PORT_MAX}, the highest port`;
  }
  if (range && Number(ends[0]) > Number(ends[1])) return `the range starts above its end; write ${ends[1]}-${ends[0]}`;
  return null;
}

/** Why a rule description cannot be exported, or null. */
function descriptionProblem(text: string): string | null {
  const control = unsafeCharacterText(text);
  if (control !== null) return `it contains ${control}`;
  if (text.length > NSG_RULE_DESCRIPTION_MAX)
    return `it has ${text.length} characters (at most ${NSG_RULE_DESCRIPTION_MAX})`;
  return commandLineProblem(text) ?? normalFormProblem(text);
}

const FIELDS = [
  ['sourceAddresses', 'source', addressProblem],
  ['destinationAddresses', 'destination', addressProblem],
  ['sourcePorts', 'source port', portProblem],
  ['destinationPorts', 'destination port', portProblem],
] as const;

const findingsOfRules = new WeakMap<readonly NsgRule[], { path: string; findings: readonly Finding[] }>();

export const pgn125: Rule = {
  id: 'PGN-125',
  title: 'Each NSG rule field is well formed',
  severity: 'error',
  docs: DOCS.nsg,
  source: 'facts §2.4; seed, NSG',
  why:
    'Addresses are IPv4 addresses, aligned CIDR blocks, * or service tags Azure knows (regional forms use ' +
    'programmatic region names, e.g. Storage.westeurope); ports are *, 0–65535 or a range low-high. Azure ' +
    'refuses anything else, and a value such as "--access=Allow" would be read by the Azure CLI as an option: ' +
    'a Deny rule could be deployed as Allow. A field never names an application security group (PGN-120).',
  fix:
    'Put one address, CIDR block, service tag or port range in each entry, e.g. 10.0.1.0/24, VirtualNetwork, ' +
    '5432 or 1000-2000.',
  check(plan) {
    return describedNsgs(plan).flatMap(({ nsg, path }) => {
      // The same list of rules at the same place has the same findings (a plan changes by copying what changes).
      const cached = findingsOfRules.get(nsg.rules);
      if (cached?.path === path) return cached.findings;
      const findings: Finding[] = [];
      nsg.rules.forEach((rule, i) => {
        const where = `${path}.rules.${i}`;
        const ruleName = `NSG rule "${visible(rule.name)}"`;
        for (const [field, words, problemOf] of FIELDS) {
          rule[field].forEach((value, j) => {
            const problem = problemOf(value, path === NSG_PATH);
            if (problem === null) return;
            findings.push(
              report(
                this,
                `${where}.${field}.${j}`,
                `The ${words} "${visible(value)}" of ${ruleName} is not valid: ${problem.replace(/\.$/, '')}.`,
              ),
            );
          });
        }
        const problem = descriptionProblem(rule.description);
        if (problem !== null) {
          findings.push(
            report(
              this,
              `${where}.description`,
              `The description of ${ruleName} cannot be exported: ${problem}. Reword it.`,
            ),
          );
        }
      });
      findingsOfRules.set(nsg.rules, { path, findings });
      return findings;
    });
  },
};
