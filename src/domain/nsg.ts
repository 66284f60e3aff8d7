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
import { IPV4_MAX, cidrRange, mergeRanges, parseIPv4, parseIPv4Fast, parseLooseCidrFast, type IpRange } from './ipv4';
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

export interface NsgDecisionPart {
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

function intersect(a: RangeSet, b: RangeSet): IpRange[] {
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

function subtract(a: RangeSet, b: RangeSet): IpRange[] {
  const out: IpRange[] = [];
  let j = 0;
  for (const x of a) {
    let start = x.start;
    while (j < b.length && (b[j] as IpRange).end < start) j += 1;
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
  ranges: readonly { from: number; to: number }[];
}

export interface CompiledRule extends NsgDecisionPart {
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
  const ranges: { from: number; to: number }[] = [];
  let any = false;
  for (const raw of ports) {
    const p = raw.trim();
    if (p === '*' || p === '0-65535') any = true;
    else {
      const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(p);
      if (m) {
        const from = Number(m[1]);
        const to = m[2] === undefined ? from : Number(m[2]);
        if (from <= to && to <= 65535) ranges.push({ from, to });
      }
    }
  }
  if (ranges.some((r) => r.from <= 1 && r.to >= 65535)) any = true;
  return { any, ranges };
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

function compileNsgCached(rules: readonly NsgRule[]): CompiledNsg {
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
  return spec.any || spec.ranges.some((r) => r.from <= port && port <= r.to);
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
    return evaluateIndexed(flowIndex(nsg, flow, destination, ctx), range, destination, flow, ctx);
  }
  return runLinear(nsg[flow.direction], [{ source, destination }], flow, ctx);
}

/** The same evaluation without the flow index (for tests that compare the two). */
export function evaluateCompiledNsgFlowLinear(nsg: CompiledNsg, flow: Flow, context: NsgContext): NsgDecision {
  const ctx = resolveContext(context);
  const source = toSide(flow.source, ctx);
  const destination = toSide(flow.destination, ctx);
  if (sideEmpty(source) || sideEmpty(destination)) return partOf(denyAllOf(flow.direction));
  return runLinear(nsg[flow.direction], [{ source, destination }], flow, ctx);
}

const denyAllOf = (direction: 'Inbound' | 'Outbound'): CompiledRule =>
  COMPILED_DEFAULTS.find((r) => r.direction === direction && r.access === 'Deny') as CompiledRule;

const appliesTo = (rule: CompiledRule, flow: Flow): boolean =>
  (rule.protocol === '*' || rule.protocol === flow.protocol) &&
  (flow.protocol === 'Icmp' || portCovers(rule.destinationPorts, flow.port));

/** Rules in order, first match wins, over the undecided pieces of the flow (see the module comment). */
function runLinear(ordered: readonly CompiledRule[], start: Piece[], flow: Flow, ctx: ResolvedContext): NsgDecision {
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
    pieces = next;
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
// source-port list) on. The result is the same as `runLinear` (checked by a property test).

interface Segment {
  start: number;
  end: number;
  rule: CompiledRule;
  order: number;
}

interface FlowIndex {
  ctx: ResolvedContext;
  segments: Segment[];
  /** The painted rules, by order. */
  plain: CompiledRule[];
  rest: CompiledRule[];
}

const indexCache = new WeakMap<CompiledNsg, Map<string, FlowIndex>>();

function isPlain(rule: CompiledRule, destination: Side, ctx: ResolvedContext): boolean {
  const s = rule.source;
  if (
    s.any ||
    s.virtualNetwork ||
    s.internet ||
    s.asg ||
    s.tags.length > 0 ||
    s.ranges.length === 0 ||
    !rule.sourcePorts.any
  )
    return false;
  const d = cover(rule.destination, destination, ctx);
  return d.kind === 'full' || (d.kind === 'ranges' && destination.kind === 'ranges' && sameSet(d.set, destination.set));
}

function flowIndex(
  nsg: CompiledNsg,
  flow: Flow,
  destination: Side & { kind: 'ranges' },
  ctx: ResolvedContext,
): FlowIndex {
  let perNsg = indexCache.get(nsg);
  if (perNsg === undefined) {
    perNsg = new Map();
    indexCache.set(nsg, perNsg);
  }
  const key = `${flow.direction}|${flow.protocol}|${flow.protocol === 'Icmp' ? 0 : flow.port}|${destination.set.map((r) => `${r.start}-${r.end}`).join(',')}`;
  const cached = perNsg.get(key);
  if (cached !== undefined && cached.ctx === ctx) return cached;
  const candidates = nsg[flow.direction].filter(
    (r) => appliesTo(r, flow) && cover(r.destination, destination, ctx).kind !== 'none',
  );
  let barrier = candidates.findIndex((r) => !isPlain(r, destination, ctx));
  if (barrier < 0) barrier = candidates.length;
  const plain = candidates.slice(0, barrier);
  const index: FlowIndex = { ctx, segments: paint(plain), plain, rest: candidates.slice(barrier) };
  perNsg.set(key, index);
  return index;
}

/** Sweep over the rules' source ranges with a min-heap on rule order: each elementary segment gets its first rule. */
function paint(rules: readonly CompiledRule[]): Segment[] {
  const intervals: { start: number; end: number; order: number }[] = [];
  rules.forEach((rule, order) => {
    for (const r of rule.source.ranges) intervals.push({ start: r.start, end: r.end, order });
  });
  intervals.sort((a, b) => a.start - b.start);
  const points = [...new Set(intervals.flatMap((iv) => [iv.start, iv.end + 1]))].sort((a, b) => a - b);
  const heap: { end: number; order: number }[] = [];
  const push = (item: { end: number; order: number }) => {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as { order: number }).order <= item.order) break;
      heap[i] = heap[parent] as { end: number; order: number };
      i = parent;
    }
    heap[i] = item;
  };
  const pop = () => {
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let best = last.order;
      if (l < heap.length && (heap[l] as { order: number }).order < best) {
        m = l;
        best = (heap[l] as { order: number }).order;
      }
      if (r < heap.length && (heap[r] as { order: number }).order < best) m = r;
      if (m === i) break;
      heap[i] = heap[m] as { end: number; order: number };
      i = m;
    }
    heap[i] = last;
  };
  const segments: Segment[] = [];
  let k = 0;
  for (let p = 0; p < points.length - 1; p += 1) {
    const at = points[p] as number;
    const next = points[p + 1] as number;
    while (k < intervals.length && (intervals[k] as { start: number }).start === at)
      push(intervals[k++] as { end: number; order: number });
    while (heap.length > 0 && (heap[0] as { end: number }).end < at) pop();
    const top = heap[0];
    if (top === undefined) continue;
    const prev = segments[segments.length - 1];
    if (prev !== undefined && prev.order === top.order && prev.end === at - 1) prev.end = next - 1;
    else segments.push({ start: at, end: next - 1, rule: rules[top.order] as CompiledRule, order: top.order });
  }
  return segments;
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
    gaps.length > 0 ? runLinear(index.rest, [{ source: { kind: 'ranges', set: gaps }, destination }], flow, ctx) : null;
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
  for (const peer of access.peeredVnets) {
    if (peer.peering.fromServerVnet && peer.peering.toServerVnet) ranges.push(...validRanges(peer.addressSpaces));
  }
  for (const site of access.onPremises) {
    if (site.connection !== 'none') ranges.push(...validRanges(site.addressRanges));
  }
  return { virtualNetwork: mergeRanges(ranges), region: plan.servers[0]?.region ?? access.vnet.region };
}
