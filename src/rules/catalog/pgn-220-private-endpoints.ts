import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';

export const pgn220: Rule = {
  id: 'PGN-220',
  title: 'Private endpoints give a public-access server a private path; the networking mode stays fixed',
  severity: 'info',
  docs: DOCS.privateLink,
  source: 'PE §1.1',
  why:
    'Clients in VNets and connected sites reach the server at a private address; only public-access servers take ' +
    'private endpoints, and the networking mode is fixed at creation.',
  fix: 'Keep public access; turn public network access off if every client uses an endpoint (PGN-224).',
  check(plan) {
    const a = plan.access;
    if (a.mode !== 'public' || a.privateEndpoints.length === 0) return [];
    const n = a.privateEndpoints.length;
    return [
      report(
        this,
        'access.privateEndpoints',
        `${n} private endpoint${n === 1 ? ' gives' : 's give'} clients a private path; the networking mode ` +
          '(public access) cannot change after creation.',
      ),
    ];
  },
};
