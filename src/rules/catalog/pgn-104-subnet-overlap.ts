import { DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { cidrRange, findOverlaps, formatCidr, nextFreeBlock, type Cidr } from '../../domain/ipv4';
import { blocksText } from '../analysis';
import { analysisOf, report, type Rule } from '../rule';
import { namedAtStart } from '../names';

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
  why:
    "Every subnet is its own block of the VNet's address space; Azure " +
    'refuses a subnet that overlaps another, and one that is not a valid ' +
    'block inside the VNet.',
  fix: 'Move the subnet to a free block of the VNet (the message suggests one).',
  reads: 'access',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    if (a.private === null) return [];
    const out: Finding[] = [];
    const items: Item[] = [];
    const subnets = a.private.vnet.subnets;
    const spaces = a.validVnetSpaces.length > 0 ? blocksText(a.validVnetSpaces) : '';
    a.subnets.forEach((p, i) => {
      const name = subnets[i]?.name ?? '';
      if (!p.result.ok) {
        out.push(report(this, p.path, `${namedAtStart('subnet', name)}: ${p.result.error.message}`));
        return;
      }
      const cidr = p.result.value;
      if (spaces !== '' && !a.insideVnet(cidr)) {
        out.push(
          report(
            this,
            p.path,
            `${namedAtStart('subnet', name)} (${p.text}) is not inside the VNet's address space (${spaces}); ` +
              'a subnet must be a block of the VNet.',
          ),
        );
      }
      items.push({ name, path: p.path, text: p.text, cidr });
    });
    const d = a.delegated;
    if (d !== null && d.result.ok)
      items.push({ name: a.private.delegatedSubnet.name, path: d.path, text: d.text, cidr: d.result.value });
    // The sweep reports each overlapping subnet once, with the first subnet it overlaps; the free block
    // to suggest depends only on the prefix length (at most 33 of them), so it is found once per length.
    // Leaving the subnet itself out of the blocks to avoid changes nothing: the only aligned block of its
    // size that it touches is its own, which the subnet it overlaps already takes.
    const taken = items.map((it) => it.cidr);
    const freeBlocks = new Map<number, Cidr | null>();
    const freeBlock = (prefixLength: number): Cidr | null => {
      let free = freeBlocks.get(prefixLength);
      if (free === undefined) {
        free = nextFreeBlock(prefixLength, a.validVnetSpaces, taken);
        freeBlocks.set(prefixLength, free);
      }
      return free;
    };
    for (const { a: first, b: second } of findOverlaps(items, (it) => cidrRange(it.cidr))) {
      const free = freeBlock(second.cidr.prefixLength);
      out.push(
        report(
          this,
          second.path,
          `${namedAtStart('subnet', second.name)} (${second.text}) overlaps subnet ` +
            `"${first.name}" (${first.text}); subnets of one VNet must not ` +
            'overlap.' +
            (free ? ` Try ${formatCidr(free)}.` : ' No free block of that size is left; add an address space.'),
        ),
      );
    }
    return out;
  },
};
