import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';

export const pgn002: Rule = {
  id: 'PGN-002',
  title: 'The networking mode cannot be changed after the server is created',
  severity: 'info',
  docs: DOCS.private,
  source: 'seed: "You can\'t change your networking option after the server is created."',
  why: 'Private access (VNet integration) and public access are chosen once, at creation.',
  fix: 'Choose the mode for the long term; changing it later means creating a new server and moving the data.',
  check(plan) {
    const mode =
      plan.access.mode === 'private' ? 'private access (VNet integration)' : 'public access (allowed IP addresses)';
    return [
      report(
        this,
        'access.mode',
        `This plan uses ${mode}. The networking mode cannot be changed after the ` +
          `server is created; switching later means a new server.`,
      ),
    ];
  },
};
