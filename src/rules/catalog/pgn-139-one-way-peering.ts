import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { mustReachFailures } from './pgn-008-client-intent';

export const pgn139: Rule = {
  id: 'PGN-139',
  title: 'A peering is declared in both directions',
  severity: 'warning',
  docs: DOCS.vnetPeering,
  source: 'Azure peering rules',
  why:
    'A VNet peering needs a peering resource on each side; with only one, ' +
    'the peering stays "Initiated" and no traffic flows.',
  fix: 'Add the missing peering resource so both VNets peer with each other.',
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const server = plan.access.vnet.name;
    // One cause, one finding: a peering a client must cross fails that client with PGN-008, which names it.
    const named = new Set<string>();
    for (const hop of mustReachFailures(plan).values()) if (hop.ruleId === this.id && hop.path) named.add(hop.path);
    return plan.access.peeredVnets.flatMap((peer, j) => {
      const { fromServerVnet, toServerVnet } = peer.peering;
      if (fromServerVnet === toServerVnet) return [];
      const missing = fromServerVnet ? 'toServerVnet' : 'fromServerVnet';
      if (named.has(`access.peeredVnets.${j}.peering.${missing}`)) return [];
      const [from, to] = fromServerVnet ? [peer.name, server] : [server, peer.name];
      return [
        report(
          this,
          `access.peeredVnets.${j}.peering.${missing}`,
          `The peering between "${server}" and "${peer.name}" is declared in one ` +
            `direction only: the peering from "${from}" to "${to}" is missing, so no ` +
            `traffic flows. Add it.`,
        ),
      ];
    });
  },
};
