import type { Finding } from '../../domain/finding';
import type { Plan } from '../../domain/plan';
import { closestRegion, regionByName } from '../../domain/regions';
import { visible } from '../../domain/text-safety';
import { report, type Rule } from '../rule';

/** Microsoft Learn "Azure regions list", the source of the region catalog (domain/regions.ts). */
const REGIONS_LIST = 'https://learn.microsoft.com/azure/reliability/regions-list';

interface RegionField {
  path: string;
  /** What the region belongs to, e.g. `server "pg-1"`. */
  owner: string;
  value: string;
}

function regionFields(plan: Plan): RegionField[] {
  const fields: RegionField[] = plan.servers.map((s, i) => ({
    path: `servers.${i}.region`,
    owner: `server "${visible(s.name)}"`,
    value: s.region,
  }));
  if (plan.access.mode === 'private') {
    const { vnet, peeredVnets } = plan.access;
    fields.push({ path: 'access.vnet.region', owner: `VNet "${visible(vnet.name)}"`, value: vnet.region });
    peeredVnets.forEach((v, i) =>
      fields.push({ path: `access.peeredVnets.${i}.region`, owner: `VNet "${visible(v.name)}"`, value: v.region }),
    );
  }
  return fields;
}

/** What is wrong with a region value, as a message for its owner; null when it is a programmatic name. */
type RegionProblem = ((owner: string) => string) | null;

function problemOf(value: string): RegionProblem {
  if (value.trim() === '')
    return (owner) => `The ${owner} has no region. Choose one of Azure's regions, e.g. westeurope.`;
  const known = regionByName(value);
  const quoted = `"${visible(value)}"`;
  if (known !== undefined) {
    if (known.name === value) return null;
    return (owner) =>
      `The region ${quoted} of ${owner} is written as Azure's display name or in another spelling; ` +
      `templates, the Azure CLI and service tags take the programmatic name ${known.name}. Use ${known.name}.`;
  }
  const near = closestRegion(value);
  const advice =
    near === undefined
      ? ' Choose one from the list, by its programmatic name (e.g. westeurope) or its display name (West Europe).'
      : ` Did you mean ${near.name} (${near.displayName})?`;
  return (owner) => `The region ${quoted} of ${owner} is not one of Azure's regions.${advice}`;
}

export const pgn010: Rule = {
  id: 'PGN-010',
  title: "A region is one of Azure's regions, written as its programmatic name",
  severity: 'error',
  docs: REGIONS_LIST,
  source: 'Microsoft Learn regions list',
  why:
    'Azure deploys only to its own regions, and templates, the Azure CLI and regional service tags ' +
    '(Storage.westeurope) take the programmatic name: a misspelt region stops the deployment, and a display ' +
    'name makes service tags that Azure does not know.',
  fix:
    'Pick the region from the list. A display name (West Europe) is converted to the programmatic name ' +
    '(westeurope) when the field is left and when a plan is opened.',
  check(plan) {
    const findings: Finding[] = [];
    // Many VNets may share one misspelt region: look each value up once.
    const seen = new Map<string, RegionProblem>();
    for (const field of regionFields(plan)) {
      let found = seen.get(field.value);
      if (found === undefined) seen.set(field.value, (found = problemOf(field.value)));
      if (found !== null) findings.push(report(this, field.path, found(field.owner)));
    }
    return findings;
  },
};
