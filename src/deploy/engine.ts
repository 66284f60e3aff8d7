/**
 * Replays a deployment's steps against a model of what Azure checks at creation time. ARM, Bicep and Terraform
 * run steps that are not ordered in parallel, so a step can count on another only when it follows it through
 * `after` edges: the engine takes the worst order the graph allows. (The az script's reader chains every step to
 * the previous one, so there it is the script's order.)
 */
import { cidrRange, parseCidr, parseIPv4, rangeContains } from '../domain/ipv4';
import type { Plan } from '../domain/plan';
import type { ResourceId, ScriptStep, StepProps } from '../exporters/steps';
import { CONSTRAINTS, CONSTRAINT_LIST } from './constraints';
import type { Constraint, DeployFormat, DeployStep, DryRunReport, Refusal } from './types';
import {
  delegatedToPostgres,
  describeId,
  GUID,
  idPropValues,
  OWN_SUBSCRIPTION,
  parentOf,
  parseResourceId,
  regionKey,
  subscriptionOf,
  worldOf,
  type World,
} from './world';

/** The steps a reader produced can't be ordered: a reader bug, not a deployment problem. */
export class DryRunGraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DryRunGraphError';
  }
}

const PEERING = 'microsoft.network/virtualnetworks/virtualnetworkpeerings';
const SERVER = 'microsoft.dbforpostgresql/flexibleservers';
const SUBNET = 'microsoft.network/virtualnetworks/subnets';
const ENDPOINT = 'microsoft.network/privateendpoints';

/** The ID of the resource a step writes or reads (a `#…` suffix only keeps step IDs unique). */
const resourceOf = (s: DeployStep): ResourceId => {
  if (s.target !== undefined) return s.target;
  const hash = s.id.indexOf('#');
  return hash < 0 ? s.id : s.id.slice(0, hash);
};

/** A deterministic topological order: among the steps that may run, the one listed first goes first. */
function order(steps: readonly DeployStep[]): { sorted: number[]; preds: number[][] } {
  const indexById = new Map<string, number>();
  steps.forEach((s, i) => {
    if (indexById.has(s.id)) throw new DryRunGraphError(`Two steps have the ID ${s.id}.`);
    indexById.set(s.id, i);
  });
  const preds: number[][] = steps.map((s) =>
    s.after.map((a) => {
      const j = indexById.get(a.step);
      if (j === undefined)
        throw new DryRunGraphError(`Step ${s.id} (${s.source.file}) follows ${a.step}, which is not a step.`);
      return j;
    }),
  );
  // The steps waiting for each step, a linked list per step in one array of pairs (an array per step would cost
  // more than its edges): step `j`'s first pair is at `first[j]`, and a pair at `e` is the next pair's index and
  // the waiting step.
  const first = steps.map(() => -1);
  const links: number[] = [];
  const waiting = preds.map((p, i) => {
    const distinct = p.length < 2 ? p : p.filter((j, k) => p.indexOf(j) === k);
    for (const j of distinct) first[j] = links.push(first[j] as number, i) - 2;
    return distinct.length;
  });
  // A binary min-heap of the steps that may run: the one listed first goes first.
  const ready: number[] = [];
  const push = (x: number) => {
    let at = ready.push(x) - 1;
    while (at > 0) {
      const up = (at - 1) >> 1;
      if ((ready[up] as number) <= x) break;
      ready[at] = ready[up] as number;
      at = up;
    }
    ready[at] = x;
  };
  const pop = (): number => {
    const top = ready[0] as number;
    const last = ready.pop() as number;
    if (ready.length > 0) {
      let at = 0;
      for (;;) {
        const l = 2 * at + 1;
        if (l >= ready.length) break;
        const r = l + 1;
        const c = r < ready.length && (ready[r] as number) < (ready[l] as number) ? r : l;
        if ((ready[c] as number) >= last) break;
        ready[at] = ready[c] as number;
        at = c;
      }
      ready[at] = last;
    }
    return top;
  };
  waiting.forEach((w, i) => {
    if (w === 0) push(i);
  });
  const sorted: number[] = [];
  while (ready.length > 0) {
    const i = pop();
    sorted.push(i);
    for (let e = first[i] as number; e >= 0; e = links[e] as number) {
      const j = links[e + 1] as number;
      waiting[j] = (waiting[j] as number) - 1;
      if (waiting[j] === 0) push(j);
    }
  }
  if (sorted.length < steps.length) {
    const stuck = steps.filter((_, i) => (waiting[i] as number) > 0).map((s) => s.id);
    throw new DryRunGraphError(`The steps' order has a cycle among: ${stuck.join(', ')}.`);
  }
  return { sorted, preds };
}

const EMPTY: StepProps = Object.freeze({});
const NONE: readonly ResourceId[] = Object.freeze([]);

/** The child types the checks list under their parent. */
type ChildType = 'virtualnetworkpeerings' | 'virtualnetworklinks';

/** How every ID in the deployment's own subscription starts, in the shared spelling (`world.ts`). */
const OWN_PREFIX = `/subscriptions/${OWN_SUBSCRIPTION}/`;

interface Seen {
  exists: boolean;
  props: StepProps;
  /** The step that last wrote it, if any. */
  by: number | null;
}

class Replay {
  /** Every step's ancestor bits, one row of `words` words per step (step `i`'s row starts at `i * words`). */
  private readonly ancestors: Uint32Array;
  private readonly words: number;
  readonly writers = new Map<ResourceId, number[]>();
  readonly position: number[];
  /** Per step: the resource it writes or reads (`resourceOf`), and its type in lower case. */
  readonly res: ResourceId[];
  readonly type: string[];
  /** Per ID: its subscription segment when that is not a GUID nor the deployment's own, else null. */
  private readonly badSubscriptions = new Map<ResourceId, string | null>();

  constructor(
    readonly steps: readonly DeployStep[],
    readonly world: World,
    sorted: readonly number[],
    preds: readonly number[][],
  ) {
    const words = Math.ceil(steps.length / 32) || 1;
    // One buffer for all the rows (not a view per step: a thousand views cost more than the bits).
    const bits = new Uint32Array(words * steps.length);
    this.ancestors = bits;
    this.words = words;
    this.position = new Array<number>(steps.length);
    this.res = steps.map(resourceOf);
    // A plan has a handful of types and a thousand steps: each type is lower-cased once.
    const lower = new Map<string, string>();
    this.type = steps.map((s) => {
      let t = lower.get(s.type);
      if (t === undefined) {
        t = s.type.toLowerCase();
        lower.set(s.type, t);
      }
      return t;
    });
    sorted.forEach((i, pos) => {
      this.position[i] = pos;
      const own = i * words;
      for (const j of preds[i] as number[]) {
        const theirs = j * words;
        for (let w = 0; w < words; w += 1) bits[own + w] = (bits[own + w] as number) | (bits[theirs + w] as number);
        bits[own + (j >>> 5)] = (bits[own + (j >>> 5)] as number) | (1 << (j & 31));
      }
      const s = steps[i] as DeployStep;
      if (s.action === 'read') return;
      const id = this.res[i] as ResourceId;
      const list = this.writers.get(id);
      if (list === undefined) this.writers.set(id, [i]);
      else list.push(i);
    });
  }

  /** Whether step `j` has run before step `i` in every order the graph allows. */
  before(j: number, i: number): boolean {
    return ((this.ancestors[i * this.words + (j >>> 5)] as number) & (1 << (j & 31))) !== 0;
  }

  /** Whether the resource exists when step `i` runs: `seen(i, id).exists`, without gathering its properties. */
  exists(i: number, id: ResourceId): boolean {
    if (this.world.existing.has(id)) return true;
    const writers = this.writers.get(id);
    if (writers !== undefined) for (const j of writers) if (this.before(j, i)) return true;
    return false;
  }

  /** A resource as step `i` finds it: the world, then the steps that surely ran before it. */
  seen(i: number, id: ResourceId): Seen {
    const base = this.world.existing.get(id);
    let exists = base !== undefined;
    let props: StepProps = base ?? EMPTY;
    let by: number | null = null;
    const writers = this.writers.get(id);
    if (writers !== undefined) {
      for (const j of writers) {
        if (!this.before(j, i)) continue;
        const s = this.steps[j] as DeployStep;
        const replaces = s.target === undefined && !(s.action === 'update' && s.props.preservesLiveProperties === true);
        // Checks only read what they are given: a replacing write's own props need no copy.
        props = replaces ? s.props : { ...props, ...s.props };
        exists = true;
        by = j;
      }
    }
    return { exists, props, by };
  }

  /** The subscription segment of `id` when it is neither a GUID nor the deployment's own, else null. */
  badSubscription(id: ResourceId): string | null {
    // Nearly every ID is in the deployment's own subscription: a prefix test, without a lookup. (`lastIndexOf`
    // from 0 is several times faster than `startsWith` on these IDs in V8.)
    if (id.lastIndexOf(OWN_PREFIX, 0) === 0) return null;
    let out = this.badSubscriptions.get(id);
    if (out === undefined) {
      const sub = subscriptionOf(id);
      out = sub !== OWN_SUBSCRIPTION && !GUID.test(sub) ? sub : null;
      this.badSubscriptions.set(id, out);
    }
    return out;
  }

  /** Steps that write `id` without surely running before step `i` (for the reason's "would be accepted"). */
  unordered(i: number, id: ResourceId): number[] {
    return (this.writers.get(id) ?? []).filter((j) => j !== i && !this.before(j, i) && !this.before(i, j));
  }

  /** Every resource ID under `parent` of a child type (`…/virtualnetworkpeerings`), in the world or written. */
  children(parent: ResourceId, childType: ChildType): readonly ResourceId[] {
    let index = this.childIndex.get(childType);
    if (index === undefined) {
      const byParent = new Map<ResourceId, ResourceId[]>();
      const add = (id: ResourceId) => {
        // `…/virtualnetworks/a/virtualnetworkpeerings/b` is listed under `…/virtualnetworks/a`: only the IDs of
        // this type are cut.
        const at = id.lastIndexOf('/');
        const type = id.lastIndexOf('/', at - 1);
        if (type <= 0 || at - type - 1 !== childType.length || !id.startsWith(childType, type + 1)) return;
        const key = id.slice(0, type);
        const list = byParent.get(key);
        if (list === undefined) byParent.set(key, [id]);
        else list.push(id);
      };
      for (const id of this.world.existing.keys()) add(id);
      // An ID both in the world and written is one child.
      for (const id of this.writers.keys()) if (!this.world.existing.has(id)) add(id);
      this.childIndex.set(childType, byParent);
      index = byParent;
    }
    return index.get(parent) ?? NONE;
  }

  private readonly childIndex = new Map<ChildType, Map<ResourceId, ResourceId[]>>();

  /** The parent of the resource of step `i` (`parentOf`), worked out once per step. */
  parent(i: number): ResourceId | null {
    let p = this.parents[i];
    if (p === undefined) {
      p = parentOf(this.res[i] as ResourceId);
      this.parents[i] = p;
    }
    return p;
  }

  private readonly parents: (ResourceId | null | undefined)[] = [];

  label(i: number): string {
    const s = this.steps[i] as DeployStep;
    return `step ${(this.position[i] as number) + 1} (${s.source.file}${s.source.path ? ` ${s.source.path}` : ''})`;
  }
}

type Check = (r: Replay, i: number) => string | null;

const missing = (r: Replay, i: number, id: ResourceId, what: string): string => {
  const later = r.unordered(i, id);
  const after = (r.writers.get(id) ?? []).filter((j) => r.before(i, j));
  if (later.length > 0)
    return (
      `${what} ${describeId(id)} is written by ${r.label(later[0] as number)}, which the artefact does not order ` +
      `before this one; it would be accepted with a dependency on that step.`
    );
  if (after.length > 0)
    return (
      `${what} ${describeId(id)} is written only after this step, by ${r.label(after[0] as number)}; ` +
      `it would be accepted in the reverse order.`
    );
  return `${what} ${describeId(id)} does not exist before the deployment and no step creates it.`;
};

/** The reason a step using `id` is refused when the ID's subscription is a name, else null. */
function subscriptionName(r: Replay, s: DeployStep, id: ResourceId | undefined): string | null {
  if (id === undefined) return null;
  const sub = r.badSubscription(id);
  if (sub === null) return null;
  return (
    `${s.name} uses the resource ID of ${describeId(id)} built with subscription "${sub}", which is not a ` +
    `subscription ID; give the subscription's GUID (az account show --name "${sub}" --query id).`
  );
}

const guidSubscription: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  if (s.scope.subscription !== '' && !GUID.test(s.scope.subscription))
    return `${s.name} is deployed to subscription "${s.scope.subscription}", which is not a subscription ID (GUID).`;
  // The step's own resource, then the IDs in its props.
  const own = subscriptionName(r, s, r.res[i]);
  if (own !== null) return own;
  for (const id of idPropValues(s.props)) {
    const reason = subscriptionName(r, s, id);
    if (reason !== null) return reason;
  }
  return null;
};

const region: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  if (s.location === undefined) return null;
  const p = parseResourceId(r.res[i] as ResourceId);
  if (!p) return null;
  const want = r.world.regions.get(regionKey(p.type, p.names.join('/')));
  if (want === undefined || want.toLowerCase() === s.location.toLowerCase().replace(/\s+/g, '')) return null;
  return `${s.name} is deployed to ${s.location}, but the plan puts it in ${want}; it would be accepted in ${want}.`;
};

const parentFirst: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  if (s.action === 'read') return null;
  if (s.target !== undefined && !r.exists(i, s.target)) return missing(r, i, s.target, 'The resource it changes,');
  const parent = r.parent(i);
  if (parent === null || r.exists(i, parent)) return null;
  return missing(r, i, parent, `The parent of ${s.name},`);
};

const peeringRemote: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  if (r.type[i] !== PEERING || s.action === 'read') return null;
  const remote = s.props.remoteVirtualNetwork;
  if (remote === undefined || r.exists(i, remote)) return null;
  return missing(r, i, remote, `The remote VNet of ${s.name},`);
};

const readExisting: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  const id = r.res[i] as ResourceId;
  if (s.action !== 'read' || r.exists(i, id)) return null;
  return missing(r, i, id, 'The resource it reads,');
};

const existingPreserved: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  if (s.target !== undefined || s.action === 'read') return null;
  const id = r.res[i] as ResourceId;
  if (!r.world.existing.has(id)) return null;
  if (s.action === 'create')
    return (
      `${describeId(id)} exists already (the plan says so); the artefact creates it again instead of ` +
      `referencing it.`
    );
  if (s.props.preservesLiveProperties === true) return null;
  const drops =
    r.type[i] === SUBNET
      ? ' (a route table, NSG, NAT gateway or service endpoints it has would be dropped)'
      : ' (whatever it has that the artefact does not repeat would be dropped)';
  return (
    `${describeId(id)} exists already and this PUT replaces its properties with only what the plan knows` +
    `${drops}; it would be accepted if the step read the live resource and carried its properties over.`
  );
};

const nsgAndRouteTable: Check = (r, i) => {
  const { networkSecurityGroup: nsg, routeTable } = (r.steps[i] as DeployStep).props;
  if (nsg !== undefined && !r.exists(i, nsg)) return missing(r, i, nsg, 'The network security group');
  if (routeTable !== undefined && !r.exists(i, routeTable)) return missing(r, i, routeTable, 'The route table');
  return null;
};

/** The peerings of `vnet` as step `i` finds them. */
const peeringsOf = (r: Replay, i: number, vnet: ResourceId) =>
  r.children(vnet, 'virtualnetworkpeerings').map((id) => ({ id, seen: r.seen(i, id) }));

const gatewayTransit: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  if (r.type[i] !== PEERING || s.props.useRemoteGateways !== true || s.action === 'read') return null;
  const local = r.parent(i);
  const remote = s.props.remoteVirtualNetwork;
  if (local === null || remote === undefined) return null;
  if (!r.world.gateways.has(remote))
    return `${s.name} uses the gateway of ${describeId(remote)}, which has no gateway in the plan.`;
  const offers = (p: StepProps) => p.remoteVirtualNetwork === local && p.allowGatewayTransit === true;
  if (peeringsOf(r, i, remote).some((p) => p.seen.exists && offers(p.seen.props))) return null;
  const candidates = r.children(remote, 'virtualnetworkpeerings');
  const pending = candidates.flatMap((id) =>
    (r.writers.get(id) ?? []).filter((j) => !r.before(j, i) && offers((r.steps[j] as DeployStep).props)),
  );
  const first = pending[0];
  if (first !== undefined)
    return (
      `${s.name} uses the remote gateway, but ${describeId(resourceOf(r.steps[first] as DeployStep))}, ` +
      `the reverse peering that allows gateway transit, is written by ${r.label(pending[0] as number)}, which may ` +
      `run after it; it would be accepted with a dependency on that step.`
    );
  return (
    `${s.name} uses the remote gateway, but ${describeId(remote)} has no peering back to ${describeId(local)} ` +
    `with allowGatewayTransit; it would be accepted after one.`
  );
};

const oneRemoteGateway: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  if (r.type[i] !== PEERING || s.props.useRemoteGateways !== true || s.action === 'read') return null;
  const local = r.parent(i);
  if (local === null) return null;
  if (r.world.gateways.has(local))
    return `${s.name} uses a remote gateway, but ${describeId(local)} has a gateway of its own.`;
  const self = r.res[i] as ResourceId;
  for (const id of r.children(local, 'virtualnetworkpeerings')) {
    if (id === self) continue;
    const existing = r.world.existing.get(id);
    if (existing?.useRemoteGateways === true)
      return `${s.name} uses a remote gateway, but ${describeId(id)} on the same VNet already does.`;
    for (const j of r.writers.get(id) ?? []) {
      if (r.before(i, j) || (r.steps[j] as DeployStep).props.useRemoteGateways !== true) continue;
      return (
        `${s.name} uses a remote gateway, and so does ${describeId(id)} (${r.label(j)}) on the same VNet; ` +
        `a VNet may use one remote gateway.`
      );
    }
  }
  return null;
};

/** The server VNet of a server step: the parent of its delegated subnet. */
const serverVnet = (s: DeployStep): ResourceId | null =>
  s.props.delegatedSubnet === undefined ? null : parentOf(s.props.delegatedSubnet);

const isServer = (r: Replay, i: number) => {
  const s = r.steps[i] as DeployStep;
  return r.type[i] === SERVER && s.action !== 'read' && s.target === undefined;
};

const delegatedSubnet: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  const subnet = s.props.delegatedSubnet;
  if (!isServer(r, i) || subnet === undefined) return null;
  const seen = r.seen(i, subnet);
  if (!seen.exists) return missing(r, i, subnet, `The delegated subnet of ${s.name},`);
  if (delegatedToPostgres(seen.props)) return null;
  const pending = r
    .unordered(i, subnet)
    .filter((j) => delegatedToPostgres((r.steps[j] as DeployStep).props))
    .concat((r.writers.get(subnet) ?? []).filter((j) => r.before(i, j)));
  return (
    `${describeId(subnet)} is not delegated to Microsoft.DBforPostgreSQL/flexibleServers when ${s.name} is ` +
    `created` +
    (pending.length > 0
      ? `; ${r.label(pending[0] as number)} delegates it, but is not ordered before the server.`
      : '; it would be accepted once a step before the server adds the delegation.')
  );
};

const zoneAndLink: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  const zone = s.props.privateDnsZone;
  if (!isServer(r, i) || zone === undefined) return null;
  if (!r.exists(i, zone)) return missing(r, i, zone, `The private DNS zone of ${s.name},`);
  const vnet = serverVnet(s);
  if (vnet === null) return null;
  const links = r.children(zone, 'virtualnetworklinks');
  if (links.some((id) => r.seen(i, id).exists && r.seen(i, id).props.virtualNetwork === vnet)) return null;
  const pending = links.flatMap((id) =>
    (r.writers.get(id) ?? []).filter((j) => (r.steps[j] as DeployStep).props.virtualNetwork === vnet),
  );
  if (pending.length > 0)
    return (
      `The link of ${describeId(zone)} to ${describeId(vnet)} is written by ${r.label(pending[0] as number)}, which ` +
      `is not ordered before ${s.name}; it would be accepted with a dependency on that step.`
    );
  return `${describeId(zone)} has no link to ${describeId(vnet)} when ${s.name} is created, and no step adds one.`;
};

/** A private endpoint's create (Terraform's carries its zone group too). */
const isEndpoint = (r: Replay, i: number) => r.type[i] === ENDPOINT && (r.steps[i] as DeployStep).action !== 'read';

const endpointTarget: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  const server = s.props.privateLinkServiceId;
  if (!isEndpoint(r, i) || server === undefined || r.exists(i, server)) return null;
  return missing(r, i, server, `The server ${s.name} connects to,`);
};

const endpointZone: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  const zone = s.props.privateDnsZone;
  if (s.action === 'read' || zone === undefined || !r.type[i]?.startsWith(ENDPOINT) || r.exists(i, zone)) return null;
  return missing(r, i, zone, `The private DNS zone of ${s.name},`);
};

const endpointSubnet: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  const subnet = s.props.subnet;
  if (!isEndpoint(r, i) || subnet === undefined) return null;
  const seen = r.seen(i, subnet);
  if (!seen.exists) return missing(r, i, subnet, `The subnet of ${s.name},`);
  const delegations = seen.props.delegations ?? [];
  if (delegations.length === 0) return null;
  return `${describeId(subnet)} is delegated to ${delegations.join(', ')}; ${s.name} would be refused there.`;
};

const endpointRegion: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  const vnet = s.props.subnet === undefined ? null : parseResourceId(parentOf(s.props.subnet) ?? '');
  if (!isEndpoint(r, i) || s.location === undefined || !vnet) return null;
  const want = r.world.regions.get(regionKey(vnet.type, vnet.names.join('/')));
  if (want === undefined || want === s.location.toLowerCase().replace(/\s+/g, '')) return null;
  return `${s.name} is deployed to ${s.location}, but its VNet is in ${want}; it would be accepted in ${want}.`;
};

function ipInside(ip: string, cidr: string): boolean {
  const address = parseIPv4(ip);
  const block = parseCidr(cidr, { aligned: false });
  return address.ok && block.ok && rangeContains(cidrRange(block.value), { start: address.value, end: address.value });
}

const peeringBeforeDns: Check = (r, i) => {
  const s = r.steps[i] as DeployStep;
  const vnet = isServer(r, i) ? serverVnet(s) : null;
  if (vnet === null) return null;
  for (const dns of r.seen(i, vnet).props.dnsServers ?? []) {
    const other = r.world.vnets.find((v) => v.id !== vnet && v.addressSpaces.some((c) => ipInside(dns, c)));
    if (!other) continue;
    for (const [from, to] of [
      [vnet, other.id],
      [other.id, vnet],
    ] as const) {
      const found = peeringsOf(r, i, from).find((p) => p.seen.exists && p.seen.props.remoteVirtualNetwork === to);
      if (found) continue;
      const pending = r
        .children(from, 'virtualnetworkpeerings')
        .flatMap((id) => r.writers.get(id) ?? [])
        .filter((j) => (r.steps[j] as DeployStep).props.remoteVirtualNetwork === to);
      return (
        `${s.name} resolves names through the DNS server ${dns} in ${describeId(other.id)}, but the peering from ` +
        `${describeId(from)} to ${describeId(to)} ` +
        (pending.length > 0
          ? `is written by ${r.label(pending[0] as number)}, which is not ordered before the server; it would be ` +
            `accepted with a dependency on that step.`
          : 'does not exist and no step creates it.')
      );
    }
  }
  return null;
};

const CHECKS: readonly [Constraint, Check][] = [
  [CONSTRAINTS.guidSubscription, guidSubscription],
  [CONSTRAINTS.region, region],
  [CONSTRAINTS.parentFirst, parentFirst],
  [CONSTRAINTS.peeringRemote, peeringRemote],
  [CONSTRAINTS.readExisting, readExisting],
  [CONSTRAINTS.existingPreserved, existingPreserved],
  [CONSTRAINTS.nsgAndRouteTable, nsgAndRouteTable],
  [CONSTRAINTS.gatewayTransit, gatewayTransit],
  [CONSTRAINTS.oneRemoteGateway, oneRemoteGateway],
  [CONSTRAINTS.delegatedSubnet, delegatedSubnet],
  [CONSTRAINTS.zoneAndLink, zoneAndLink],
  [CONSTRAINTS.peeringBeforeDns, peeringBeforeDns],
  [CONSTRAINTS.endpointTarget, endpointTarget],
  [CONSTRAINTS.endpointZone, endpointZone],
  [CONSTRAINTS.endpointSubnet, endpointSubnet],
  [CONSTRAINTS.endpointRegion, endpointRegion],
];

/**
 * The steps of a script (`deploy.sh`, written from a `ScriptStep` list) in its total order: each step after the
 * one before it. `file` is where the script is; IDs are lower-cased as every reader's are.
 */
export function scriptOrder(steps: readonly ScriptStep[], file: string): DeployStep[] {
  const out: DeployStep[] = [];
  steps.forEach((s, i) => {
    const previous = out[i - 1];
    out.push({
      id: s.id.toLowerCase(),
      type: s.type,
      name: s.name,
      action: s.action,
      scope: s.scope,
      ...(s.location === undefined ? {} : { location: s.location }),
      props: s.props,
      after: previous ? [{ step: previous.id, why: `the script runs it after ${previous.name}` }] : [],
      source: { file },
    });
  });
  return out;
}

/** Replays `steps` (one format's artefacts, read) against the world the plan describes. */
export function replay(format: DeployFormat, steps: readonly DeployStep[], plan: Plan): DryRunReport {
  const { sorted, preds } = order(steps);
  const r = new Replay(steps, worldOf(plan), sorted, preds);
  const ordered = sorted.map((i) => steps[i] as DeployStep);
  for (const i of sorted) {
    for (const [constraint, check] of CHECKS) {
      const reason = check(r, i);
      if (reason === null) continue;
      const refusal: Refusal = { step: steps[i] as DeployStep, constraint, reason };
      return { format, steps: ordered, refusal, constraints: CONSTRAINT_LIST };
    }
  }
  return { format, steps: ordered, refusal: null, constraints: CONSTRAINT_LIST };
}
