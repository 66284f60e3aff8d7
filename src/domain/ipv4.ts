/**
 * IPv4 and CIDR math. Parsing is done by `ip-address`; everything after parsing works on unsigned
 * 32-bit integers held in plain numbers (0 … 2^32 − 1), which keeps the overlap sweeps fast.
 */
// The IPv4 module of ip-address alone: the package is CommonJS, so importing its index would bundle
// the IPv6 class too (several kilobytes of the first screen) although only IPv4 is ever parsed.
import { Address4 } from 'ip-address/dist/ipv4.js';
import { AZURE_RESERVED_ADDRESSES_PER_SUBNET } from './azure';

export const IPV4_MAX = 0xffffffff;

export interface Cidr {
  /** First address, as an unsigned 32-bit integer. */
  readonly start: number;
  readonly prefixLength: number;
}

export interface IpRange {
  readonly start: number;
  readonly end: number;
}

type IpErrorCode =
  | 'empty'
  | 'whitespace'
  | 'ipv6'
  | 'leading-zero'
  | 'octet-range'
  | 'malformed'
  | 'prefix'
  | 'not-aligned'
  | 'cidr-not-allowed';

interface IpError {
  readonly code: IpErrorCode;
  readonly message: string;
  /** A corrected value, where there is an obvious one (the aligned network, the address without zeros). */
  readonly suggestion?: string;
}

export type IpResult<T> = { ok: true; value: T } | { ok: false; error: IpError };

const ok = <T>(value: T): IpResult<T> => ({ ok: true, value });
const fail = (code: IpErrorCode, message: string, suggestion?: string): IpResult<never> => ({
  ok: false,
  error: suggestion === undefined ? { code, message } : { code, message, suggestion },
});

/**
 * Whether text is written as an IPv6 address (hex groups separated by colons, at most one `::`, an
 * optional IPv4 tail or zone). Used only to word the error: IPv6 is never accepted (seed, "Firewall
 * rule is not available for IPv6 format"). Kept out of ip-address's IPv6 class, which would add
 * several kilobytes to the first screen for one message.
 */
export function looksLikeIpv6(s: string): boolean {
  const text = s.replace(/%[\w.-]+$/, '');
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || (text.match(/:/g)?.length ?? 0) < 2) return false;
  if (text.indexOf('::') !== text.lastIndexOf('::') || text.includes(':::')) return false;
  const groups = text.split(':');
  const last = groups[groups.length - 1] ?? '';
  const hexGroups = last.includes('.') ? groups.slice(0, -1) : groups;
  if (last.includes('.') && !Address4.isValid(last)) return false;
  const maxGroups = last.includes('.') ? 6 : 8;
  const filled = hexGroups.filter((g) => g !== '');
  return (
    filled.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g)) &&
    (text.includes('::') ? filled.length < maxGroups : filled.length === maxGroups)
  );
}

const isIpv6 = looksLikeIpv6;

function diagnoseAddress(text: string, original: string): IpResult<never> {
  const parts = text.split('.');
  if (parts.length === 4 && parts.every((p) => /^\d+$/.test(p))) {
    const big = parts.find((p) => Number(p) > 255);
    if (big !== undefined) {
      return fail('octet-range', `${original} is not a valid IPv4 address: ${big} is above 255 (each part is 0–255).`);
    }
    if (parts.some((p) => p.length > 1 && p.startsWith('0'))) {
      const fixed = parts.map((p) => String(Number(p))).join('.');
      return fail(
        'leading-zero',
        `${original} has leading zeros, which are ambiguous (some tools read them as octal); write ${fixed}.`,
        fixed,
      );
    }
  }
  return fail(
    'malformed',
    `${original} is not an IPv4 address (expected four numbers 0–255 separated by dots, like 10.0.0.4).`,
  );
}

/** Parses a dotted-quad IPv4 address (no CIDR suffix). */
export function parseIPv4(input: string): IpResult<number> {
  if (input.length === 0) return fail('empty', 'An IPv4 address is required.');
  if (input.trim() !== input) return fail('whitespace', `"${input}" has spaces around it; remove them.`, input.trim());
  if (isIpv6(input)) {
    return fail('ipv6', `${input} is an IPv6 address; only IPv4 addresses are accepted here.`);
  }
  if (input.includes('/')) {
    return fail('cidr-not-allowed', `${input} is a CIDR block; a single IPv4 address is expected here.`);
  }
  if (!Address4.isValid(input)) return diagnoseAddress(input, input);
  return ok(Number(new Address4(input).bigInt()));
}

/**
 * Parses `a.b.c.d/n`. With `aligned` (the default) the address must be the network address of the
 * block, as Azure requires for address spaces and subnets.
 */
export function parseCidr(input: string, options: { aligned?: boolean } = {}): IpResult<Cidr> {
  const aligned = options.aligned ?? true;
  if (input.length === 0) return fail('empty', 'A CIDR block is required (e.g. 10.0.0.0/16).');
  if (input.trim() !== input) return fail('whitespace', `"${input}" has spaces around it; remove them.`, input.trim());
  const slash = input.indexOf('/');
  if (slash < 0) {
    if (isIpv6(input)) return fail('ipv6', `${input} is an IPv6 address; only IPv4 CIDR blocks are accepted here.`);
    return fail('prefix', `${input} has no prefix length; write it as a CIDR block such as ${input}/24.`);
  }
  const addressText = input.slice(0, slash);
  const prefixText = input.slice(slash + 1);
  if (isIpv6(addressText)) {
    return fail('ipv6', `${input} is an IPv6 block; only IPv4 CIDR blocks are accepted here.`);
  }
  if (!/^(0|[1-9]\d?)$/.test(prefixText) || Number(prefixText) > 32) {
    return fail('prefix', `${input} has an invalid prefix length "/${prefixText}" (0–32, no leading zeros).`);
  }
  const address = parseIPv4(addressText);
  if (!address.ok) return address.error.code === 'malformed' ? diagnoseAddress(addressText, input) : address;
  const prefixLength = Number(prefixText);
  const start = networkOf(address.value, prefixLength);
  if (aligned && start !== address.value) {
    const network = formatCidr({ start, prefixLength });
    return fail(
      'not-aligned',
      `${input} is not a network address: ${addressText} lies inside ${network}. Use ${network}.`,
      network,
    );
  }
  return ok({ start, prefixLength });
}

/** Parses a single IPv4 address (as a /32) or an aligned CIDR block. */
export function parseIPv4OrCidr(input: string): IpResult<Cidr> {
  // The fast parsers (below) give the same results; plans and clients hold thousands of these.
  if (input.includes('/')) return parseCidrFast(input);
  const address = parseIPv4Fast(input);
  return address.ok ? ok({ start: address.value, prefixLength: 32 }) : address;
}

function maskOf(prefixLength: number): number {
  return prefixLength === 0 ? 0 : (IPV4_MAX << (32 - prefixLength)) >>> 0;
}

export function networkOf(address: number, prefixLength: number): number {
  return (address & maskOf(prefixLength)) >>> 0;
}

export function formatIPv4(address: number): string {
  return `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}`;
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIPv4(cidr.start)}/${cidr.prefixLength}`;
}

/** Number of addresses in the block: 2^(32 − prefix). */
function cidrSize(cidr: Cidr | number): number {
  const prefixLength = typeof cidr === 'number' ? cidr : cidr.prefixLength;
  return 2 ** (32 - prefixLength);
}

export function cidrEnd(cidr: Cidr): number {
  return cidr.start + cidrSize(cidr) - 1;
}

export function cidrRange(cidr: Cidr): IpRange {
  return { start: cidr.start, end: cidrEnd(cidr) };
}

/** Addresses Azure leaves usable in a subnet of this size: size − 5 (never negative). facts §1.2 */
export function azureUsableCount(cidr: Cidr | number): number {
  return Math.max(0, cidrSize(cidr) - AZURE_RESERVED_ADDRESSES_PER_SUBNET);
}

export interface ReservedAddress {
  readonly address: string;
  readonly purpose: string;
}

/**
 * The five addresses Azure reserves in every subnet, by value: x.x.x.0 network, .1 default gateway,
 * .2 and .3 Azure DNS, last broadcast. facts §1.2 (Azure VNet FAQ). Blocks smaller than /29 cannot
 * be Azure subnets; for them the list is cut to the block's size.
 */
export function azureReservedAddresses(cidr: Cidr): ReservedAddress[] {
  const end = cidrEnd(cidr);
  const list: ReservedAddress[] = [
    { address: formatIPv4(cidr.start), purpose: 'Network address' },
    { address: formatIPv4(cidr.start + 1), purpose: 'Default gateway' },
    { address: formatIPv4(cidr.start + 2), purpose: 'Azure DNS' },
    { address: formatIPv4(cidr.start + 3), purpose: 'Azure DNS' },
    { address: formatIPv4(end), purpose: 'Broadcast address' },
  ];
  return cidrSize(cidr) >= 8 ? list : list.slice(0, cidrSize(cidr));
}

export function rangeContains(outer: IpRange, inner: IpRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function rangesOverlap(a: IpRange, b: IpRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return rangeContains(cidrRange(outer), cidrRange(inner));
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return rangesOverlap(cidrRange(a), cidrRange(b));
}

/** The smallest list of CIDR blocks that covers exactly start…end. */
export function rangeToCidrs(range: IpRange): Cidr[] {
  const out: Cidr[] = [];
  let start = range.start;
  while (start <= range.end) {
    // Largest block aligned at `start` that does not pass the end.
    let prefixLength = start === 0 ? 0 : 32 - lowestSetBit(start);
    while (start + cidrSize(prefixLength) - 1 > range.end) prefixLength += 1;
    out.push({ start, prefixLength });
    start += cidrSize(prefixLength);
  }
  return out;
}

function lowestSetBit(n: number): number {
  // Index of the lowest set bit of a uint32 (0–31).
  let bit = 0;
  while (bit < 32 && Math.floor(n / 2 ** bit) % 2 === 0) bit += 1;
  return bit;
}

/** If the range is exactly one CIDR block, that block. */
export function rangeAsCidr(range: IpRange): Cidr | null {
  const list = rangeToCidrs(range);
  return list.length === 1 ? (list[0] ?? null) : null;
}

export interface Overlap<T> {
  readonly a: T;
  readonly b: T;
}

/**
 * Finds elements that overlap an earlier element, in O(n log n): sort by start, sweep while
 * remembering the element that reaches furthest. Each overlapping element is reported once, paired
 * with the element it collides with (not every pair: n elements all overlapping would give n² pairs).
 */
export function findOverlaps<T>(items: readonly T[], rangeOf: (item: T) => IpRange): Overlap<T>[] {
  const n = items.length;
  const starts = new Uint32Array(n);
  const ends = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const r = rangeOf(items[i] as T);
    starts[i] = r.start;
    ends[i] = r.end;
  }
  const order = sortIndicesByKey(starts);
  const out: Overlap<T>[] = [];
  let reachIndex = -1;
  let reachEnd = -1;
  for (let k = 0; k < n; k += 1) {
    const i = order[k] as number;
    if (reachIndex >= 0 && (starts[i] as number) <= reachEnd) {
      out.push({ a: items[reachIndex] as T, b: items[i] as T });
    }
    if ((ends[i] as number) > reachEnd) {
      reachEnd = ends[i] as number;
      reachIndex = i;
    }
  }
  return out;
}

/**
 * Indices of `keys` in ascending key order (stable): an LSD radix sort, three passes of 11 bits,
 * linear in n. Small inputs use a comparison sort, which is faster there.
 */
export function sortIndicesByKey(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  if (n < 256) return order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
  let next = new Uint32Array(n);
  const counts = new Uint32Array(2048);
  for (let shift = 0; shift < 33; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < n; i += 1) counts[((keys[i] as number) >>> shift) & 2047]! += 1;
    let sum = 0;
    for (let b = 0; b < 2048; b += 1) {
      const c = counts[b] as number;
      counts[b] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k += 1) {
      const i = order[k] as number;
      const bucket = ((keys[i] as number) >>> shift) & 2047;
      next[counts[bucket] as number] = i;
      counts[bucket]! += 1;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * "Does one of `blocks` contain this block?" in O(log n) per question, after O(n log n) once. CIDR
 * blocks are nested or disjoint, so the blocks no other block contains are disjoint: a block lies in
 * one of `blocks` exactly when it lies in the last of those that starts at or before it.
 */
export function insideAnyOf(blocks: readonly Cidr[]): (inner: Cidr) => boolean {
  const sorted = blocks.map(cidrRange).sort((a, b) => a.start - b.start || b.end - a.end);
  const outer: IpRange[] = [];
  for (const r of sorted) {
    const last = outer[outer.length - 1];
    if (last === undefined || r.end > last.end) outer.push(r);
  }
  return (inner) => {
    const range = cidrRange(inner);
    let lo = 0;
    let hi = outer.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((outer[mid] as IpRange).start <= range.start) lo = mid + 1;
      else hi = mid;
    }
    const candidate = outer[lo - 1];
    return candidate !== undefined && rangeContains(candidate, range);
  };
}

/** A piece of the address line and the lowest `order` among the ranges that cover it. */
export interface PaintedSegment {
  readonly start: number;
  readonly end: number;
  readonly order: number;
}

/**
 * Paints ranges onto the address line: each maximal piece covered by at least one range gets the
 * lowest `order` among the ranges covering it (the first in plan order, the first rule by priority).
 * Sorted, disjoint; O(n log n) with a min-heap on order. Used with `paintedAt` to answer "which is
 * the first element that holds this address?" in O(log n) instead of a scan of every element.
 */
export function paintRanges(items: readonly { start: number; end: number; order: number }[]): PaintedSegment[] {
  const intervals = [...items].sort((a, b) => a.start - b.start);
  const points = new Float64Array(intervals.length * 2);
  intervals.forEach((iv, i) => {
    points[2 * i] = iv.start;
    points[2 * i + 1] = iv.end + 1;
  });
  points.sort();
  const heap: { end: number; order: number }[] = [];
  const less = (i: number, j: number) => (heap[i] as { order: number }).order < (heap[j] as { order: number }).order;
  const swap = (i: number, j: number) => {
    const t = heap[i] as { end: number; order: number };
    heap[i] = heap[j] as { end: number; order: number };
    heap[j] = t;
  };
  const push = (item: { end: number; order: number }) => {
    heap.push(item);
    for (let i = heap.length - 1; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
  };
  const pop = () => {
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    heap[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (l + 1 < heap.length && less(l + 1, m)) m = l + 1;
      if (m === i) break;
      swap(i, m);
      i = m;
    }
  };
  const out: { start: number; end: number; order: number }[] = [];
  let k = 0;
  for (let p = 0; p + 1 < points.length; p += 1) {
    const at = points[p] as number;
    const next = points[p + 1] as number;
    if (next === at) continue;
    while (k < intervals.length && (intervals[k] as { start: number }).start <= at) {
      const iv = intervals[k] as { end: number; order: number };
      push({ end: iv.end, order: iv.order });
      k += 1;
    }
    while (heap.length > 0 && (heap[0] as { end: number }).end < at) pop();
    const top = heap[0];
    if (top === undefined) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.order === top.order && prev.end === at - 1) prev.end = next - 1;
    else out.push({ start: at, end: next - 1, order: top.order });
  }
  return out;
}

/** The painted segment holding `address` (binary search), or undefined. */
export function paintedAt(segments: readonly PaintedSegment[], address: number): PaintedSegment | undefined {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((segments[mid] as PaintedSegment).end < address) lo = mid + 1;
    else hi = mid;
  }
  const segment = segments[lo];
  return segment !== undefined && segment.start <= address ? segment : undefined;
}

/** Merges ranges into sorted, non-overlapping, non-adjacent ranges. O(n log n). */
export function mergeRanges(ranges: readonly IpRange[]): IpRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: IpRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r.start <= last.end + 1) {
      if (r.end > last.end) out[out.length - 1] = { start: last.start, end: r.end };
    } else {
      out.push({ start: r.start, end: r.end });
    }
  }
  return out;
}

/**
 * The first aligned block of the given prefix length inside one of `within` that overlaps none of
 * `avoid`, searching the address spaces in the order given. O((n + m) log (n + m)).
 */
export function nextFreeBlock(prefixLength: number, within: readonly Cidr[], avoid: readonly Cidr[]): Cidr | null {
  const size = cidrSize(prefixLength);
  const taken = mergeRanges(avoid.map(cidrRange));
  for (const space of within) {
    if (space.prefixLength > prefixLength) continue;
    const spaceEnd = cidrEnd(space);
    let candidate = space.start;
    // Index of the first taken range that ends at or after the candidate (binary search).
    let i = lowerBound(taken, candidate);
    while (candidate + size - 1 <= spaceEnd) {
      const blocker = taken[i];
      if (blocker === undefined || blocker.start > candidate + size - 1) return { start: candidate, prefixLength };
      // Jump past the blocker, then up to the next aligned boundary.
      candidate = Math.ceil((blocker.end + 1) / size) * size;
      while (taken[i] !== undefined && (taken[i] as IpRange).end < candidate) i += 1;
    }
  }
  return null;
}

function lowerBound(ranges: readonly IpRange[], address: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ranges[mid] as IpRange).end < address) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const PRIVATE_RANGES: readonly Cidr[] = [
  { start: 0x0a000000, prefixLength: 8 }, // 10.0.0.0/8 (RFC 1918)
  { start: 0xac100000, prefixLength: 12 }, // 172.16.0.0/12 (RFC 1918)
  { start: 0xc0a80000, prefixLength: 16 }, // 192.168.0.0/16 (RFC 1918)
];
const LOOPBACK: Cidr = { start: 0x7f000000, prefixLength: 8 }; // 127.0.0.0/8 (RFC 1122)
const LINK_LOCAL: Cidr = { start: 0xa9fe0000, prefixLength: 16 }; // 169.254.0.0/16 (RFC 3927)

export type SpecialUse = 'private' | 'loopback' | 'link-local';

/** The special-use blocks (RFC 1918 private, loopback, link-local) a range touches. */
export function specialUseOverlaps(range: IpRange): SpecialUse[] {
  const out: SpecialUse[] = [];
  if (PRIVATE_RANGES.some((c) => rangesOverlap(cidrRange(c), range))) out.push('private');
  if (rangesOverlap(cidrRange(LOOPBACK), range)) out.push('loopback');
  if (rangesOverlap(cidrRange(LINK_LOCAL), range)) out.push('link-local');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fast parsing

/**
 * Fast path for the common case, a well-formed dotted quad: returns the address as an unsigned
 * 32-bit number from `text[from]` to `text[to - 1]`, or -1 when the text is anything else (empty,
 * spaces, leading zeros, an octet above 255, another character). Callers fall back to the precise
 * parsers above for -1, so every value accepted here is one `parseIPv4` accepts too
 * (checked by a property test), and every message still comes from there. Used by the NSG
 * compiler and the rule engine, which parse thousands of prefixes per evaluation.
 */
function quickAddress(text: string, from: number, to: number): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots += 1;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && octet === 0) return -1; // leading zero
      octet = octet * 10 + (c - 48);
      digits += 1;
      if (octet > 255) return -1;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + octet;
}

/**
 * The address, if `text` is a well-formed dotted quad; otherwise null, without working out why (no
 * message, no fallback to the precise parser). For telling at once whether a token is an address.
 */
export function quickIPv4(text: string): number | null {
  const v = quickAddress(text, 0, text.length);
  return v >= 0 ? v : null;
}

/** `parseIPv4`, with the fast path above for well-formed input. */
export function parseIPv4Fast(text: string): IpResult<number> {
  const v = quickAddress(text, 0, text.length);
  return v >= 0 ? { ok: true, value: v } : parseIPv4(text);
}

/** `parseCidr` (aligned), with the fast path above for well-formed, aligned input. */
export function parseCidrFast(text: string): IpResult<Cidr> {
  const slash = text.indexOf('/');
  const prefixText = slash < 0 ? '' : text.slice(slash + 1);
  if (slash > 0 && /^(0|[1-9]\d?)$/.test(prefixText)) {
    const prefixLength = Number(prefixText);
    const start = quickAddress(text, 0, slash);
    if (prefixLength <= 32 && start >= 0) {
      const size = 2 ** (32 - prefixLength);
      if (start % size === 0) return { ok: true, value: { start, prefixLength } };
    }
  }
  return parseCidr(text);
}

/** `parseCidr` with `aligned: false` (the block that holds the address), with the fast path. */
export function parseLooseCidrFast(text: string): IpResult<Cidr> {
  const slash = text.indexOf('/');
  const prefixText = slash < 0 ? '' : text.slice(slash + 1);
  if (slash > 0 && /^(0|[1-9]\d?)$/.test(prefixText)) {
    const prefixLength = Number(prefixText);
    const address = quickAddress(text, 0, slash);
    if (prefixLength <= 32 && address >= 0)
      return { ok: true, value: { start: networkOf(address, prefixLength), prefixLength } };
  }
  return parseCidr(text, { aligned: false });
}
