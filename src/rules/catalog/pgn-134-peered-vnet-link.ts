import { DOCS } from '../../domain/azure';
import { planIndex } from '../../domain/plan-index';
import { report, type Rule } from '../rule';
import { namedAtStart } from '../names';

export const pgn134: Rule = {
  id: 'PGN-134',
  title: 'A peered VNet that holds clients is linked to the zone',
  severity: 'error',
  docs: DOCS.private,
  source: 'seed, "Private DNS zone and virtual network peering"',
  why:
    'Peering gives connectivity, the zone link gives name resolution, and ' +
    'the two are independent: without the link, clients in the peered VNet ' +
    'cannot resolve the server.',
  fix: 'Link the private DNS zone to the peered VNet.',
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const access = plan.access;
    if (access.privateDnsZone === null) return [];
    // The clients of each peered VNet (by index), names resolved as the checker resolves them.
    const index = planIndex(plan);
    const clientsByVnet = new Map<number, string[]>();
    for (const c of plan.clients) {
      if (c.kind !== 'vnet') continue;
      const vnet = index.vnet(c.vnet);
      if (vnet?.kind !== 'peered') continue;
      const list = clientsByVnet.get(vnet.index);
      if (list) list.push(`"${c.name}"`);
      else clientsByVnet.set(vnet.index, [`"${c.name}"`]);
    }
    return access.peeredVnets.flatMap((peer, j) => {
      // A VNet with custom DNS servers resolves where they sit; PGN-137 and PGN-142 check those VNets' links.
      if (peer.zoneLink || (peer.dns.kind === 'custom' && peer.dns.servers.length > 0)) return [];
      const clients = clientsByVnet.get(j) ?? [];
      if (clients.length === 0) return [];
      return [
        report(
          this,
          `access.peeredVnets.${j}.zoneLink`,
          `${namedAtStart('VNet', peer.name)} holds client${clients.length === 1 ? '' : 's'} ` +
            `${clients.join(', ')} but is not linked to zone ` +
            `${access.privateDnsZone?.name ?? ''}: peering connects, the link ` +
            `resolves names. Link the zone to "${peer.name}".`,
        ),
      ];
    });
  },
};
