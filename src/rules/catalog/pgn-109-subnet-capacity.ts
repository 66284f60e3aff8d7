import {
  ADDRESSES_PER_HA_SERVER,
  ADDRESSES_PER_NON_HA_SERVER,
  DOCS,
  MIN_DELEGATED_SUBNET_PREFIX_LENGTH,
} from '../../domain/azure';
import { azureUsableCount, formatCidr } from '../../domain/ipv4';
import { freeSubnetBlock } from '../analysis';
import { analysisOf, report, type Rule } from '../rule';

/** The longest prefix (smallest block) whose usable addresses leave at least half free after `needed`. */
function comfortablePrefixLength(needed: number): number {
  let p = MIN_DELEGATED_SUBNET_PREFIX_LENGTH;
  while (p > 8 && azureUsableCount(p) - needed < azureUsableCount(p) / 2) p -= 1;
  return p;
}

export const pgn109: Rule = {
  id: 'PGN-109',
  title: 'The planned servers fit the delegated subnet, with room to grow',
  severity: 'error/warning',
  docs: DOCS.private,
  source: 'seed, "Unsupported virtual network scenarios"; facts §1.2',
  why:
    `Each server takes addresses of the delegated subnet ` +
    `(${ADDRESSES_PER_HA_SERVER} with high availability; the docs give no ` +
    `figure without HA, so ${ADDRESSES_PER_NON_HA_SERVER} is counted), and ` +
    `the subnet cannot grow once resources are in it.`,
  fix: 'Use a larger delegated subnet (the message suggests a free block), or plan fewer servers in it.',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const p = a.delegated;
    if (p === null || !p.result.ok || p.result.value.prefixLength > MIN_DELEGATED_SUBNET_PREFIX_LENGTH) return [];
    const usable = azureUsableCount(p.result.value);
    const needed = a.addressesNeeded;
    const ha = plan.servers.filter((s) => s.highAvailability !== 'Disabled').length;
    const plain = plan.servers.length - ha;
    const parts: string[] = [];
    if (ha > 0) parts.push(`${ha} server${ha === 1 ? '' : 's'} with HA × ${ADDRESSES_PER_HA_SERVER}`);
    if (plain > 0)
      parts.push(
        `${plain} without HA × ${ADDRESSES_PER_NON_HA_SERVER} (the docs give no ` +
          `figure without HA; ${ADDRESSES_PER_NON_HA_SERVER} is counted)`,
      );
    const count = `the plan needs ${needed} (${parts.join(' + ')})`;
    const better = comfortablePrefixLength(needed);
    const free = freeSubnetBlock(a, better);
    const tryText = free ? ` Try ${formatCidr(free)}.` : ` Use a /${better} or larger.`;
    if (needed > usable) {
      return [report(this, p.path, `Subnet ${p.text} has ${usable} usable addresses but ${count}.${tryText}`, 'error')];
    }
    if (usable - needed < usable / 2) {
      return [
        report(
          this,
          p.path,
          `Subnet ${p.text} has ${usable} usable addresses; ${count}, leaving ` +
            `${usable - needed} free, less than half; the subnet cannot be enlarged ` +
            `once servers are in it.${tryText}`,
          'warning',
        ),
      ];
    }
    return [];
  },
};
