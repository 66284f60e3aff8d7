import { DOCS, VNET_UNUSABLE_RANGES } from '../../domain/azure';
import { cidrRange, findOverlaps, formatCidr, parseCidr, rangesOverlap, type Cidr } from '../../domain/ipv4';
import type { Finding } from '../../domain/finding';
import { analysisOf, report, type Rule } from '../rule';
import type { Parsed } from '../analysis';
import { named, namedAtStart } from '../names';

const UNUSABLE = VNET_UNUSABLE_RANGES.map((text) => {
  const c = parseCidr(text);
  if (!c.ok) throw new Error(`VNET_UNUSABLE_RANGES: ${c.error.message}`);
  return { cidr: c.value, range: cidrRange(c.value) };
});

export const pgn102: Rule = {
  id: 'PGN-102',
  title: "Every VNet address space is a valid, aligned IPv4 CIDR, and a VNet's address spaces do not overlap",
  severity: 'error',
  docs: DOCS.vnetFaq,
  source: 'Azure VNet rules; facts §2.4',
  why:
    'Azure accepts only network addresses (10.1.0.0/16, not 10.1.2.3/16) as ' +
    'address spaces, refuses reserved ranges, and refuses address spaces ' +
    'that overlap within one VNet.',
  fix: 'Write each address space as its network address and prefix length; remove or change overlapping spaces.',
  reads: 'access',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    if (a.private === null) return [];
    const out: Finding[] = [];
    const checkVnet = (vnetName: string, spaces: readonly Parsed<Cidr>[], listPath: string) => {
      if (spaces.length === 0) {
        out.push(
          report(this, listPath, `${namedAtStart('VNet', vnetName)} has no address space; add one, e.g. 10.0.0.0/16.`),
        );
        return;
      }
      const valid: { p: Parsed<Cidr>; c: Cidr }[] = [];
      for (const p of spaces) {
        if (!p.result.ok) {
          out.push(report(this, p.path, `Address space of ${named('VNet', vnetName)}: ${p.result.error.message}`));
          continue;
        }
        const range = cidrRange(p.result.value);
        const bad = UNUSABLE.find((u) => rangesOverlap(u.range, range))?.cidr;
        if (bad !== undefined) {
          out.push(
            report(
              this,
              p.path,
              `Address space ${p.text} of ${named('VNet', vnetName)} overlaps ` +
                `${formatCidr(bad)}, which Azure does not allow in a VNet. Use a private ` +
                `range such as 10.0.0.0/16.`,
            ),
          );
          continue;
        }
        valid.push({ p, c: p.result.value });
      }
      for (const { a: first, b: second } of findOverlaps(valid, (v) => cidrRange(v.c))) {
        out.push(
          report(
            this,
            second.p.path,
            `Address space ${second.p.text} of ${named('VNet', vnetName)} overlaps its ` +
              `address space ${first.p.text}; the address spaces of one VNet must not ` +
              `overlap. Remove one or pick a block outside ${first.p.text}.`,
          ),
        );
      }
    };
    checkVnet(a.private.vnet.name, a.vnetSpaces, 'access.vnet.addressSpaces');
    for (const peer of a.peers) checkVnet(peer.peer.name, peer.spaces, `${peer.path}.addressSpaces`);
    return out;
  },
};
