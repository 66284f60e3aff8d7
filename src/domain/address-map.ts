/**
 * The address map of a VNet, like a subnet calculator that knows Azure: each address space cut into blocks (the
 * subnets, and the free space as aligned CIDR blocks that can be split in halves and joined again), Azure's five
 * reserved addresses and smallest subnet, the special subnets and their sizes, overlaps with the VNet's own
 * subnets and with other networks (peered VNets, on-premises ranges), and "suggest a free block of size /N".
 * Pure: the page draws what these functions return. O(n log n) in the subnets and other networks.
 */
import {
  ADDRESSES_PER_HA_SERVER,
  ADDRESSES_PER_NON_HA_SERVER,
  BASTION_SUBNET_MIN_PREFIX_LENGTH,
  DNS_RESOLVER_DELEGATION_SERVICE,
  DNS_RESOLVER_SUBNET_MAX_PREFIX_LENGTH,
  DNS_RESOLVER_SUBNET_MIN_PREFIX_LENGTH,
  FIREWALL_SUBNET_MIN_PREFIX_LENGTH,
  GATEWAY_SUBNET_MIN_PREFIX_LENGTH,
  MIN_DELEGATED_SUBNET_PREFIX_LENGTH,
  MIN_SUBNET_PREFIX_LENGTH,
  POSTGRES_DELEGATION_SERVICE,
} from './azure';
import {
  azureUsableCount,
  cidrEnd,
  cidrRange,
  findOverlaps,
  formatCidr,
  formatIPv4,
  mergeRanges,
  parseCidr,
  parseCidrFast,
  rangeToCidrs,
  type Cidr,
  type IpRange,
} from './ipv4';
import type { Server } from './plan';

/** What a subnet is for, when its name or its delegation says so. */
export interface SubnetRole {
  /** Shown on the map next to the name, e.g. "Delegated to Microsoft.DBforPostgreSQL/flexibleServers". */
  readonly label: string;
  /** The smallest size Azure accepts or recommends for it (largest prefix length). */
  readonly minPrefixLength: number;
  /** The largest size it may have (smallest prefix length), where there is one. */
  readonly maxPrefixLength?: number;
  /** Why that size, in one sentence. */
  readonly sizeNote: string;
}

const ROLE_BY_NAME: Readonly<Record<string, SubnetRole>> = {
  gatewaysubnet: {
    label: 'GatewaySubnet: VPN or ExpressRoute gateway',
    minPrefixLength: GATEWAY_SUBNET_MIN_PREFIX_LENGTH,
    sizeNote: `Microsoft recommends /${GATEWAY_SUBNET_MIN_PREFIX_LENGTH} or larger for a gateway subnet.`,
  },
  azurefirewallsubnet: {
    label: 'AzureFirewallSubnet: Azure Firewall',
    minPrefixLength: FIREWALL_SUBNET_MIN_PREFIX_LENGTH,
    sizeNote: `Azure Firewall needs a /${FIREWALL_SUBNET_MIN_PREFIX_LENGTH}.`,
  },
  azurefirewallmanagementsubnet: {
    label: 'AzureFirewallManagementSubnet: Azure Firewall management',
    minPrefixLength: FIREWALL_SUBNET_MIN_PREFIX_LENGTH,
    sizeNote: `Azure Firewall's management subnet needs a /${FIREWALL_SUBNET_MIN_PREFIX_LENGTH}.`,
  },
  azurebastionsubnet: {
    label: 'AzureBastionSubnet: Azure Bastion',
    minPrefixLength: BASTION_SUBNET_MIN_PREFIX_LENGTH,
    sizeNote: `Azure Bastion needs a /${BASTION_SUBNET_MIN_PREFIX_LENGTH} or larger.`,
  },
};

const DNS_RESOLVER_ROLE: SubnetRole = {
  label: `DNS resolver endpoint (by its name): delegated to ${DNS_RESOLVER_DELEGATION_SERVICE}`,
  minPrefixLength: DNS_RESOLVER_SUBNET_MIN_PREFIX_LENGTH,
  maxPrefixLength: DNS_RESOLVER_SUBNET_MAX_PREFIX_LENGTH,
  sizeNote:
    `A DNS Private Resolver endpoint needs a subnet of its own, /${DNS_RESOLVER_SUBNET_MIN_PREFIX_LENGTH} ` +
    `to /${DNS_RESOLVER_SUBNET_MAX_PREFIX_LENGTH}.`,
};

const DELEGATED_ROLE: SubnetRole = {
  label: `Delegated to ${POSTGRES_DELEGATION_SERVICE}`,
  minPrefixLength: MIN_DELEGATED_SUBNET_PREFIX_LENGTH,
  sizeNote: `A flexible server's delegated subnet must be a /${MIN_DELEGATED_SUBNET_PREFIX_LENGTH} or larger.`,
};

/**
 * The plan records no delegation for the VNet's other subnets, so a DNS resolver subnet is recognised by the
 * names people give it: "dns" with "resolver", "inbound" or "outbound" (snet-dns-inbound, dnsresolver-out,
 * inbounddns).
 */
function looksLikeDnsResolverSubnet(name: string): boolean {
  const n = name.toLowerCase().replace(/[^a-z]/g, '');
  return n.includes('dns') && (n.includes('resolver') || n.includes('inbound') || n.includes('outbound'));
}

/** The role of a subnet: the delegated subnet, one of Azure's special names, a DNS resolver subnet, or none. */
export function subnetRole(name: string, delegated: boolean): SubnetRole | null {
  if (delegated) return DELEGATED_ROLE;
  const special = ROLE_BY_NAME[name.trim().toLowerCase()];
  if (special !== undefined) return special;
  return looksLikeDnsResolverSubnet(name) ? DNS_RESOLVER_ROLE : null;
}

/** The smallest block "suggest" and "use" may give a subnet of this role: /29, or the role's minimum. */
export function minPrefixLengthFor(role: SubnetRole | null): number {
  return role === null ? MIN_SUBNET_PREFIX_LENGTH : Math.min(MIN_SUBNET_PREFIX_LENGTH, role.minPrefixLength);
}

/** A subnet of the VNet, with the plan path of its object (where `prefix` is written). */
export interface MapSubnet {
  readonly name: string;
  readonly prefix: string;
  readonly path: string;
  readonly delegated: boolean;
}

/** A range of another network: a peered VNet's address space or an on-premises range. */
export interface OtherRange {
  /** e.g. `VNet vnet-hub` or `on-premises hq`. */
  readonly owner: string;
  readonly prefix: string;
}

export interface AddressMapInput {
  readonly addressSpaces: readonly string[];
  readonly subnets: readonly MapSubnet[];
  readonly others: readonly OtherRange[];
  /** The free blocks the user split, as CIDR texts (see `splitBlock` and `joinBlock`). */
  readonly splits: ReadonlySet<string>;
}

interface BlockBase {
  readonly cidr: string;
  readonly start: number;
  readonly end: number;
  readonly prefixLength: number;
  readonly size: number;
  /** Addresses a subnet of this block leaves usable: size − 5 (Azure's reserved addresses). */
  readonly usable: number;
  /** Other networks this block overlaps, as `owner (prefix)`. */
  readonly otherOverlaps: readonly string[];
  /** Position and width on the bar, in percent of the address space. */
  readonly offset: number;
  readonly width: number;
}

export interface SubnetBlock extends BlockBase {
  readonly kind: 'subnet';
  readonly key: string;
  readonly subnet: MapSubnet;
  readonly role: SubnetRole | null;
  /** Names of the VNet's other subnets this one overlaps. */
  readonly subnetOverlaps: readonly string[];
  /** Why the size is wrong for Azure or for the subnet's role, or null. */
  readonly sizeProblem: string | null;
  /** The subnet reaches past the end of the address space it starts in. */
  readonly outsideSpace: boolean;
}

export interface FreeBlock extends BlockBase {
  readonly kind: 'free';
  readonly key: string;
  /** False below a /28: the halves would be smaller than Azure's smallest subnet (/29). */
  readonly canSplit: boolean;
  /** Smaller than /29: no subnet fits. */
  readonly tooSmall: boolean;
  /** When this block and the next one are the two free halves of a split block: that block. */
  readonly joinsInto: string | null;
}

export type MapBlock = SubnetBlock | FreeBlock;

export interface SpaceMap {
  readonly space: string;
  readonly start: number;
  readonly end: number;
  readonly size: number;
  /** The subnets alone, in address order: the same array until the plan changes (a split keeps it). */
  readonly subnets: readonly SubnetBlock[];
  /** Subnets and free blocks in address order (a subnet before the free blocks it overlaps, if any). */
  readonly blocks: readonly MapBlock[];
  readonly freeCount: number;
  /** The parts of the space that other networks also use, in address order. */
  readonly otherOverlaps: readonly { readonly range: string; readonly owner: string; offset: number; width: number }[];
}

interface Unplaced {
  readonly name: string;
  readonly prefix: string;
  readonly reason: string;
}

export interface AddressMap {
  readonly spaces: readonly SpaceMap[];
  /** Address spaces that are not valid aligned CIDR blocks (not drawn). */
  readonly invalidSpaces: readonly Unplaced[];
  /** Subnets that could not be drawn: no prefix, an invalid one, or outside every address space. */
  readonly unplaced: readonly Unplaced[];
}

/** A subnet's label while it has no name yet. */
export const subnetLabel = (s: MapSubnet, index: number): string =>
  s.name.trim() !== '' ? s.name : s.delegated ? 'The delegated subnet' : `Subnet ${index + 1} (no name yet)`;

export function formatRange(range: IpRange): string {
  const list = rangeToCidrs(range);
  return list.length === 1 && list[0] !== undefined
    ? formatCidr(list[0])
    : `${formatIPv4(range.start)} – ${formatIPv4(range.end)}`;
}

function sizeProblemOf(cidr: Cidr, role: SubnetRole | null): string | null {
  if (cidr.prefixLength > MIN_SUBNET_PREFIX_LENGTH)
    return `/${cidr.prefixLength} is smaller than /${MIN_SUBNET_PREFIX_LENGTH}, Azure's smallest subnet.`;
  if (role === null) return null;
  if (cidr.prefixLength > role.minPrefixLength) return `/${cidr.prefixLength} is too small. ${role.sizeNote}`;
  if (role.maxPrefixLength !== undefined && cidr.prefixLength < role.maxPrefixLength)
    return `/${cidr.prefixLength} is too large. ${role.sizeNote}`;
  return null;
}

/**
 * Others sorted by start, with the running maximum of their ends, so that "which others overlap this range?"
 * costs a binary search plus the answers (the scan back stops where no earlier range reaches the start).
 */
function overlapFinder(others: readonly { range: IpRange; label: string }[]): (r: IpRange) => string[] {
  const sorted = [...others].sort((a, b) => a.range.start - b.range.start);
  const reach: number[] = [];
  let max = -1;
  for (const o of sorted) {
    max = Math.max(max, o.range.end);
    reach.push(max);
  }
  return (r) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as { range: IpRange }).range.start <= r.end) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let j = lo - 1; j >= 0 && (reach[j] as number) >= r.start; j -= 1) {
      const o = sorted[j] as { range: IpRange; label: string };
      if (o.range.end >= r.start) out.push(o.label);
    }
    return out.reverse();
  };
}

/** The block of `cidr` split in two: its halves. */
function halves(cidr: Cidr): [Cidr, Cidr] {
  const half = 2 ** (32 - cidr.prefixLength - 1);
  return [
    { start: cidr.start, prefixLength: cidr.prefixLength + 1 },
    { start: cidr.start + half, prefixLength: cidr.prefixLength + 1 },
  ];
}

/** The block a block is a half of. */
function parentOf(cidr: Cidr): Cidr {
  const size = 2 ** (32 - cidr.prefixLength);
  return { start: cidr.start - (cidr.start % (size * 2)), prefixLength: cidr.prefixLength - 1 };
}

/** The free space of a range as aligned blocks: the largest that fit, then the user's splits applied. */
function freeBlocksOf(range: IpRange, splits: ReadonlySet<string>): Cidr[] {
  const out: Cidr[] = [];
  const expand = (c: Cidr) => {
    if (c.prefixLength < MIN_SUBNET_PREFIX_LENGTH && splits.has(formatCidr(c))) {
      const [a, b] = halves(c);
      expand(a);
      expand(b);
    } else out.push(c);
  };
  for (const c of rangeToCidrs(range)) expand(c);
  return out;
}

function parseSpaces(texts: readonly string[], invalid: Unplaced[]): { text: string; cidr: Cidr }[] {
  const spaces: { text: string; cidr: Cidr }[] = [];
  texts.forEach((text, i) => {
    if (text.trim() === '') return;
    const parsed = parseCidrFast(text);
    if (parsed.ok) spaces.push({ text, cidr: parsed.value });
    else invalid.push({ name: `Address space ${i + 1}`, prefix: text, reason: parsed.error.message });
  });
  return spaces;
}

/** One address space with its subnets: what does not change when a free block is split or joined. */
interface SpaceLayer {
  readonly space: string;
  readonly range: IpRange;
  /** The subnets drawn in this space, in address order; the same objects until the plan changes. */
  readonly subnets: readonly SubnetBlock[];
  /** The space's addresses that subnets use (those drawn in another space included), merged. */
  readonly used: readonly IpRange[];
  readonly otherOverlaps: SpaceMap['otherOverlaps'];
}

/** The address map without its free blocks: built once per plan, reused for every split and join. */
interface SubnetLayer {
  readonly spaces: readonly SpaceLayer[];
  readonly invalidSpaces: readonly Unplaced[];
  readonly unplaced: readonly Unplaced[];
  readonly othersOf: (r: IpRange) => string[];
}

const position = (space: IpRange, r: IpRange) => {
  const size = space.end - space.start + 1;
  return {
    offset: ((r.start - space.start) / size) * 100,
    width: ((Math.min(r.end, space.end) - r.start + 1) / size) * 100,
  };
};

/** The subnets of each address space, their roles, sizes and overlaps. O(n log n). */
export function buildSubnetLayer(input: Omit<AddressMapInput, 'splits'>): SubnetLayer {
  const invalidSpaces: Unplaced[] = [];
  const spaces = parseSpaces(input.addressSpaces, invalidSpaces);
  const unplaced: Unplaced[] = [];
  const placed: { subnet: MapSubnet; label: string; cidr: Cidr; range: IpRange }[] = [];
  input.subnets.forEach((subnet, i) => {
    const label = subnetLabel(subnet, i);
    if (subnet.prefix.trim() === '') {
      unplaced.push({ name: label, prefix: subnet.prefix, reason: 'No prefix yet.' });
      return;
    }
    const parsed = parseCidrFast(subnet.prefix);
    if (!parsed.ok) {
      unplaced.push({ name: label, prefix: subnet.prefix, reason: parsed.error.message });
      return;
    }
    placed.push({ subnet, label, cidr: parsed.value, range: cidrRange(parsed.value) });
  });

  const overlapsBySubnet = new Map<number, string[]>();
  for (const { a, b } of findOverlaps(
    placed.map((p, i) => ({ p, i })),
    (x) => x.p.range,
  )) {
    overlapsBySubnet.set(a.i, [...(overlapsBySubnet.get(a.i) ?? []), b.p.label]);
    overlapsBySubnet.set(b.i, [...(overlapsBySubnet.get(b.i) ?? []), a.p.label]);
  }

  const otherRanges: { range: IpRange; label: string }[] = [];
  for (const o of input.others) {
    const parsed = parseCidrFast(o.prefix);
    if (parsed.ok) otherRanges.push({ range: cidrRange(parsed.value), label: `${o.owner} (${o.prefix})` });
  }
  const othersOf = overlapFinder(otherRanges);

  // Each subnet is drawn in the address space that holds its first address.
  const bySpace = new Map<number, { index: number; p: (typeof placed)[number] }[]>();
  placed.forEach((p, index) => {
    const s = spaces.findIndex((sp) => sp.cidr.start <= p.range.start && p.range.start <= cidrEnd(sp.cidr));
    if (s < 0) {
      unplaced.push({ name: p.label, prefix: p.subnet.prefix, reason: 'Outside every address space of the VNet.' });
      return;
    }
    const list = bySpace.get(s) ?? [];
    list.push({ index, p });
    bySpace.set(s, list);
  });

  const layers = spaces.map((space, s): SpaceLayer => {
    const spaceRange = cidrRange(space.cidr);
    const mine = (bySpace.get(s) ?? []).sort((x, y) => x.p.range.start - y.p.range.start || x.index - y.index);
    const subnets: SubnetBlock[] = mine.map(({ index, p }) => {
      const role = subnetRole(p.subnet.name, p.subnet.delegated);
      return {
        kind: 'subnet',
        key: `s${index}`,
        cidr: formatCidr(p.cidr),
        start: p.range.start,
        end: p.range.end,
        prefixLength: p.cidr.prefixLength,
        size: p.range.end - p.range.start + 1,
        usable: azureUsableCount(p.cidr),
        otherOverlaps: othersOf(p.range),
        ...position(spaceRange, p.range),
        subnet: p.subnet,
        role,
        subnetOverlaps: overlapsBySubnet.get(index) ?? [],
        sizeProblem: sizeProblemOf(p.cidr, role),
        outsideSpace: p.range.end > spaceRange.end,
      };
    });
    const used = mergeRanges(
      placed
        .filter((p) => p.range.start <= spaceRange.end && p.range.end >= spaceRange.start)
        .map((p) => ({ start: Math.max(p.range.start, spaceRange.start), end: Math.min(p.range.end, spaceRange.end) })),
    );
    const otherOverlaps = otherRanges
      .filter((o) => o.range.start <= spaceRange.end && o.range.end >= spaceRange.start)
      .map((o) => {
        const r = { start: Math.max(o.range.start, spaceRange.start), end: Math.min(o.range.end, spaceRange.end) };
        return { range: formatRange(r), owner: o.label, ...position(spaceRange, r), start: r.start };
      })
      .sort((x, y) => x.start - y.start)
      .map(({ start: _start, ...rest }) => rest);
    return { space: space.text, range: spaceRange, subnets, used, otherOverlaps };
  });
  return { spaces: layers, invalidSpaces, unplaced, othersOf };
}

/** The free blocks of one space (the user's splits applied), merged with its subnets in address order. */
function spaceMap(layer: SpaceLayer, splits: ReadonlySet<string>, othersOf: SubnetLayer['othersOf']): SpaceMap {
  const spaceRange = layer.range;
  const free: FreeBlock[] = [];
  const addFree = (range: IpRange) => {
    for (const c of freeBlocksOf(range, splits)) {
      const r = cidrRange(c);
      free.push({
        kind: 'free',
        key: `f${formatCidr(c)}`,
        cidr: formatCidr(c),
        start: r.start,
        end: r.end,
        prefixLength: c.prefixLength,
        size: r.end - r.start + 1,
        usable: azureUsableCount(c),
        otherOverlaps: othersOf(r),
        ...position(spaceRange, r),
        canSplit: c.prefixLength < MIN_SUBNET_PREFIX_LENGTH,
        tooSmall: c.prefixLength > MIN_SUBNET_PREFIX_LENGTH,
        joinsInto: null,
      });
    }
  };
  let cursor = spaceRange.start;
  for (const u of layer.used) {
    if (u.start > cursor) addFree({ start: cursor, end: u.start - 1 });
    cursor = u.end + 1;
  }
  if (cursor <= spaceRange.end) addFree({ start: cursor, end: spaceRange.end });
  // Two neighbouring free blocks that are the halves of a split block can be joined again.
  for (let i = 0; i + 1 < free.length; i += 1) {
    const a = free[i] as FreeBlock;
    const b = free[i + 1] as FreeBlock;
    if (a.prefixLength !== b.prefixLength || a.prefixLength === 0) continue;
    const parent = parentOf({ start: a.start, prefixLength: a.prefixLength });
    if (parent.start === a.start && b.start === a.end + 1 && splits.has(formatCidr(parent)))
      free[i] = { ...a, joinsInto: formatCidr(parent) };
  }
  // Merge the two sorted lists; a subnet comes before a free block that starts at the same address.
  const blocks: MapBlock[] = [];
  const subnets = layer.subnets;
  let i = 0;
  let j = 0;
  while (i < subnets.length || j < free.length) {
    const sb = subnets[i];
    const fb = free[j];
    if (fb === undefined || (sb !== undefined && sb.start <= fb.start)) {
      blocks.push(sb as SubnetBlock);
      i += 1;
    } else {
      blocks.push(fb);
      j += 1;
    }
  }
  return {
    space: layer.space,
    start: spaceRange.start,
    end: spaceRange.end,
    size: spaceRange.end - spaceRange.start + 1,
    subnets,
    blocks,
    freeCount: free.reduce((sum, f) => sum + f.size, 0),
    otherOverlaps: layer.otherOverlaps,
  };
}

/** The address map of a VNet from its subnet layer and the user's splits: O(n) in the subnets. */
export function withFreeBlocks(layer: SubnetLayer, splits: ReadonlySet<string>): AddressMap {
  return {
    spaces: layer.spaces.map((s) => spaceMap(s, splits, layer.othersOf)),
    invalidSpaces: layer.invalidSpaces,
    unplaced: layer.unplaced,
  };
}

/** The address map of a VNet: one list of blocks per valid address space. */
export function buildAddressMap(input: AddressMapInput): AddressMap {
  return withFreeBlocks(buildSubnetLayer(input), input.splits);
}

/** The splits after splitting a free block in two halves (visualsubnetcalc's "Split"). */
export function splitBlock(splits: ReadonlySet<string>, cidr: string): Set<string> {
  const next = new Set(splits);
  const parsed = parseCidrFast(cidr);
  if (parsed.ok && parsed.value.prefixLength < MIN_SUBNET_PREFIX_LENGTH) next.add(cidr);
  return next;
}

/** The splits after joining the halves of `cidr` back into it, and forgetting every split inside it. */
export function joinBlock(splits: ReadonlySet<string>, cidr: string): Set<string> {
  const parsed = parseCidrFast(cidr);
  if (!parsed.ok) return new Set(splits);
  const outer = cidrRange(parsed.value);
  const next = new Set<string>();
  for (const key of splits) {
    const k = parseCidrFast(key);
    if (k.ok && k.value.start >= outer.start && cidrEnd(k.value) <= outer.end) continue;
    next.add(key);
  }
  return next;
}

export interface SuggestInput {
  readonly addressSpaces: readonly string[];
  /** Every subnet of the VNet; the one being placed is skipped (its own prefix is what is replaced). */
  readonly subnets: readonly MapSubnet[];
  readonly others: readonly OtherRange[];
}

/**
 * A free aligned block of the given size for the subnet at `path`: inside the VNet's address spaces, clear of
 * its other subnets and of every other network's ranges (peered VNets, on-premises), taken from the smallest
 * free block that holds it (best fit, so that large free blocks stay whole), the first such in address order.
 */
export function suggestFreeBlock(input: SuggestInput, path: string, prefixLength: number): string | null {
  const invalid: Unplaced[] = [];
  const spaces = parseSpaces(input.addressSpaces, invalid);
  const avoid: IpRange[] = [];
  for (const s of input.subnets) {
    if (s.path === path) continue;
    const parsed = parseCidrFast(s.prefix);
    if (parsed.ok) avoid.push(cidrRange(parsed.value));
  }
  for (const o of input.others) {
    const parsed = parseCidrFast(o.prefix);
    if (parsed.ok) avoid.push(cidrRange(parsed.value));
  }
  const taken = mergeRanges(avoid);
  let best: Cidr | null = null;
  const consider = (range: IpRange) => {
    for (const c of rangeToCidrs(range)) {
      if (c.prefixLength > prefixLength) continue;
      if (
        best === null ||
        c.prefixLength > best.prefixLength ||
        (c.prefixLength === best.prefixLength && c.start < best.start)
      )
        best = c;
    }
  };
  for (const space of spaces) {
    const r = cidrRange(space.cidr);
    let cursor = r.start;
    for (const t of taken) {
      if (t.end < r.start || t.start > r.end) continue;
      if (t.start > cursor) consider({ start: cursor, end: t.start - 1 });
      cursor = Math.max(cursor, t.end + 1);
    }
    if (cursor <= r.end) consider({ start: cursor, end: r.end });
  }
  const found = best as Cidr | null;
  return found === null ? null : formatCidr({ start: found.start, prefixLength });
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
