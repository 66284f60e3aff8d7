/**
 * The address map of a VNet: each address space drawn as a bar of segments (existing subnets, the
 * delegated subnet, overlaps, free space), plus the delegated subnet's capacity and the "suggest a
 * free block" helper. Pure: the wizard draws what these functions return.
 */
import { ADDRESSES_PER_HA_SERVER, ADDRESSES_PER_NON_HA_SERVER, MIN_DELEGATED_SUBNET_PREFIX_LENGTH } from './azure';
import {
  azureUsableCount,
  cidrEnd,
  cidrRange,
  formatCidr,
  formatIPv4,
  nextFreeBlock,
  parseCidr,
  rangeAsCidr,
  type Cidr,
  type IpRange,
} from './ipv4';
import type { Server } from './plan';

type SegmentKind = 'free' | 'subnet' | 'delegated' | 'overlap';

interface AddressSegment {
  readonly kind: SegmentKind;
  /** First and last address (unsigned 32-bit integers). */
  readonly start: number;
  readonly end: number;
  /** Number of addresses in the segment. */
  readonly size: number;
  /** Position and width on the bar, in percent of the address space (0–100). */
  readonly offset: number;
  readonly width: number;
  /** The range as a CIDR block when it is exactly one, else `first – last`. */
  readonly range: string;
  /** Names of the subnets covering the segment (empty for free space). */
  readonly names: readonly string[];
  /** A one-line description for the text alternative and the tooltip. */
  readonly label: string;
}

export interface AddressBar {
  /** The address space, as typed (it parsed as an aligned CIDR block). */
  readonly space: string;
  readonly start: number;
  readonly end: number;
  readonly size: number;
  readonly segments: readonly AddressSegment[];
  readonly freeCount: number;
}

interface UnplacedItem {
  readonly name: string;
  readonly prefix: string;
  readonly reason: string;
}

export interface AddressMap {
  readonly bars: readonly AddressBar[];
  /** Address spaces that are not valid aligned CIDR blocks (not drawn). */
  readonly invalidSpaces: readonly UnplacedItem[];
  /** Subnets (and the delegated subnet) that could not be drawn: invalid prefix or outside every space. */
  readonly unplaced: readonly UnplacedItem[];
}

interface NamedPrefix {
  readonly name: string;
  readonly prefix: string;
}

export interface AddressMapInput {
  readonly addressSpaces: readonly string[];
  readonly subnets: readonly NamedPrefix[];
  /** The delegated subnet; null or an empty prefix when none is chosen yet. */
  readonly delegated: NamedPrefix | null;
}

interface Placed {
  readonly name: string;
  readonly delegated: boolean;
  readonly range: IpRange;
}

/** The delegated subnet's label while it has no name yet. */
export const DELEGATED_FALLBACK_NAME = 'Delegated subnet';

export function formatRange(range: IpRange): string {
  const asCidr = rangeAsCidr(range);
  return asCidr ? formatCidr(asCidr) : `${formatIPv4(range.start)} – ${formatIPv4(range.end)}`;
}

const count = (n: number): string => n.toLocaleString('en-US');

function segmentLabel(kind: SegmentKind, names: readonly string[], range: string, size: number): string {
  const addresses = `${count(size)} ${size === 1 ? 'address' : 'addresses'}`;
  switch (kind) {
    case 'free':
      return `Free: ${range} (${addresses})`;
    case 'delegated':
      return `${names[0] ?? DELEGATED_FALLBACK_NAME} (delegated subnet): ${range} (${addresses})`;
    case 'subnet':
      return `${names[0] ?? ''}: ${range} (${addresses})`;
    case 'overlap':
      return `Overlap of ${names.join(', ')}: ${range} (${addresses})`;
  }
}

/**
 * Cuts one address space into segments: a sweep over the start/end events of the subnets that touch
 * it (clipped to the space), so that every address belongs to exactly one segment. O(n log n).
 */
function barFor(space: string, cidr: Cidr, placed: readonly Placed[]): AddressBar {
  const spaceRange = cidrRange(cidr);
  const size = spaceRange.end - spaceRange.start + 1;
  type Event = { at: number; open: boolean; index: number };
  const events: Event[] = [];
  placed.forEach((p, index) => {
    const start = Math.max(p.range.start, spaceRange.start);
    const end = Math.min(p.range.end, spaceRange.end);
    if (start > end) return;
    events.push({ at: start, open: true, index }, { at: end + 1, open: false, index });
  });
  // Closings before openings at the same address, so touching subnets do not count as overlapping.
  events.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));

  const segments: AddressSegment[] = [];
  const active = new Set<number>();
  let cursor = spaceRange.start;
  let lastKey: string | null = null;
  const emit = (end: number) => {
    if (end < cursor) return;
    const ids = [...active].sort((a, b) => a - b);
    const covering = ids.map((i) => placed[i] as Placed);
    const kind: SegmentKind =
      covering.length === 0
        ? 'free'
        : covering.length > 1
          ? 'overlap'
          : covering[0]?.delegated
            ? 'delegated'
            : 'subnet';
    const names = covering.map((p) => p.name);
    const key = ids.join(',');
    const previous = segments[segments.length - 1];
    const sameCover = previous !== undefined && lastKey === key;
    lastKey = key;
    const start = sameCover ? previous.start : cursor;
    if (sameCover) segments.pop();
    const range = { start, end };
    const segSize = end - start + 1;
    const rangeText = formatRange(range);
    segments.push({
      kind,
      start,
      end,
      size: segSize,
      offset: ((start - spaceRange.start) / size) * 100,
      width: (segSize / size) * 100,
      range: rangeText,
      names,
      label: segmentLabel(kind, names, rangeText, segSize),
    });
    cursor = end + 1;
  };
  for (const e of events) {
    if (e.at > cursor) emit(e.at - 1);
    if (e.open) active.add(e.index);
    else active.delete(e.index);
  }
  emit(spaceRange.end);
  const freeCount = segments.filter((s) => s.kind === 'free').reduce((sum, s) => sum + s.size, 0);
  return { space, start: spaceRange.start, end: spaceRange.end, size, segments, freeCount };
}

/** The address map of a VNet: one bar per valid address space. */
export function buildAddressMap(input: AddressMapInput): AddressMap {
  const invalidSpaces: UnplacedItem[] = [];
  const spaces: { text: string; cidr: Cidr }[] = [];
  input.addressSpaces.forEach((text, i) => {
    if (text.trim() === '') return;
    const parsed = parseCidr(text);
    if (parsed.ok) spaces.push({ text, cidr: parsed.value });
    else invalidSpaces.push({ name: `Address space ${i + 1}`, prefix: text, reason: parsed.error.message });
  });

  const unplaced: UnplacedItem[] = [];
  const placed: Placed[] = [];
  const place = (item: NamedPrefix, delegated: boolean) => {
    const name = item.name.trim() === '' ? (delegated ? DELEGATED_FALLBACK_NAME : 'Unnamed subnet') : item.name;
    if (item.prefix.trim() === '') {
      if (!delegated) unplaced.push({ name, prefix: item.prefix, reason: 'No prefix yet.' });
      return;
    }
    const parsed = parseCidr(item.prefix);
    if (!parsed.ok) {
      unplaced.push({ name, prefix: item.prefix, reason: parsed.error.message });
      return;
    }
    const range = cidrRange(parsed.value);
    if (!spaces.some((s) => range.start <= cidrEnd(s.cidr) && s.cidr.start <= range.end)) {
      unplaced.push({ name, prefix: item.prefix, reason: 'Outside every address space of the VNet.' });
      return;
    }
    placed.push({ name, delegated, range });
  };
  for (const s of input.subnets) place(s, false);
  if (input.delegated !== null) place(input.delegated, true);

  return { bars: spaces.map((s) => barFor(s.text, s.cidr, placed)), invalidSpaces, unplaced };
}

/** How many prefix lengths above the delegated subnet the close-up shows: a /28 is seen inside its /24. */
const CLOSE_UP_LEVELS = 4;

/**
 * A close-up of the neighbourhood of the delegated subnet: the aligned block 2^4 times its size that
 * contains it (a /28 is shown inside its /24), cut into segments like a bar. Null when the delegated
 * prefix is not drawn, or when the close-up would be the whole address space anyway.
 */
export function buildCloseUp(input: AddressMapInput): AddressBar | null {
  if (input.delegated === null) return null;
  const parsed = parseCidr(input.delegated.prefix);
  if (!parsed.ok) return null;
  const spaces = validCidrs(input.addressSpaces);
  const space = spaces.find(
    (s) =>
      s.prefixLength <= parsed.value.prefixLength && cidrEnd(s) >= parsed.value.start && s.start <= parsed.value.start,
  );
  if (space === undefined) return null;
  const prefixLength = Math.max(space.prefixLength, parsed.value.prefixLength - CLOSE_UP_LEVELS);
  if (prefixLength === space.prefixLength) return null;
  const block: Cidr = { start: parsed.value.start - (parsed.value.start % 2 ** (32 - prefixLength)), prefixLength };
  const text = formatCidr(block);
  const map = buildAddressMap({ ...input, addressSpaces: [text] });
  return map.bars[0] ?? null;
}

/** Valid, aligned CIDR blocks among the given texts (invalid ones are skipped). */
function validCidrs(texts: readonly string[]): Cidr[] {
  const out: Cidr[] = [];
  for (const t of texts) {
    const parsed = parseCidr(t);
    if (parsed.ok) out.push(parsed.value);
  }
  return out;
}

/** Prefix lengths offered by "Suggest a free block": /28 (the minimum, facts §1.2) up to /24. */
export const SUGGESTED_PREFIX_LENGTHS = [28, 27, 26, 25, 24] as const;

/**
 * The first free aligned block of the given size in the VNet's address spaces, avoiding the VNet's
 * other subnets (the delegated subnet's current prefix is what is being replaced, so it is not avoided).
 */
export function suggestFreeBlock(
  prefixLength: number,
  addressSpaces: readonly string[],
  otherSubnets: readonly string[],
): string | null {
  const block = nextFreeBlock(prefixLength, validCidrs(addressSpaces), validCidrs(otherSubnets));
  return block ? formatCidr(block) : null;
}

export interface SubnetCapacity {
  /** Addresses in the block and the ones Azure leaves usable (size − 5). */
  readonly size: number;
  readonly usable: number;
  readonly haServers: number;
  readonly otherServers: number;
  /** Addresses the planned servers use: HA × 4 + others × 1 (the docs give no figure without HA). */
  readonly needed: number;
  readonly free: number;
  readonly fits: boolean;
  /** How many more HA servers would fit in what is left. */
  readonly moreHaServers: number;
  /** The subnet is smaller than the /28 minimum. */
  readonly belowMinimum: boolean;
}

/** Capacity of a delegated subnet for the planned servers (rules.md PGN-109; facts §1.2). */
export function subnetCapacity(
  prefix: string,
  servers: readonly Pick<Server, 'highAvailability'>[],
): SubnetCapacity | null {
  const parsed = parseCidr(prefix);
  if (!parsed.ok) return null;
  const size = cidrEnd(parsed.value) - parsed.value.start + 1;
  const usable = azureUsableCount(parsed.value);
  const haServers = servers.filter((s) => s.highAvailability !== 'Disabled').length;
  const otherServers = servers.length - haServers;
  const needed = haServers * ADDRESSES_PER_HA_SERVER + otherServers * ADDRESSES_PER_NON_HA_SERVER;
  const free = usable - needed;
  return {
    size,
    usable,
    haServers,
    otherServers,
    needed,
    free,
    fits: free >= 0,
    moreHaServers: Math.max(0, Math.floor(free / ADDRESSES_PER_HA_SERVER)),
    belowMinimum: parsed.value.prefixLength > MIN_DELEGATED_SUBNET_PREFIX_LENGTH,
  };
}
