import { DOCS } from '../../domain/azure';
import { analysisOf, report, type Rule } from '../rule';
import { named, namedAtStart, quotedName } from '../names';

export const pgn135: Rule = {
  id: 'PGN-135',
  title: 'A client in another VNet reaches the server only if that VNet is peered with the server VNet',
  severity: 'error',
  docs: DOCS.private,
  source: 'seed, diagram bullets',
  why: 'Applications in a different VNet have no direct access to the server; the VNets must be peered.',
  fix: 'Peer the client VNet with the server VNet (both directions), or move the client.',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const access = a.private;
    if (access === null) return [];
    return plan.clients.flatMap((client, i) => {
      if (client.kind !== 'vnet') return [];
      const vnet = a.vnetNamed(client.vnet);
      // A client in the server VNet itself needs no peering.
      if (vnet?.kind === 'server') return [];
      const peer = vnet?.parsed.peer;
      if (peer === undefined) {
        return [
          report(
            this,
            `clients.${i}.vnet`,
            `${namedAtStart('client', client.name)} is in ${named('VNet', client.vnet)}, which is not among ` +
              `the plan's VNets: add it to the peered VNets and peer it with ` +
              `"${access.vnet.name}".`,
          ),
        ];
      }
      if (peer.peering.fromServerVnet || peer.peering.toServerVnet) return [];
      return [
        report(
          this,
          `clients.${i}.vnet`,
          `${namedAtStart('client', client.name)} is in ${named('VNet', peer.name)}, which is not peered ` +
            `with the server VNet ${quotedName(access.vnet.name)}: it cannot reach the server. ` +
            `Peer the two VNets in both directions.`,
        ),
      ];
    });
  },
};
