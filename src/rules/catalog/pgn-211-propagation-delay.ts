import { DOCS, FIREWALL_PROPAGATION_MINUTES } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { publicAccessOff } from './firewall-helpers';

export const pgn211: Rule = {
  id: 'PGN-211',
  title: 'Firewall changes can take up to five minutes to take effect',
  severity: 'info',
  docs: DOCS.public,
  source: 'seed, troubleshooting',
  why:
    `There can be a delay of up to ${FIREWALL_PROPAGATION_MINUTES} minutes before a firewall change applies. Not ` +
    'reported with public network access off: firewall rules are not enforced then (PGN-224).',
  fix: `Wait up to ${FIREWALL_PROPAGATION_MINUTES} minutes after a change before concluding that it did not work.`,
  check(plan) {
    if (plan.access.mode !== 'public' || publicAccessOff(plan)) return [];
    return [
      report(
        this,
        'access.firewallRules',
        `Firewall changes can take up to ${FIREWALL_PROPAGATION_MINUTES} minutes ` +
          `to take effect; wait before testing a new rule.`,
      ),
    ];
  },
};
