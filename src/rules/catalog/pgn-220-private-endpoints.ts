import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';

export const pgn220: Rule = {
  id: 'PGN-220',
  title: 'Private endpoints give a public-access server a private path; the networking mode stays fixed',
  severity: 'info',
  docs: DOCS.privateLink,
  source: 'PE §1.1',
  why:
    'A server in public-access mode can take private endpoints: clients in VNets, peered VNets and connected ' +
    'on-premises sites reach it at a private address in their own network. Only public-access servers support ' +
    'them (never VNet-integrated ones), and the networking mode chosen at creation cannot be changed afterwards.',
  fix:
    'Keep the server in public access to keep its private endpoints; turn public network access off if every ' +
    'client comes through an endpoint (PGN-224).',
  check(plan) {
    const a = plan.access;
    if (a.mode !== 'public' || a.privateEndpoints.length === 0) return [];
    const n = a.privateEndpoints.length;
    return [
      report(
        this,
        'access.privateEndpoints',
        `${n === 1 ? 'One private endpoint gives' : `${n} private endpoints give`} clients in VNets and on ` +
          'premises a private path to the public-access server. The networking mode cannot change after the ' +
          'server is created: keep public access (a VNet-integrated server supports no private endpoints).',
      ),
    ];
  },
};
