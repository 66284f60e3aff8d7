import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';

export const pgn213: Rule = {
  id: 'PGN-213',
  title: 'Public access traffic uses the internet, encrypted',
  severity: 'info',
  docs: DOCS.public,
  source: 'seed, public access characteristics',
  why:
    'With public access, traffic to and from the server goes over the ' +
    'general internet pathways, not a private network; connections are still ' +
    'encrypted with TLS. Traffic through private endpoints stays on private networks; with public network ' +
    'access off, no traffic takes the internet (no finding).',
  fix:
    'Keep TLS enforced (require_secure_transport ON); choose private access ' +
    'if traffic must stay on a private network.',
  check(plan) {
    const a = plan.access;
    if (a.mode !== 'public' || !a.publicNetworkAccess) return [];
    const pe = a.privateEndpoints.length > 0;
    return [
      report(
        this,
        'access.mode',
        `With public access, traffic ${pe ? 'from clients that use the public endpoint ' : ''}goes over the ` +
          `general internet, not a private network; connections are still encrypted with TLS.` +
          (pe ? ' Traffic through the private endpoints stays on private networks.' : ''),
      ),
    ];
  },
};
