import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';

export const pgn138: Rule = {
  id: 'PGN-138',
  title: 'A zone in another subscription needs the Microsoft.DBforPostgreSQL resource provider registered there',
  severity: 'info',
  docs: DOCS.private,
  source: 'facts §1.3',
  why:
    'When the private DNS zone lives in another subscription, deployment ' +
    'completes only if that subscription has the Microsoft.DBforPostgreSQL ' +
    'resource provider registered.',
  fix:
    "Register Microsoft.DBforPostgreSQL in the zone's subscription (az " +
    'provider register --namespace Microsoft.DBforPostgreSQL).',
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const zone = plan.access.privateDnsZone;
    if (zone === null || zone.subscription.trim() === '') return [];
    const serverSub = plan.servers[0]?.subscription ?? '';
    if (zone.subscription.trim().toLowerCase() === serverSub.trim().toLowerCase()) return [];
    return [
      report(
        this,
        'access.privateDnsZone.subscription',
        `Zone ${zone.name} is in subscription ` +
          `"${zone.subscription}"${serverSub ? `, not the server's "${serverSub}"` : ''}: ` +
          `register the Microsoft.DBforPostgreSQL resource provider in ` +
          `"${zone.subscription}", or the deployment will not complete.`,
      ),
    ];
  },
};
