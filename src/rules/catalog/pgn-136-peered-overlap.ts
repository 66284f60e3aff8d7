import { DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { cidrRange, findOverlaps, type Cidr } from '../../domain/ipv4';
import { analysisOf, report, type Rule } from '../rule';
import { named, quotedName } from '../names';

interface Item {
  owner: string;
  kind: 'server' | 'peer' | 'site';
  label: string;
  path: string;
  text: string;
  cidr: Cidr;
}

export const pgn136: Rule = {
  id: 'PGN-136',
  title: 'Peered VNets and on-premises ranges do not overlap the server VNet or each other',
  severity: 'error',
  docs: DOCS.vnetPeering,
  source: 'Azure peering rules; facts §1.3',
  why:
    'Azure refuses to peer VNets whose address spaces overlap (also with a ' +
    'VNet already peered), and overlapping on-premises ranges make routes ambiguous.',
  fix: 'Re-address the overlapping VNet or range so every network in the plan has its own block.',
  reads: 'access',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    if (a.private === null) return [];
    const items: Item[] = [];
    const vnetName = a.private.vnet.name;
    for (const p of a.vnetSpaces) {
      if (p.result.ok)
        items.push({
          owner: 'server',
          kind: 'server',
          label: `server VNet ${quotedName(vnetName)}`,
          path: p.path,
          text: p.text,
          cidr: p.result.value,
        });
    }
    // Every VNet with a peering resource, with the server VNet or another VNet of the plan.
    const peeredNames = new Set(a.private.peerings.flatMap((p) => [p.from.toLowerCase(), p.to.toLowerCase()]));
    for (const peer of a.peers) {
      if (!peeredNames.has(peer.peer.name.toLowerCase())) continue;
      for (const p of peer.spaces) {
        if (p.result.ok)
          items.push({
            owner: peer.path,
            kind: 'peer',
            label: `peered ${named('VNet', peer.peer.name)}`,
            path: p.path,
            text: p.text,
            cidr: p.result.value,
          });
      }
    }
    for (const site of a.sites) {
      if (site.site.connection === 'none') continue;
      for (const p of site.ranges) {
        if (p.result.ok)
          items.push({
            owner: site.path,
            kind: 'site',
            label: `on-premises ${named('site', site.site.name)}`,
            path: p.path,
            text: p.text,
            cidr: p.result.value,
          });
      }
    }
    const out: Finding[] = [];
    const reported = new Set<string>();
    for (const pair of findOverlaps(items, (it) => cidrRange(it.cidr))) {
      if (pair.a.owner === pair.b.owner) continue; // overlaps inside one VNet: PGN-102
      const [here, other] = pair.b.kind === 'server' ? [pair.a, pair.b] : [pair.b, pair.a];
      if (reported.has(here.path)) continue;
      reported.add(here.path);
      const consequence =
        here.kind === 'site' || other.kind === 'site'
          ? 'traffic to it cannot be routed unambiguously'
          : 'Azure refuses the peering';
      out.push(
        report(
          this,
          here.path,
          `${here.text} of ${here.label} overlaps ${other.text} of ${other.label}: ` +
            `${consequence}. Give each network its own address block.`,
        ),
      );
    }
    return out;
  },
};
