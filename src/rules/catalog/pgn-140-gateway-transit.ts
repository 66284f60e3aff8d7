import { DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { planIndex, type PlanIndex } from '../../domain/plan-index';
import { report, type Rule } from '../rule';
import { named, namedAtStart, quotedName } from '../names';

/**
 * Gateway transit, with the peerings' own flags (plan format 2). Azure refuses a peering that uses the remote
 * VNet's gateway unless the reverse peering exists with gateway transit allowed and the remote VNet has a gateway;
 * a VNet may have one such peering at most, and none when it has a gateway of its own (az CLI
 * `network vnet peering create` help: `--use-remote-gateways`; Azure peering docs, "Gateways and on-premises
 * connectivity"). A VNet has a gateway when an on-premises site connects through it (`gatewayVnet`, empty for the
 * server VNet).
 */
export const pgn140: Rule = {
  id: 'PGN-140',
  title: 'Gateway transit: one remote gateway per VNet, with the peering back that offers it',
  severity: 'error',
  docs: DOCS.vnetPeering,
  source: 'az CLI `network vnet peering` help; Azure peering docs',
  why:
    'A peering that uses the remote VNet\u2019s gateway is refused unless the remote VNet has a gateway and peers ' +
    'back with gateway transit allowed; a VNet can use one remote gateway at most, and none when it has a ' +
    'gateway of its own. The deployment stops at that peering.',
  fix:
    'Allow gateway transit on the peering back from the gateway VNet, and let each VNet use one remote gateway ' +
    'at most, and none if it has its own.',
  check(plan) {
    const access = plan.access;
    if (access.mode !== 'private') return [];
    const index = planIndex(plan);
    const out: Finding[] = [];
    // The VNets holding a gateway (by the key of the VNet their name resolves to) and the first site using each.
    const gateways = new Map<string, string>();
    for (const site of access.onPremises) {
      if (site.connection === 'none') continue;
      const vnet = site.gatewayVnet === '' ? access.vnet.name : site.gatewayVnet;
      const key = vnetKey(index, vnet);
      if (key !== null && !gateways.has(key)) gateways.set(key, site.name);
    }
    const using = new Map<string, string>();
    access.peerings.forEach((p, k) => {
      if (!p.useRemoteGateways) return;
      const path = `access.peerings.${k}.useRemoteGateways`;
      const from = vnetKey(index, p.from);
      const to = vnetKey(index, p.to);
      if (from === null || to === null) return; // an unknown VNet: PGN-009 / the connectivity check name it
      const own = gateways.get(from);
      if (own !== undefined) {
        out.push(
          report(
            this,
            path,
            `The peering from ${quotedName(p.from)} to ${quotedName(p.to)} uses the remote gateway, but ` +
              `${quotedName(p.from)} has a gateway of its own (${named('site', own)} uses it): a VNet with a ` +
              'gateway cannot use a remote one. Turn off "Use remote gateways", or connect the site through the ' +
              'remote gateway.',
          ),
        );
        return;
      }
      const earlier = using.get(from);
      if (earlier !== undefined) {
        out.push(
          report(
            this,
            path,
            `${namedAtStart('VNet', p.from)} already uses the gateway of ${quotedName(earlier)}, and a VNet can use ` +
              `one remote gateway at most: turn off "Use remote gateways" on the peering to ${quotedName(p.to)}.`,
          ),
        );
        return;
      }
      using.set(from, p.to);
      if (!gateways.has(to)) {
        out.push(
          report(
            this,
            path,
            `The peering from ${quotedName(p.from)} to ${quotedName(p.to)} uses the remote gateway, but ` +
              `${quotedName(p.to)} has no gateway (no on-premises site connects through it): Azure refuses the ` +
              'peering. Turn off "Use remote gateways", or connect a site through a gateway in ' +
              `${quotedName(p.to)}.`,
          ),
        );
        return;
      }
      const back = index.peering(p.to, p.from);
      if (back === undefined || !back.peering.allowGatewayTransit) {
        out.push(
          report(
            this,
            back === undefined ? path : `${back.path}.allowGatewayTransit`,
            `The peering from ${quotedName(p.from)} to ${quotedName(p.to)} uses the gateway of ` +
              `${quotedName(p.to)}, which Azure allows only once ${quotedName(p.to)} peers back to ` +
              `${quotedName(p.from)} with gateway transit allowed; ` +
              (back === undefined
                ? 'that peering is missing. Add the peering back, with "Allow gateway transit".'
                : 'it does not allow it. Turn on "Allow gateway transit" on the peering back.'),
          ),
        );
      }
    });
    return out;
  },
};

/** The key of the VNet a name resolves to (the same VNet whatever the case), or null for an unknown name. */
function vnetKey(index: PlanIndex, name: string): string | null {
  const entry = index.vnet(name);
  return entry === undefined ? null : entry.path;
}
