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
    // With private access, the endpoints a plan carries anyway (PGN-112) are reported here.
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
    // With public access: the VNets of private endpoints and of clients (see `visibleSteps`).
    modes: BOTH,
    // The server VNet's appliance is set here, with the other VNets' appliances and the routes that use them.
    owns: ['access.peeredVnets', 'access.peerings', 'access.routeTables', 'access.vnet.appliance', 'access.onPremises'],
  },
  {
    id: 'endpoints',
    label: 'Private endpoints',
    title: 'Private endpoints and their DNS zone',
    modes: ['public'],
    // The VNets' links to the zone and their subnets' endpoint policies are set here too (`findStepForPath`).
    owns: ['access.privateEndpoints', 'access.privateDnsZone'],
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

type Access = Plan['access'];
type Mode = Access['mode'];

/**
 * Whether public access `access` is the portal's "Public access (allowed IP addresses) and Private endpoint": it has
 * private endpoints. The wizard keeps at least one while that choice holds.
 */
export const hasPrivateEndpoints = (access: Access): boolean =>
  access.mode === 'public' && access.privateEndpoints.length > 0;

/**
 * Steps shown for this plan. Private access shows Firewall rules only when the plan carries some (PGN-111); public
 * access shows Private endpoints with endpoints, and Network with endpoints or with VNets or sites of its own.
 */
export function visibleSteps(plan: Plan): StepDef[] {
  const access = plan.access;
  return STEPS.filter((s) => {
    if (!s.modes.includes(access.mode)) return false;
    if (s.id === 'firewall' && access.mode === 'private') {
      return (access.firewallRules?.length ?? 0) > 0 || access.allowAzureServices === true;
    }
    if (access.mode === 'public' && s.id === 'endpoints') return hasPrivateEndpoints(access);
    if (access.mode === 'public' && s.id === 'peering')
      return hasPrivateEndpoints(access) || access.peeredVnets.length > 0 || access.onPremises.length > 0;
    return true;
  });
}

const stepOfPath = { private: new Map<string, StepId>(), public: new Map<string, StepId>() };

/**
 * The step whose fields contain `path` (the most specific owner) in access mode `mode`; the Review step owns the
 * rest. Memoised: the step list asks for every finding's step on every change of a large plan.
 */
export function stepForPath(path: string, mode: Mode): StepId {
  const memo = stepOfPath[mode];
  let step = memo.get(path);
  if (step === undefined) {
    step = findStepForPath(path, mode);
    if (memo.size > 50_000) memo.clear();
    memo.set(path, step);
  }
  return step;
}

/**
 * Each owned prefix and its step, per access mode. A step shown in one mode only owns before a step shown in both
 * (the private DNS zone is the DNS step's with private access, the Private endpoints step's with public access);
 * otherwise the first step that names a prefix owns it.
 */
const ownerOfPrefix = { private: new Map<string, StepId>(), public: new Map<string, StepId>() };
for (const mode of ['private', 'public'] as const) {
  const steps = STEPS.filter((s) => s.modes.includes(mode));
  for (const step of [...steps.filter((s) => s.modes.length === 1), ...steps.filter((s) => s.modes.length > 1)])
    for (const prefix of step.owns) if (!ownerOfPrefix[mode].has(prefix)) ownerOfPrefix[mode].set(prefix, step.id);
}

/** The most specific owned prefix of `path`: the path itself, then each shorter run of its segments. */
function findStepForPath(path: string, mode: Mode): StepId {
  // Zone links are chosen on the DNS step (server VNet) and the network step (other VNets); with public access, on
  // the Private endpoints step, with the subnets' endpoint policies.
  if (path === 'access.vnet.zoneLink') return 'dns';
  if (
    mode === 'public' &&
    /^access\.peeredVnets\.\d+\.(zoneLink|subnets\.\d+\.privateEndpointNetworkPolicies)$/.test(path)
  )
    return 'endpoints';
  let prefix = path;
  for (;;) {
    const owner = ownerOfPrefix[mode].get(prefix);
    if (owner !== undefined) return owner;
    const dot = prefix.lastIndexOf('.');
    if (dot === -1) return 'review';
    prefix = prefix.slice(0, dot);
  }
}

export function stepDef(id: StepId): StepDef {
  return STEPS.find((s) => s.id === id) ?? (STEPS[0] as StepDef);
}
