import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';

export const pgn006: Rule = {
  id: 'PGN-006',
  title: 'require_secure_transport = OFF disables TLS enforcement',
  severity: 'warning',
  docs: DOCS.tls,
  source: 'seed, TLS section',
  why: 'With require_secure_transport off the server accepts unencrypted connections; Microsoft does not recommend it.',
  fix: 'Keep require_secure_transport ON and make the clients connect with TLS.',
  check(plan) {
    if (plan.tls.requireSecureTransport) return [];
    return [
      report(
        this,
        'tls.requireSecureTransport',
        'require_secure_transport is OFF: the server will accept unencrypted ' +
          'connections. Turn it ON unless a client truly cannot use TLS.',
      ),
    ];
  },
};
