import { DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { planIndex } from '../../domain/plan-index';
import { report, type Rule } from '../rule';
import { named, namedAtStart, quotedName } from '../names';

/**
 * Gateway transit, as the plan expresses it: an on-premises site names the VNet that holds its VPN or
 * ExpressRoute gateway (`gatewayVnet`, empty for the server VNet). When that is another VNet, the server VNet's
 * peering to it uses the remote gateway and the peering back offers gateway transit (the exports write both).
 * Azure refuses a peering that uses a remote gateway unless the reverse peering exists with gateway transit
 * allowed, allows at most one such peering per VNet, and none on a VNet with a gateway of its own (az CLI
 * `network vnet peering create` help: `--use-remote-gateways`; Azure peering docs, "Gateways and on-premises
 * connectivity").
 */
export const pgn140: Rule = {
  id: 'PGN-140',
  title: 'Gateway transit: one remote gateway per VNet, with the peering back that offers it',
  severity: 'error',
  docs: DOCS.vnetPeering,
  source: 'az CLI `network vnet peering` help; Azure peering docs',
  why:
    'A peering that uses the remote VNet\u2019s gateway is refused unless the remote VNet peers back with gateway ' +
    'transit allowed; a VNet can use one remote gateway at most, and none when it has a gateway of its own. ' +
    'The deployment stops at that peering.',
  fix:
    'Peer the gateway VNet back to the server VNet, and let every on-premises site use the same gateway: the ' +
    'server VNet\u2019s own, or one peered VNet\u2019s.',
  check(plan) {
    const access = plan.access;
    if (access.mode !== 'private') return [];
    const index = planIndex(plan);
    const server = access.vnet.name;
    const out: Finding[] = [];
    /** The site that first made the server VNet use its own gateway, or a peered VNet's (by peered index). */
    let ownGateway: string | null = null;
    let remoteGateway: { index: number; site: string } | null = null;
    const reported = new Set<number>();
    access.onPremises.forEach((site, i) => {
      if (site.connection === 'none') return;
      const path = `access.onPremises.${i}.gatewayVnet`;
      const entry = site.gatewayVnet === '' ? { kind: 'server' as const } : index.vnet(site.gatewayVnet);
      if (entry === undefined) return; // an unknown VNet: the connectivity check names it
      if (entry.kind === 'server') {
        if (remoteGateway !== null) {
          out.push(
            report(
              this,
              path,
              `${namedAtStart('site', site.name)} uses a gateway in the server VNet ${quotedName(server)}, ` +
                `but ${named('site', remoteGateway.site)} ` +
                `makes ${quotedName(server)} use the gateway of ` +
                `${quotedName(access.peeredVnets[remoteGateway.index]?.name)}: a VNet ` +
                'with a gateway of its own cannot use a remote one. Connect both sites through the same gateway.',
            ),
          );
        } else ownGateway ??= site.name;
        return;
      }
      const peer = entry.vnet;
      if (ownGateway !== null || (remoteGateway !== null && remoteGateway.index !== entry.index)) {
        const other =
          ownGateway !== null
            ? `${quotedName(server)} has a gateway of its own (${named('site', ownGateway)} uses it), ` +
              `so it cannot also use the ` +
              `gateway of ${quotedName(peer.name)}`
            : `${quotedName(server)} already uses the gateway of ` +
              `${quotedName(access.peeredVnets[remoteGateway?.index ?? 0]?.name)} ` +
              `(${named('site', remoteGateway?.site)}), and a VNet ` +
              'can use one remote gateway at most';
        out.push(
          report(
            this,
            path,
            `${namedAtStart('site', site.name)} is connected through a gateway in ${quotedName(peer.name)}, ` +
              `but ${other}. Connect every site ` +
              'through the same gateway.',
          ),
        );
        return;
      }
      remoteGateway ??= { index: entry.index, site: site.name };
      if (peer.peering.fromServerVnet && !peer.peering.toServerVnet && !reported.has(entry.index)) {
        reported.add(entry.index);
        out.push(
          report(
            this,
            `${entry.path}.peering.toServerVnet`,
            `The server VNet ${quotedName(server)} uses the gateway of ${quotedName(peer.name)} ` +
              `(${named('site', site.name)}), which Azure ` +
              `allows only once ${quotedName(peer.name)} peers back to ${quotedName(server)} ` +
              'with gateway transit allowed; that ' +
              'peering is missing. Add the peering back.',
          ),
        );
      }
    });
    return out;
  },
};
