import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { namedAtStart } from '../names';

export const pgn112: Rule = {
  id: 'PGN-112',
  title: 'A VNet-integrated server does not support Private Link / private endpoints',
  severity: 'error',
  docs: DOCS.privateLink,
  source: 'seed; facts §1.10',
  why:
    'Private endpoints are available only for servers in public-access mode; ' +
    'a VNet-injected server cannot use Private Link.',
  fix:
    'Remove the private endpoints (clients reach the server through the ' +
    'VNet), or plan a public-access server with private endpoints instead.',
  check(plan) {
    const access = plan.access;
    if (access.mode !== 'private') return [];
    return (access.privateEndpoints ?? []).map((pe, i) =>
      report(
        this,
        `access.privateEndpoints.${i}`,
        `${namedAtStart('private endpoint', pe.name)} cannot be used: a VNet-integrated server ` +
          `does not support Private Link. Remove it; clients reach the server ` +
          `through the VNet or a peered VNet.`,
      ),
    );
  },
};
