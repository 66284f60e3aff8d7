import {
  AZURE_RESERVED_ADDRESSES_PER_SUBNET,
  DOCS,
  MIN_DELEGATED_SUBNET_PREFIX_LENGTH,
  MIN_SUBNET_PREFIX_LENGTH,
} from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import {
  azureUsableCount,
  cidrRange,
  formatCidr,
  networkOf,
  nextFreeBlock,
  type Cidr,
  type IpRange,
} from '../../domain/ipv4';
import { validCidrs, type Analysis } from '../analysis';
import { analysisOf, report, type Rule } from '../rule';
import { namedAtStart } from '../names';

const MIN_SIZE = 2 ** (32 - MIN_SUBNET_PREFIX_LENGTH);
/** "8 addresses, 3 usable after the 5 Azure reserves". */
const MIN_SIZE_TEXT =
  `${MIN_SIZE} addresses, ${azureUsableCount(MIN_SUBNET_PREFIX_LENGTH)} usable after the ` +
  `${AZURE_RESERVED_ADDRESSES_PER_SUBNET} Azure reserves in every subnet`;

/**
 * For each too-small subnet, a /29 to try: the one that holds the subnet's start when it lies inside the VNet
 * and no other subnet touches it, otherwise the VNet's first free /29. Sorted ranges and binary search keep
 * this O(n log n) however many subnets the VNet has.
 */
function suggester(a: Analysis): (cidr: Cidr) => Cidr | null {
  const used = validCidrs(a.subnets);
  if (a.delegated?.result.ok === true) used.push(a.delegated.result.value);
  const ranges: IpRange[] = used.map(cidrRange).sort((x, y) => x.start - y.start);
  // maxEnd[i]: the largest end among ranges[0..i].
  const maxEnd: number[] = [];
  ranges.forEach((r, i) => maxEnd.push(Math.max(r.end, maxEnd[i - 1] ?? -1)));
  /** Index of the first range whose start is ≥ address. */
  const lowerBound = (address: number): number => {
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ranges[mid]?.start ?? 0) < address) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let firstFree: Cidr | null | undefined;
  return (cidr) => {
    const start = networkOf(cidr.start, MIN_SUBNET_PREFIX_LENGTH);
    const same: Cidr = { start, prefixLength: MIN_SUBNET_PREFIX_LENGTH };
    const from = lowerBound(start);
    // The subnet itself starts inside the block; any other range that starts there or covers its start clashes.
    const startingInside = lowerBound(start + MIN_SIZE) - from;
    const coveringStart = from > 0 && (maxEnd[from - 1] ?? -1) >= start;
    if (a.insideVnet(same) && startingInside === 1 && !coveringStart) return same;
    if (firstFree === undefined) firstFree = nextFreeBlock(MIN_SUBNET_PREFIX_LENGTH, a.validVnetSpaces, used);
    return firstFree;
  };
}

export const pgn114: Rule = {
  id: 'PGN-114',
  title: "Every subnet is a /29 or larger (Azure's smallest subnet)",
  severity: 'error',
  docs: DOCS.vnetFaq,
  source: 'Azure VNet rules; facts §1.2',
  why:
    `Azure refuses a subnet smaller than a /${MIN_SUBNET_PREFIX_LENGTH} (${MIN_SIZE_TEXT}). ` +
    'The delegated subnet needs more, a ' +
    `/${MIN_DELEGATED_SUBNET_PREFIX_LENGTH}: PGN-108 reports it.`,
  fix:
    `Give the subnet a /${MIN_SUBNET_PREFIX_LENGTH} or larger block ` +
    `(a prefix length of ${MIN_SUBNET_PREFIX_LENGTH} or less).`,
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const access = a.private;
    if (access === null) return [];
    // The delegated subnet is left to PGN-108: a prefix too small here is too small there, with its own advice.
    const out: Finding[] = [];
    let suggest: ((cidr: Cidr) => Cidr | null) | null = null;
    a.subnets.forEach((parsed, i) => {
      if (!parsed.result.ok || parsed.result.value.prefixLength <= MIN_SUBNET_PREFIX_LENGTH) return;
      const cidr = parsed.result.value;
      const size = 2 ** (32 - cidr.prefixLength);
      suggest ??= suggester(a);
      const free = suggest(cidr);
      out.push(
        report(
          this,
          parsed.path,
          `${namedAtStart('subnet', access.vnet.subnets[i]?.name ?? '')} is ${parsed.text}, ${size} ` +
            `address${size === 1 ? '' : 'es'}: Azure's smallest subnet is a /${MIN_SUBNET_PREFIX_LENGTH} ` +
            `(${MIN_SIZE_TEXT}). ` +
            (free === null
              ? `No free /${MIN_SUBNET_PREFIX_LENGTH} is left in the VNet; add an address space.`
              : `Try ${formatCidr(free)}.`),
        ),
      );
    });
    return out;
  },
};
