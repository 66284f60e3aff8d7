import { DOCS } from '../../domain/azure';
import { formatCidr } from '../../domain/ipv4';
import { blocksText, freeSubnetBlock } from '../analysis';
import { analysisOf, report, type Rule } from '../rule';

export const pgn103: Rule = {
  id: 'PGN-103',
  title: "The delegated subnet's prefix is a valid, aligned IPv4 CIDR inside the server VNet",
  severity: 'error',
  docs: DOCS.private,
  source: 'Azure VNet rules',
  why: "A subnet is a block of the VNet's address space, written as its network address; Azure refuses anything else.",
  fix: "Write the prefix as a network address (10.0.3.0/28) inside one of the VNet's address spaces.",
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const p = a.delegated;
    if (a.private === null || p === null) return [];
    if (!p.result.ok) {
      return [report(this, p.path, `Delegated subnet prefix: ${p.result.error.message}`)];
    }
    const cidr = p.result.value;
    if (a.insideVnet(cidr)) return [];
    if (a.validVnetSpaces.length === 0) {
      return [
        report(
          this,
          p.path,
          `Delegated subnet ${p.text} cannot be placed: the VNet has no valid ` +
            `address space yet. Add one that contains ${p.text}.`,
        ),
      ];
    }
    const free = freeSubnetBlock(a, cidr.prefixLength);
    const spaces = blocksText(a.validVnetSpaces);
    return [
      report(
        this,
        p.path,
        `Delegated subnet ${p.text} is not inside the VNet's address space ` +
          `(${spaces}).${free ? ` Try ${formatCidr(free)}.` : ' Add an address space that contains it.'}`,
      ),
    ];
  },
};
