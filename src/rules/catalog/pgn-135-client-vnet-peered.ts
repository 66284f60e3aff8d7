import { contextFor } from '../../checker/context';
import { transitHubs } from '../../checker/transit';
import { DOCS } from '../../domain/azure';
import type { Plan } from '../../domain/plan';
import { hasPeering } from '../analysis';
import { analysisOf, report, type Rule } from '../rule';
import { named, namedAtStart, quotedName } from '../names';

/** The client's VNet has a hub with an appliance between it and the server VNet. */
function throughHub(plan: Plan, vnet: string): boolean {
  const ctx = contextFor(plan);
  if (ctx.mode !== 'private') return false;
  const ref = ctx.vnetNamed(vnet);
  return ref !== undefined && transitHubs(ctx, ref).length > 0;
}

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
      if (hasPeering(plan, peer)) return [];
      // Through a firewall or appliance in a hub (PGN-141): the connectivity check follows it, PGN-008 reports it.
      if (throughHub(plan, client.vnet)) return [];
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
