/** The wizard's steps, which access mode shows them, and which plan fields each one owns. */
import type { Plan } from '../../domain/plan';
import type { StepId } from '../../store/store';

export interface StepDef {
  id: StepId;
  title: string;
  /** Short label for the step list. */
  label: string;
  modes: readonly ('private' | 'public')[];
  /** Plan paths (prefixes) whose fields are edited on this step. */
  owns: readonly string[];
}

const BOTH = ['private', 'public'] as const;

export const STEPS: readonly StepDef[] = [
  { id: 'basics', label: 'Basics', title: 'Basics', modes: BOTH, owns: ['name', 'servers'] },
  {
    id: 'connectivity',
    label: 'Connectivity method',
    title: 'Connectivity method',
    modes: BOTH,
    owns: ['access.mode', 'access.privateEndpoints'],
  },
  { id: 'vnet', label: 'Virtual network', title: 'Virtual network', modes: ['private'], owns: ['access.vnet'] },
  {
    id: 'subnet',
    label: 'Delegated subnet',
    title: 'Delegated subnet and NSG',
    modes: ['private'],
    owns: ['access.delegatedSubnet'],
  },
  {
    id: 'dns',
    label: 'Private DNS zone',
    title: 'Private DNS zone',
    modes: ['private'],
    owns: ['access.privateDnsZone'],
  },
  {
    // The id stays `peering`: saved states and links to the step name it.
    id: 'peering',
    label: 'Network',
    title: 'Network: other VNets, peerings, routes and on-premises',
    modes: ['private'],
    // The server VNet's appliance is set here, with the other VNets' appliances and the routes that use them.
    owns: ['access.peeredVnets', 'access.peerings', 'access.routeTables', 'access.vnet.appliance', 'access.onPremises'],
  },
  {
    id: 'firewall',
    label: 'Firewall rules',
    title: 'Firewall rules',
    modes: BOTH,
    owns: ['access.publicNetworkAccess', 'access.firewallRules', 'access.allowAzureServices'],
  },
  { id: 'security', label: 'Security', title: 'Security (TLS)', modes: BOTH, owns: ['tls'] },
  { id: 'clients', label: 'Clients', title: 'Clients', modes: BOTH, owns: ['clients'] },
  { id: 'review', label: 'Review', title: 'Review', modes: BOTH, owns: [] },
];

/** Steps shown for this plan. Private access shows Firewall rules only when the plan carries some (PGN-111). */
export function visibleSteps(plan: Plan): StepDef[] {
  const mode = plan.access.mode;
  return STEPS.filter((s) => {
    if (!s.modes.includes(mode)) return false;
    if (s.id === 'firewall' && plan.access.mode === 'private') {
      return (plan.access.firewallRules?.length ?? 0) > 0 || plan.access.allowAzureServices === true;
    }
    return true;
  });
}

const stepOfPath = new Map<string, StepId>();

/**
 * The step whose fields contain `path` (the most specific owner); the Review step owns the rest.
 * Memoised: the step list asks for every finding's step on every change of a large plan.
 */
export function stepForPath(path: string): StepId {
  let step = stepOfPath.get(path);
  if (step === undefined) {
    step = findStepForPath(path);
    if (stepOfPath.size > 50_000) stepOfPath.clear();
    stepOfPath.set(path, step);
  }
  return step;
}

/** Each owned prefix and its step; where two steps named the same prefix, the first one owns it. */
const ownerOfPrefix = new Map<string, StepId>();
for (const step of STEPS)
  for (const prefix of step.owns) if (!ownerOfPrefix.has(prefix)) ownerOfPrefix.set(prefix, step.id);

/** The most specific owned prefix of `path`: the path itself, then each shorter run of its segments. */
function findStepForPath(path: string): StepId {
  // Zone links are chosen on the DNS step (server VNet) and the network step (other VNets).
  if (path === 'access.vnet.zoneLink') return 'dns';
  let prefix = path;
  for (;;) {
    const owner = ownerOfPrefix.get(prefix);
    if (owner !== undefined) return owner;
    const dot = prefix.lastIndexOf('.');
    if (dot === -1) return 'review';
    prefix = prefix.slice(0, dot);
  }
}

export function stepDef(id: StepId): StepDef {
  return STEPS.find((s) => s.id === id) ?? (STEPS[0] as StepDef);
}
