/**
 * Network security group evaluation, the way Azure does it: the rules of one direction sorted by
 * priority (lower number first), the first rule that matches decides, then the default rules
 * (rules.md "Network security groups"; facts §1.6, §2.4).
 *
 * Address sets. A rule's source or destination is a list of prefixes: `*`, a CIDR block, a single
 * IPv4 address, or a service tag. Tags with an address set this planner knows are turned into IPv4
 * ranges: `VirtualNetwork` (the context's ranges: the VNet, its peered VNets and on-premises ranges
 * reached through a gateway), `Internet` (every address outside `VirtualNetwork` and outside the
 * RFC 1918 private blocks) and `AzureLoadBalancer` (168.63.129.16). Azure service tags whose
 * addresses Microsoft publishes separately (`Storage`, `Storage.<Region>`, `AzureActiveDirectory`,
 * any other tag) are opaque: they match a flow endpoint that names the same tag (case-insensitive;
 * `Storage` also covers every `Storage.<Region>`), and they are covered by `*`, `0.0.0.0/0` and
 * `Internet` (the Azure public services lie in the public address space). An opaque tag never
 * matches an IPv4 range endpoint, and an IPv4 prefix other than `0.0.0.0/0` never matches a tag
 * endpoint: the planner cannot prove that it does.
 *
 * Partial matches (the stricter reading). A flow endpoint may be a whole range (a client subnet, a
 * peered VNet). A rule that covers only part of it decides only that part; the rest goes on to the
 * next rules. The flow is allowed only when every address is allowed: the first rule that denies
 * any part of what is left decides `Deny`. When the flow was split between several rules the
 * decision says `partial: true` and lists the rules that decided a part (`parts`). A rule whose
 * coverage cannot be computed exactly (an application security group, a source port list, which
 * clients' ephemeral ports may not hit, or `Storage.<Region>` against the endpoint `Storage`) counts
 * as covering *some* of the flow: it can deny it, and an allow from it leaves the whole flow
 * undecided for the following rules.
 */
import { AZURE_LOAD_BALANCER_IP, NSG_DEFAULT_RULE_PRIORITIES } from './azure';
import {
  IPV4_MAX,
  cidrRange,
  mergeRanges,
  paintRanges,
  parseIPv4,
  parseIPv4Fast,
  parseLooseCidrFast,
  type IpRange,
} from './ipv4';
import { planIndex } from './plan-index';
import type { NsgRule, Plan } from './plan';

export type FlowEndpoint = { kind: 'range'; range: IpRange } | { kind: 'tag'; tag: string };

export interface Flow {
  direction: 'Inbound' | 'Outbound';
  protocol: 'Tcp' | 'Udp' | 'Icmp';
  source: FlowEndpoint;
  destination: FlowEndpoint;
  /** Destination port (ignored for ICMP). */
  port: number;
}

export interface NsgContext {
  /** The addresses of the `VirtualNetwork` service tag. */
  virtualNetwork: IpRange[];
  /** Region of the server, for `Storage.<Region>` and friends. */
  region: string;
}

interface NsgDecisionPart {
  access: 'Allow' | 'Deny';
  ruleName: string;
  priority: number;
  isDefault: boolean;
  /** Index in the `rules` array passed in; undefined for a default rule. */
  ruleIndex?: number;
}

export interface NsgDecision extends NsgDecisionPart {
  /** The flow was split: rules decided different parts of it (listed in `parts`). */
  partial?: boolean;
  /** Every rule that decided a part of the flow, in priority order (only when `partial`). */
  parts?: NsgDecisionPart[];
}

// ---------------------------------------------------------------------------------------------
// Sorted, disjoint range sets

type RangeSet = readonly IpRange[];
const EVERYTHING: RangeSet = [{ start: 0, end: IPV4_MAX }];
const RFC1918: RangeSet = [
  { start: 0x0a000000, end: 0x0affffff }, // 10.0.0.0/8
  { start: 0xac100000, end: 0xac1fffff }, // 172.16.0.0/12
  { start: 0xc0a80000, end: 0xc0a8ffff }, // 192.168.0.0/16
];

/** Index of the first range of `set` that ends at or after `address` (binary search). */
function firstEndingFrom(set: RangeSet, address: number, from = 0): number {
  let lo = from;
  let hi = set.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((set[mid] as IpRange).end < address) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A set much smaller than the other one (a client range against the `VirtualNetwork` tag of 500
 * peered VNets) is looked up by binary search, so the cost follows the small set, not the large one.
 */
const LOPSIDED = 8;

function intersect(a: RangeSet, b: RangeSet): IpRange[] {
  if (b.length > LOPSIDED * a.length) return intersectSmall(a, b);
  if (a.length > LOPSIDED * b.length) return intersectSmall(b, a);
  const out: IpRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as IpRange;
    const y = b[j] as IpRange;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start <= end) out.push({ start, end });
    if (x.end < y.end) i += 1;
    else j += 1;
  }
  return out;
}

function intersectSmall(small: RangeSet, large: RangeSet): IpRange[] {
  const out: IpRange[] = [];
  let j = 0;
  for (const x of small) {
    j = firstEndingFrom(large, x.start, j);
    for (let k = j; k < large.length && (large[k] as IpRange).start <= x.end; k += 1) {
      const y = large[k] as IpRange;
      out.push({ start: Math.max(x.start, y.start), end: Math.min(x.end, y.end) });
    }
  }
  return out;
}

function subtract(a: RangeSet, b: RangeSet): IpRange[] {
  const out: IpRange[] = [];
  const jump = b.length > LOPSIDED * a.length;
  let j = 0;
  for (const x of a) {
    let start = x.start;
    if (jump) j = firstEndingFrom(b, start, j);
    else while (j < b.length && (b[j] as IpRange).end < start) j += 1;
    let k = j;
    while (k < b.length && (b[k] as IpRange).start <= x.end) {
      const y = b[k] as IpRange;
      if (y.start > start) out.push({ start, end: y.start - 1 });
      start = Math.max(start, y.end + 1);
      k += 1;
    }
    if (start <= x.end) out.push({ start, end: x.end });
  }
  return out;
}

const sameSet = (a: RangeSet, b: RangeSet): boolean =>
  a.length === b.length && a.every((r, i) => r.start === b[i]?.start && r.end === b[i]?.end);

// ---------------------------------------------------------------------------------------------
// Compiled rules

/** What one prefix list stands for: known addresses, plus opaque service tags (lower case). */
interface AddressSpec {
  any: boolean;
  ranges: RangeSet;
  virtualNetwork: boolean;
  internet: boolean;
  tags: readonly string[];
  /** The rule names application security groups: membership is unknown here. */
  asg: boolean;
}

interface PortSpec {
  any: boolean;
  /** Sorted, disjoint port ranges (start and end ports). */
  ranges: RangeSet;
}

interface CompiledRule extends NsgDecisionPart {
  direction: 'Inbound' | 'Outbound';
  protocol: string;
  source: AddressSpec;
  destination: AddressSpec;
  sourcePorts: PortSpec;
  destinationPorts: PortSpec;
}

const AZURE_LOAD_BALANCER_ADDRESS = (() => {
  const ip = parseIPv4(AZURE_LOAD_BALANCER_IP);
  if (!ip.ok) throw new Error(`AZURE_LOAD_BALANCER_IP is not an IPv4 address: ${AZURE_LOAD_BALANCER_IP}`);
  return ip.value;
})();

const VIRTUAL_NETWORK = 'virtualnetwork';
const INTERNET = 'internet';
const AZURE_LOAD_BALANCER = 'azureloadbalancer';

function compileAddresses(prefixes: readonly string[], asgs: readonly string[]): AddressSpec {
  const ranges: IpRange[] = [];
  const tags: string[] = [];
  let any = false;
  let virtualNetwork = false;
  let internet = false;
  for (const raw of prefixes) {
    const first = raw.charCodeAt(0);
    if (first >= 49 && first <= 57 && raw !== '0.0.0.0/0') {
      // The common case, an IPv4 prefix: skip the tag comparisons.
      const cidr = raw.includes('/') ? parseLooseCidrFast(raw) : null;
      if (cidr?.ok) {
        ranges.push(cidrRange(cidr.value));
        continue;
      }
      const ip = cidr === null ? parseIPv4Fast(raw) : null;
      if (ip?.ok) {
        ranges.push({ start: ip.value, end: ip.value });
        continue;
      }
    }
    const p = raw.trim();
    const lower = p.toLowerCase();
    if (p === '*' || lower === 'any' || p === '0.0.0.0/0') any = true;
    else if (lower === VIRTUAL_NETWORK) virtualNetwork = true;
    else if (lower === INTERNET) internet = true;
    else if (lower === AZURE_LOAD_BALANCER)
      ranges.push({ start: AZURE_LOAD_BALANCER_ADDRESS, end: AZURE_LOAD_BALANCER_ADDRESS });
    else if (/^[0-9.]+\/\d+$/.test(p)) {
      const cidr = parseLooseCidrFast(p);
      if (cidr.ok) ranges.push(cidrRange(cidr.value));
    } else if (/^[0-9.]+$/.test(p)) {
      const ip = parseIPv4Fast(p);
      if (ip.ok) ranges.push({ start: ip.value, end: ip.value });
    } else if (p !== '') tags.push(lower);
  }
  return {
    any,
    ranges: ranges.length > 1 ? mergeRanges(ranges) : ranges,
    virtualNetwork,
    internet,
    tags,
    asg: asgs.length > 0,
  };
}

function compilePorts(ports: readonly string[]): PortSpec {
  const ranges: IpRange[] = [];
  let any = false;
  for (const raw of ports) {
    const p = raw.trim();
    if (p === '*' || p === '0-65535') any = true;
    else {
      const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(p);
      if (m) {
        const from = Number(m[1]);
        const to = m[2] === undefined ? from : Number(m[2]);
        if (from <= to && to <= 65535) ranges.push({ start: from, end: to });
      }
    }
  }
  if (ranges.some((r) => r.start <= 1 && r.end >= 65535)) any = true;
  // Sorted and merged, so that a port is looked up by binary search however long the list.
  return { any, ranges: ranges.length > 1 ? mergeRanges(ranges) : ranges };
}

function compileRule(rule: NsgRule, index: number | undefined, isDefault: boolean): CompiledRule {
  return {
    access: rule.access,
    ruleName: rule.name,
    priority: rule.priority,
    isDefault,
    ...(index === undefined ? {} : { ruleIndex: index }),
    direction: rule.direction,
    protocol: rule.protocol,
    source: compileAddresses(rule.sourceAddresses, rule.sourceAsgs),
    destination: compileAddresses(rule.destinationAddresses, rule.destinationAsgs),
    sourcePorts: compilePorts(rule.sourcePorts),
    destinationPorts: compilePorts(rule.destinationPorts),
  };
}

const defaultRule = (
  name: keyof typeof NSG_DEFAULT_RULE_PRIORITIES,
  direction: 'Inbound' | 'Outbound',
  access: 'Allow' | 'Deny',
  source: string,
  destination: string,
): NsgRule => ({
  name,
  priority: NSG_DEFAULT_RULE_PRIORITIES[name],
  direction,
  access,
  protocol: '*',
  sourceAddresses: [source],
  sourcePorts: ['*'],
  destinationAddresses: [destination],
  destinationPorts: ['*'],
  sourceAsgs: [],
  destinationAsgs: [],
  description: 'Azure default rule',
});

/** The default rules every NSG has, after the user's rules. rules.md "Network security groups"; facts §2.4 */
export const NSG_DEFAULT_RULES: readonly NsgRule[] = [
  defaultRule('AllowVnetInBound', 'Inbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
  defaultRule('AllowAzureLoadBalancerInBound', 'Inbound', 'Allow', 'AzureLoadBalancer', '*'),
  defaultRule('DenyAllInBound', 'Inbound', 'Deny', '*', '*'),
  defaultRule('AllowVnetOutBound', 'Outbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
  defaultRule('AllowInternetOutBound', 'Outbound', 'Allow', '*', 'Internet'),
  defaultRule('DenyAllOutBound', 'Outbound', 'Deny', '*', '*'),
];

const COMPILED_DEFAULTS = NSG_DEFAULT_RULES.map((r) => compileRule(r, undefined, true));

/** An NSG ready for evaluation: the rules of each direction in evaluation order. */
export interface CompiledNsg {
  readonly Inbound: readonly CompiledRule[];
  readonly Outbound: readonly CompiledRule[];
}

/** Parses an NSG's rules once (user rules by priority, then the defaults), for many flows. */
export function compileNsg(rules: readonly NsgRule[]): CompiledNsg {
  const inbound: CompiledRule[] = [];
  const outbound: CompiledRule[] = [];
  rules.forEach((r, i) => (r.direction === 'Inbound' ? inbound : outbound).push(compileRule(r, i, false)));
  const byPriority = (a: CompiledRule, b: CompiledRule) =>
    a.priority - b.priority || (a.ruleIndex ?? 0) - (b.ruleIndex ?? 0);
  inbound.sort(byPriority);
  outbound.sort(byPriority);
  for (const d of COMPILED_DEFAULTS) (d.direction === 'Inbound' ? inbound : outbound).push(d);
  return { Inbound: inbound, Outbound: outbound };
}

const compiledCache = new WeakMap<readonly NsgRule[], CompiledNsg>();

/**
 * `compileNsg`, once per list of rules: plans change by copying what changes (`setIn`), so a list that is the
 * same object holds the same rules, and an edit elsewhere in the plan compiles nothing again.
 */
export function compileNsgCached(rules: readonly NsgRule[]): CompiledNsg {
  let compiled = compiledCache.get(rules);
  if (compiled === undefined) {
    compiled = compileNsg(rules);
    compiledCache.set(rules, compiled);
  }
  return compiled;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** One side of a still-undecided piece of the flow: concrete addresses, or an opaque service tag. */
type Side = { kind: 'ranges'; set: RangeSet } | { kind: 'tag'; tag: string };

interface Piece {
  source: Side;
  destination: Side;
}

/** How a rule's prefix list covers one side: exactly these addresses, or for tags all / some / none. */
type Cover = { kind: 'ranges'; set: RangeSet } | { kind: 'full' } | { kind: 'some' } | { kind: 'none' };

interface ResolvedContext {
  virtualNetwork: RangeSet;
  internet: RangeSet;
}

const contextCache = new WeakMap<NsgContext, ResolvedContext>();

function resolveContext(context: NsgContext): ResolvedContext {
  let resolved = contextCache.get(context);
  if (resolved === undefined) {
    const virtualNetwork = mergeRanges(context.virtualNetwork);
    resolved = { virtualNetwork, internet: subtract(subtract(EVERYTHING, virtualNetwork), RFC1918) };
    contextCache.set(context, resolved);
  }
  return resolved;
}

const addressCache = new WeakMap<AddressSpec, { ctx: ResolvedContext; set: RangeSet }>();

function addressesOf(spec: AddressSpec, ctx: ResolvedContext): RangeSet {
  if (spec.any) return EVERYTHING;
  if (!spec.virtualNetwork && !spec.internet) return spec.ranges;
  const cached = addressCache.get(spec);
  if (cached !== undefined && cached.ctx === ctx) return cached.set;
  let set: RangeSet = spec.ranges;
  if (spec.virtualNetwork) set = set.length === 0 ? ctx.virtualNetwork : mergeRanges([...set, ...ctx.virtualNetwork]);
  if (spec.internet) set = set.length === 0 ? ctx.internet : mergeRanges([...set, ...ctx.internet]);
  addressCache.set(spec, { ctx, set });
  return set;
}

/** Storage.WestEurope → storage.westeurope; the parent tag of a regional tag (storage.westeurope → storage). */
const parentTag = (tag: string): string | null => {
  const dot = tag.indexOf('.');
  return dot > 0 ? tag.slice(0, dot) : null;
};

const NONE: Cover = { kind: 'none' };
const SOME: Cover = { kind: 'some' };
const FULL: Cover = { kind: 'full' };

function cover(spec: AddressSpec, side: Side, ctx: ResolvedContext): Cover {
  if (side.kind === 'ranges') {
    if (!spec.any && !spec.virtualNetwork && !spec.internet && !spec.asg) {
      // Plain prefixes: reject quickly when the bounds do not meet.
      const first = spec.ranges[0];
      const last = spec.ranges[spec.ranges.length - 1];
      const lo = side.set[0];
      const hi = side.set[side.set.length - 1];
      if (first === undefined || last === undefined || lo === undefined || hi === undefined) return NONE;
      if (hi.end < first.start || lo.start > last.end) return NONE;
    }
    const set = intersect(side.set, addressesOf(spec, ctx));
    if (set.length === 0) return spec.asg ? SOME : NONE;
    return spec.asg ? SOME : { kind: 'ranges', set };
  }
  if (spec.asg) return SOME;
  if (spec.any || spec.internet) return FULL;
  const tag = side.tag;
  let best: Cover = NONE;
  for (const t of spec.tags) {
    if (t === tag || t === parentTag(tag)) return FULL;
    if (parentTag(t) === tag) best = SOME;
  }
  return best;
}

function portCovers(spec: PortSpec, port: number): boolean {
  if (spec.any) return true;
  const r = spec.ranges[firstEndingFrom(spec.ranges, port)];
  return r !== undefined && r.start <= port;
}

function toSide(endpoint: FlowEndpoint, ctx: ResolvedContext): Side {
  if (endpoint.kind === 'range') {
    const { start, end } = endpoint.range;
    return { kind: 'ranges', set: [{ start: Math.min(start, end), end: Math.max(start, end) }] };
  }
  const lower = endpoint.tag.trim().toLowerCase();
  if (lower === '*' || lower === 'any') return { kind: 'ranges', set: EVERYTHING };
  if (lower === VIRTUAL_NETWORK) return { kind: 'ranges', set: ctx.virtualNetwork };
  if (lower === INTERNET) return { kind: 'ranges', set: ctx.internet };
  if (lower === AZURE_LOAD_BALANCER)
    return { kind: 'ranges', set: [{ start: AZURE_LOAD_BALANCER_ADDRESS, end: AZURE_LOAD_BALANCER_ADDRESS }] };
  return { kind: 'tag', tag: lower };
}

const sideEmpty = (s: Side): boolean => s.kind === 'ranges' && s.set.length === 0;

/** The part of `piece` a rule matches: null (none), 'all', 'some' (not computable exactly) or the exact sub-piece. */
function matchPiece(
  rule: CompiledRule,
  piece: Piece,
  ctx: ResolvedContext,
): null | 'some' | { source: Side; destination: Side; exact: boolean } {
  const s = cover(rule.source, piece.source, ctx);
  const d = cover(rule.destination, piece.destination, ctx);
  if (s.kind === 'none' || d.kind === 'none') return null;
  if (s.kind === 'some' || d.kind === 'some' || !rule.sourcePorts.any) return 'some';
  return {
    source: s.kind === 'ranges' ? { kind: 'ranges', set: s.set } : piece.source,
    destination: d.kind === 'ranges' ? { kind: 'ranges', set: d.set } : piece.destination,
    exact: true,
  };
}

/** piece minus (matchedSource × matchedDestination): (S∖s)×D ∪ (S∩s)×(D∖d). */
function remainder(piece: Piece, matched: { source: Side; destination: Side }): Piece[] {
  const out: Piece[] = [];
  if (piece.source.kind === 'ranges' && matched.source.kind === 'ranges') {
    const rest = subtract(piece.source.set, matched.source.set);
    if (rest.length > 0) out.push({ source: { kind: 'ranges', set: rest }, destination: piece.destination });
  }
  if (piece.destination.kind === 'ranges' && matched.destination.kind === 'ranges') {
    const rest = subtract(piece.destination.set, matched.destination.set);
    if (rest.length > 0) out.push({ source: matched.source, destination: { kind: 'ranges', set: rest } });
  }
  return out;
}

function samePiece(a: Piece, b: { source: Side; destination: Side }): boolean {
  const same = (x: Side, y: Side) =>
    x.kind === 'ranges' && y.kind === 'ranges'
      ? sameSet(x.set, y.set)
      : x.kind === 'tag' && y.kind === 'tag' && x.tag === y.tag;
  return same(a.source, b.source) && same(a.destination, b.destination);
}

const partOf = (rule: CompiledRule): NsgDecisionPart => {
  const part: NsgDecisionPart = {
    access: rule.access,
    ruleName: rule.ruleName,
    priority: rule.priority,
    isDefault: rule.isDefault,
  };
  if (rule.ruleIndex !== undefined) part.ruleIndex = rule.ruleIndex;
  return part;
};

/**
 * Whether the NSG lets the flow through. See the module comment for service tags and for flows
 * whose endpoints are ranges that rules cover only in part.
 */
export function evaluateNsgFlow(rules: readonly NsgRule[], flow: Flow, context: NsgContext): NsgDecision {
  return evaluateCompiledNsgFlow(compileNsgCached(rules), flow, context);
}

/** `evaluateNsgFlow` for an NSG compiled once with `compileNsg` (many flows through one NSG). */
export function evaluateCompiledNsgFlow(nsg: CompiledNsg, flow: Flow, context: NsgContext): NsgDecision {
  const ctx = resolveContext(context);
  const source = toSide(flow.source, ctx);
  const destination = toSide(flow.destination, ctx);
  // An endpoint without addresses (the VirtualNetwork tag of a plan without address spaces): no rule can allow it.
  if (sideEmpty(source) || sideEmpty(destination)) return partOf(denyAllOf(flow.direction));
  if (
    flow.source.kind === 'range' &&
    flow.destination.kind === 'range' &&
    source.kind === 'ranges' &&
    destination.kind === 'ranges'
  ) {
    const range = source.set[0] as IpRange;
    const plan = flowPlan(nsg, flow, destination, ctx);
    const key = `${range.start}-${range.end}`;
    let decision = plan.decided.get(key);
    if (decision === undefined) {
      const parts = plan.pieces.map((p) => evaluateIndexed(p.index, range, p.destination, flow, ctx));
      const [only] = parts;
      decision = parts.length === 1 && only !== undefined ? only : joinPieces(parts);
      plan.decided.set(key, decision);
    }
    return decision;
  }
  return runLinear(nsg[flow.direction], [{ source, destination }], flow, ctx);
}

/** The same evaluation without the flow index (for tests that compare the two). */
export function evaluateCompiledNsgFlowLinear(nsg: CompiledNsg, flow: Flow, context: NsgContext): NsgDecision {
  const ctx = resolveContext(context);
  const source = toSide(flow.source, ctx);
  const destination = toSide(flow.destination, ctx);
  if (sideEmpty(source) || sideEmpty(destination)) return partOf(denyAllOf(flow.direction));
  return runLinear(nsg[flow.direction], [{ source, destination }], flow, ctx, false);
}

const denyAllOf = (direction: 'Inbound' | 'Outbound'): CompiledRule =>
  COMPILED_DEFAULTS.find((r) => r.direction === direction && r.access === 'Deny') as CompiledRule;

const appliesTo = (rule: CompiledRule, flow: Flow): boolean =>
  (rule.protocol === '*' || rule.protocol === flow.protocol) &&
  (flow.protocol === 'Icmp' || portCovers(rule.destinationPorts, flow.port));

/** A key that is the same for two pieces' destinations exactly when they are the same set (or tag). */
function sideKey(side: Side): string {
  if (side.kind === 'tag') return `#${side.tag}`;
  let key = '';
  for (const r of side.set) key += `${r.start}-${r.end},`;
  return key;
}

/**
 * Pieces that go to the same destination become one piece with their sources joined. The pieces of
 * a flow are disjoint, so this keeps the same undecided addresses; it only stops a long run of rules
 * that each cover part of the source and part of the destination from doubling the pieces each time.
 */
function mergePieces(pieces: readonly Piece[]): Piece[] {
  const byDestination = new Map<string, { destination: Side; sources: IpRange[]; first: Piece }>();
  const out: Piece[] = [];
  for (const piece of pieces) {
    if (piece.source.kind !== 'ranges') {
      out.push(piece);
      continue;
    }
    const key = sideKey(piece.destination);
    const group = byDestination.get(key);
    if (group === undefined)
      byDestination.set(key, { destination: piece.destination, sources: [...piece.source.set], first: piece });
    else group.sources.push(...piece.source.set);
  }
  for (const group of byDestination.values()) {
    out.push(
      group.sources.length === (group.first.source as { set: RangeSet }).set.length
        ? group.first
        : { source: { kind: 'ranges', set: mergeRanges(group.sources) }, destination: group.destination },
    );
  }
  return out;
}

/**
 * Rules in order, first match wins, over the undecided pieces of the flow (see the module comment).
 * `merge: false` keeps every piece apart, as the plain definition does (for the tests that compare).
 */
function runLinear(
  ordered: readonly CompiledRule[],
  start: Piece[],
  flow: Flow,
  ctx: ResolvedContext,
  merge = true,
): NsgDecision {
  let pieces = start;
  const allowedBy: NsgDecisionPart[] = [];
  let split = false;
  for (const rule of ordered) {
    if (!appliesTo(rule, flow)) continue;
    const next: Piece[] = [];
    let matchedAny = false;
    for (const piece of pieces) {
      const m = matchPiece(rule, piece, ctx);
      if (m === null) {
        next.push(piece);
        continue;
      }
      matchedAny = true;
      if (rule.access === 'Deny') {
        const whole = !split && allowedBy.length === 0 && pieces.length === 1 && m !== 'some' && samePiece(piece, m);
        if (whole) return partOf(rule);
        return { ...partOf(rule), partial: true, parts: [...allowedBy, partOf(rule)] };
      }
      if (m === 'some') {
        split = true;
        next.push(piece);
        continue;
      }
      const rest = remainder(piece, m);
      if (rest.length > 0) split = true;
      next.push(...rest);
    }
    if (matchedAny) allowedBy.push(partOf(rule));
    pieces = merge && next.length > 1 ? mergePieces(next) : next;
    if (pieces.length === 0) {
      if (allowedBy.length === 1 && !split) return partOf(rule);
      return { ...partOf(rule), partial: true, parts: allowedBy };
    }
  }
  // Unreachable with the default DenyAll rules in place; kept total for a rule list without them.
  const denyAll = denyAllOf(flow.direction);
  return { ...partOf(denyAll), partial: allowedBy.length > 0, parts: [...allowedBy, partOf(denyAll)] };
}

// ---------------------------------------------------------------------------------------------
// Flow index: many flows that differ only in their source range (every client to the server on
// 5432) would each walk every rule. For one (direction, protocol, port, destination) the rules that
// apply are fixed; the leading ones that are plain source prefixes covering the whole destination
// are "painted" once onto the address line (each segment keeps the first rule covering it), so a
// flow looks up its segments by binary search. The addresses no segment covers continue, linearly,
// with the rules from the first rule that is not plain (a tag, a partial destination, an ASG, a
// source-port list) on; of those, only the rules whose source can meet the flow's are walked.
//
// Rules that cover only part of the destination cut it into pieces; each rule covers a piece
// entirely or not at all. When there are a few pieces, each gets an index of its own (where those
// rules are plain again) and the flow's decision is put together from the pieces' decisions. The
// result is the same as `runLinear` (checked by a property test).

interface Segment {
  start: number;
  end: number;
  rule: CompiledRule;
  order: number;
}

/** The rules after the painted ones, and their source ranges sorted, to find the ones a source meets. */
interface RestRules {
  rules: CompiledRule[];
  /** Positions (in `rules`) of the rules whose source is not plain ranges: they may meet any source. */
  always: number[];
  ranges: { start: number; end: number; order: number }[];
  /** The largest end among `ranges[0..i]`. */
  reach: Float64Array;
}

interface FlowIndex {
  segments: Segment[];
  /** The painted rules, by order. */
  plain: CompiledRule[];
  rest: RestRules;
}

interface FlowPlan {
  ctx: ResolvedContext;
  /** One index per piece of the destination: the whole destination, or the pieces rules cut it into. */
  pieces: { destination: Side; index: FlowIndex }[];
  /** Decisions already made, by source range (many clients share a subnet or a VNet). */
  decided: Map<string, NsgDecision>;
}

/** A destination cut into more pieces than this is evaluated whole (the pieces would cost more). */
const MAX_DESTINATION_PIECES = 32;

const planCache = new WeakMap<CompiledNsg, Map<string, FlowPlan>>();

const plainSource = (s: AddressSpec): boolean =>
  !s.any && !s.virtualNetwork && !s.internet && !s.asg && s.tags.length === 0;

function isPlain(rule: CompiledRule, destination: Side, ctx: ResolvedContext): boolean {
  if (!plainSource(rule.source) || rule.source.ranges.length === 0 || !rule.sourcePorts.any) return false;
  const d = cover(rule.destination, destination, ctx);
  return d.kind === 'full' || (d.kind === 'ranges' && destination.kind === 'ranges' && sameSet(d.set, destination.set));
}

function flowPlan(nsg: CompiledNsg, flow: Flow, destination: Side & { kind: 'ranges' }, ctx: ResolvedContext) {
  let perNsg = planCache.get(nsg);
  if (perNsg === undefined) {
    perNsg = new Map();
    planCache.set(nsg, perNsg);
  }
  const key = `${flow.direction}|${flow.protocol}|${flow.protocol === 'Icmp' ? 0 : flow.port}|${sideKey(destination)}`;
  const cached = perNsg.get(key);
  if (cached !== undefined && cached.ctx === ctx) return cached;
  const candidates = nsg[flow.direction].filter(
    (r) => appliesTo(r, flow) && cover(r.destination, destination, ctx).kind !== 'none',
  );
  const cuts = destinationCuts(candidates, destination, ctx);
  const sides: Side[] = cuts === null ? [destination] : cuts.map((piece): Side => ({ kind: 'ranges', set: [piece] }));
  const plan: FlowPlan = {
    ctx,
    pieces: sides.map((side) => ({
      destination: side,
      index: flowIndex(
        sides.length === 1 ? candidates : candidates.filter((r) => cover(r.destination, side, ctx).kind !== 'none'),
        side,
        ctx,
      ),
    })),
    decided: new Map(),
  };
  perNsg.set(key, plan);
  return plan;
}

/**
 * The pieces that the rules covering only part of a one-range destination cut it into, in order;
 * null when no rule cuts it, or when it would take more than MAX_DESTINATION_PIECES pieces.
 */
function destinationCuts(
  rules: readonly CompiledRule[],
  destination: Side & { kind: 'ranges' },
  ctx: ResolvedContext,
): IpRange[] | null {
  const whole = destination.set[0];
  if (destination.set.length !== 1 || whole === undefined) return null;
  const cuts = new Set<number>();
  for (const rule of rules) {
    const c = cover(rule.destination, destination, ctx);
    if (c.kind !== 'ranges') continue;
    for (const r of c.set) {
      if (r.start > whole.start) cuts.add(r.start);
      if (r.end < whole.end) cuts.add(r.end + 1);
    }
    if (cuts.size >= MAX_DESTINATION_PIECES) return null;
  }
  if (cuts.size === 0) return null;
  const points = [whole.start, ...[...cuts].sort((a, b) => a - b), whole.end + 1];
  return points.slice(1).map((next, i) => ({ start: points[i] as number, end: next - 1 }));
}

function flowIndex(candidates: readonly CompiledRule[], destination: Side, ctx: ResolvedContext): FlowIndex {
  let barrier = candidates.findIndex((r) => !isPlain(r, destination, ctx));
  if (barrier < 0) barrier = candidates.length;
  const plain = candidates.slice(0, barrier);
  return { segments: paint(plain), plain, rest: restRules(candidates.slice(barrier)) };
}

function restRules(rules: CompiledRule[]): RestRules {
  const always: number[] = [];
  const ranges: { start: number; end: number; order: number }[] = [];
  rules.forEach((rule, order) => {
    if (!plainSource(rule.source)) always.push(order);
    else for (const r of rule.source.ranges) ranges.push({ start: r.start, end: r.end, order });
  });
  ranges.sort((a, b) => a.start - b.start);
  const reach = new Float64Array(ranges.length);
  let max = -1;
  ranges.forEach((r, i) => {
    max = Math.max(max, r.end);
    reach[i] = max;
  });
  return { rules, always, ranges, reach };
}

/** The rules of `rest` whose source may meet `source` (sorted, disjoint), in order. */
function restMeeting(rest: RestRules, source: RangeSet): CompiledRule[] {
  const first = source[0];
  const last = source[source.length - 1];
  if (first === undefined || last === undefined || rest.rules.length === 0) return [];
  // The first range that reaches the source (`reach` grows), then every range that starts before its end.
  let lo = 0;
  let hi = rest.ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rest.reach[mid] as number) < first.start) lo = mid + 1;
    else hi = mid;
  }
  const picked = new Set(rest.always);
  for (let i = lo; i < rest.ranges.length; i += 1) {
    const r = rest.ranges[i] as { start: number; end: number; order: number };
    if (r.start > last.end) break;
    if (r.end >= first.start) picked.add(r.order);
  }
  if (picked.size === rest.rules.length) return rest.rules;
  return [...picked].sort((a, b) => a - b).map((o) => rest.rules[o] as CompiledRule);
}

/** The rules' source ranges painted onto the address line: each elementary segment gets its first rule. */
function paint(rules: readonly CompiledRule[]): Segment[] {
  const items: { start: number; end: number; order: number }[] = [];
  rules.forEach((rule, order) => {
    for (const r of rule.source.ranges) items.push({ start: r.start, end: r.end, order });
  });
  return paintRanges(items).map((p) => ({ ...p, rule: rules[p.order] as CompiledRule }));
}

function evaluateIndexed(
  index: FlowIndex,
  range: IpRange,
  destination: Side,
  flow: Flow,
  ctx: ResolvedContext,
): NsgDecision {
  const segments = index.segments;
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((segments[mid] as Segment).end < range.start) lo = mid + 1;
    else hi = mid;
  }
  const decidedOrders = new Set<number>();
  const gaps: IpRange[] = [];
  let cursor = range.start;
  for (let i = lo; i < segments.length && (segments[i] as Segment).start <= range.end; i += 1) {
    const seg = segments[i] as Segment;
    if (seg.start > cursor) gaps.push({ start: cursor, end: seg.start - 1 });
    decidedOrders.add(seg.order);
    cursor = seg.end + 1;
  }
  if (cursor <= range.end) gaps.push({ start: cursor, end: range.end });
  const tail =
    gaps.length > 0
      ? runLinear(restMeeting(index.rest, gaps), [{ source: { kind: 'ranges', set: gaps }, destination }], flow, ctx)
      : null;
  if (decidedOrders.size === 0 && tail !== null) return tail;
  const decided = [...decidedOrders].sort((a, b) => a - b).map((o) => index.plain[o] as CompiledRule);
  const deny = decided.find((r) => r.access === 'Deny');
  if (deny !== undefined) {
    if (decided.length === 1 && tail === null) return partOf(deny);
    const before = decided.slice(0, decided.indexOf(deny));
    return { ...partOf(deny), partial: true, parts: [...before, deny].map(partOf) };
  }
  if (tail === null) {
    const last = decided[decided.length - 1] as CompiledRule;
    if (decided.length === 1) return partOf(last);
    return { ...partOf(last), partial: true, parts: decided.map(partOf) };
  }
  const { partial: _p, parts: tailParts, ...tailPart } = tail;
  return { ...tailPart, partial: true, parts: [...decided.map(partOf), ...(tailParts ?? [tailPart])] };
}

/** Rules in evaluation order: the user's rules by priority (then position), the default rules last. */
function compareParts(a: NsgDecisionPart, b: NsgDecisionPart): number {
  return (
    Number(a.isDefault) - Number(b.isDefault) || a.priority - b.priority || (a.ruleIndex ?? 0) - (b.ruleIndex ?? 0)
  );
}

const partKey = (p: NsgDecisionPart): string => (p.isDefault ? `default ${p.ruleName}` : `rule ${p.ruleIndex ?? -1}`);

/**
 * The decision for the whole destination from the decisions for its pieces, as `runLinear` makes it
 * for the whole: the first rule (in evaluation order) that denies a part of any piece decides, after
 * the rules that allowed something before it; without a denial, every rule that allowed a part is
 * listed and the last one decides. One rule deciding every piece whole decides the flow whole.
 */
function joinPieces(decisions: readonly NsgDecision[]): NsgDecision {
  const touched = new Map<string, NsgDecisionPart>();
  let deny: NsgDecisionPart | null = null;
  let wholeBy: string | null | undefined;
  for (const d of decisions) {
    const { partial, parts, ...main } = d;
    for (const p of partial === true && parts !== undefined ? parts : [main]) touched.set(partKey(p), p);
    if (main.access === 'Deny' && (deny === null || compareParts(main, deny) < 0)) deny = main;
    const key = partial === true ? null : partKey(main);
    wholeBy = wholeBy === undefined || wholeBy === key ? key : null;
  }
  const listed = [...touched.values()].sort(compareParts);
  if (deny !== null) {
    const denying = deny;
    if (wholeBy === partKey(denying)) return denying;
    const before = listed.filter((p) => compareParts(p, denying) < 0);
    return { ...denying, partial: true, parts: [...before, denying] };
  }
  const last = listed[listed.length - 1] as NsgDecisionPart;
  if (wholeBy !== null && wholeBy !== undefined) return last;
  return { ...last, partial: true, parts: listed };
}

/** Parses address prefixes of the plan, skipping the ones that are not valid CIDRs (other rules report them). */
function validRanges(prefixes: readonly string[]): IpRange[] {
  const out: IpRange[] = [];
  for (const p of prefixes) {
    const c = parseLooseCidrFast(p);
    if (c.ok) out.push(cidrRange(c.value));
  }
  return out;
}

/**
 * The NSG context of a private-access plan: `VirtualNetwork` = the server VNet's address spaces,
 * the address spaces of VNets peered in both directions (a peering declared on one side only
 * carries no traffic, PGN-139) and the on-premises ranges connected by VPN or ExpressRoute.
 * Null for public access (no VNet, no NSG).
 */
export function nsgContextForPlan(plan: Plan): NsgContext | null {
  const access = plan.access;
  if (access.mode !== 'private') return null;
  const ranges: IpRange[] = [...validRanges(access.vnet.addressSpaces)];
  const index = planIndex(plan);
  for (const peer of access.peeredVnets) {
    if (index.peered(access.vnet.name, peer.name)) ranges.push(...validRanges(peer.addressSpaces));
  }
  for (const site of access.onPremises) {
    if (site.connection !== 'none') ranges.push(...validRanges(site.addressRanges));
  }
  return { virtualNetwork: mergeRanges(ranges), region: plan.servers[0]?.region ?? access.vnet.region };
}
