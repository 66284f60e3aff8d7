import { DOCS, MIN_DELEGATED_SUBNET_PREFIX_LENGTH } from '../../domain/azure';
import { azureUsableCount, cidrContains, cidrsOverlap, formatCidr, networkOf, type Cidr } from '../../domain/ipv4';
import { freeSubnetBlock, validCidrs, type Analysis } from '../analysis';
import { analysisOf, report, type Rule } from '../rule';

/** The /28 that holds the subnet's start if it is free and inside the VNet, otherwise the first free /28. */
function suggestion(a: Analysis, cidr: Cidr): Cidr | null {
  const same: Cidr = {
    start: networkOf(cidr.start, MIN_DELEGATED_SUBNET_PREFIX_LENGTH),
    prefixLength: MIN_DELEGATED_SUBNET_PREFIX_LENGTH,
  };
  const inside = a.validVnetSpaces.some((s) => cidrContains(s, same));
  const clash = validCidrs(a.subnets).some((s) => cidrsOverlap(s, same));
  return inside && !clash ? same : freeSubnetBlock(a, MIN_DELEGATED_SUBNET_PREFIX_LENGTH);
}

export const pgn108: Rule = {
  id: 'PGN-108',
  title: 'The delegated subnet is at least a /28',
  severity: 'error',
  docs: DOCS.private,
  source: 'facts §1.2',
  why: 'The smallest subnet a flexible server accepts is a /28: 16 addresses, 11 usable after the 5 Azure reserves.',
  fix: 'Use a /28 or larger (a smaller prefix length) for the delegated subnet.',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const p = a.delegated;
    if (p === null || !p.result.ok || p.result.value.prefixLength <= MIN_DELEGATED_SUBNET_PREFIX_LENGTH) return [];
    const cidr = p.result.value;
    const usable = azureUsableCount(cidr);
    const free = suggestion(a, cidr);
    return [
      report(
        this,
        p.path,
        `Subnet ${p.text} has ${usable} usable ` +
          `address${usable === 1 ? '' : 'es'}; a delegated subnet needs at least a ` +
          `/${MIN_DELEGATED_SUBNET_PREFIX_LENGTH} ` +
          `(${azureUsableCount(MIN_DELEGATED_SUBNET_PREFIX_LENGTH)} ` +
          `usable).${free ? ` Try ${formatCidr(free)}.` : ' No free /28 is left in the VNet; add an address space.'}`,
      ),
    ];
  },
};
