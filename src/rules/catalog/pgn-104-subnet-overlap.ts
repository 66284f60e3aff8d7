import { DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { cidrContains, cidrRange, findOverlaps, formatCidr, nextFreeBlock, type Cidr } from '../../domain/ipv4';
import { analysisOf, report, type Rule } from '../rule';

interface Item {
  name: string;
  path: string;
  text: string;
  cidr: Cidr;
}

export const pgn104: Rule = {
  id: 'PGN-104',
  title: 'Subnets of one VNet do not overlap each other',
  severity: 'error',
  docs: DOCS.vnetFaq,
  source: 'Azure VNet rules',
  why: "Every subnet is its own block of the VNet's address space; Azure refuses a subnet that overlaps another, and one that is not a valid block inside the VNet.",
  fix: 'Move the subnet to a free block of the VNet (the message suggests one).',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    if (a.private === null) return [];
    const out: Finding[] = [];
    const items: Item[] = [];
    const subnets = a.private.vnet.subnets;
    a.subnets.forEach((p, i) => {
      const name = subnets[i]?.name ?? '';
      if (!p.result.ok) {
        out.push(report(this, p.path, `Subnet "${name}": ${p.result.error.message}`));
        return;
      }
      const cidr = p.result.value;
      if (a.validVnetSpaces.length > 0 && !a.validVnetSpaces.some((s) => cidrContains(s, cidr))) {
        out.push(
          report(
            this,
            p.path,
            `Subnet "${name}" (${p.text}) is not inside the VNet's address space (${a.validVnetSpaces.map(formatCidr).join(', ')}); a subnet must be a block of the VNet.`,
          ),
        );
      }
      items.push({ name, path: p.path, text: p.text, cidr });
    });
    const d = a.delegated;
    if (d !== null && d.result.ok)
      items.push({ name: a.private.delegatedSubnet.name, path: d.path, text: d.text, cidr: d.result.value });
    for (const { a: first, b: second } of findOverlaps(items, (it) => cidrRange(it.cidr))) {
      const free = nextFreeBlock(
        second.cidr.prefixLength,
        a.validVnetSpaces,
        items.filter((it) => it !== second).map((it) => it.cidr),
      );
      out.push(
        report(
          this,
          second.path,
          `Subnet "${second.name}" (${second.text}) overlaps subnet "${first.name}" (${first.text}); subnets of one VNet must not overlap.${free ? ` Try ${formatCidr(free)}.` : ' No free block of that size is left; add an address space.'}`,
        ),
      );
    }
    return out;
  },
};
