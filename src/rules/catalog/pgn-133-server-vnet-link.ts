import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { namedAtStart } from '../names';

export const pgn133: Rule = {
  id: 'PGN-133',
  title: 'The private DNS zone is linked to the server VNet',
  severity: 'warning',
  docs: DOCS.private,
  source: 'seed; facts §1.5',
  why:
    'Resources resolve a private DNS zone only from VNets linked to it; ' +
    'Azure no longer checks the link when the server is created.',
  fix: 'Link the zone to the server VNet (a virtual network link, registration disabled).',
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const { vnet, privateDnsZone: zone } = plan.access;
    if (zone === null || vnet.zoneLink) return [];
    return [
      report(
        this,
        'access.vnet.zoneLink',
        `${namedAtStart('VNet', vnet.name)} is not linked to zone ${zone.name || '(unnamed)'}: ` +
          `clients in the server VNet cannot resolve the server's name. Link the ` +
          `zone to the VNet.`,
      ),
    ];
  },
};
