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
    'encrypted with TLS.',
  fix:
    'Keep TLS enforced (require_secure_transport ON); choose private access ' +
    'if traffic must stay on a private network.',
  check(plan) {
    if (plan.access.mode !== 'public') return [];
    return [
      report(
        this,
        'access.mode',
        'With public access, traffic goes over the general internet, not a ' +
          'private network; connections are still encrypted with TLS.',
      ),
    ];
  },
};
