import { DOCS, RESERVED_SUBNET_NAMES } from '../../domain/azure';
import { report, type Rule } from '../rule';

export const pgn105: Rule = {
  id: 'PGN-105',
  title: 'The delegated subnet does not use a name Azure reserves',
  severity: 'error',
  docs: DOCS.private,
  source: 'seed, "Delegated subnet" note',
  why:
    `${RESERVED_SUBNET_NAMES.join(', ')} are reserved for Azure's own ` +
    `services; Azure compares subnet names case-insensitively.`,
  fix: 'Name the delegated subnet something else, e.g. snet-postgres.',
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const name = plan.access.delegatedSubnet.name;
    const reserved = RESERVED_SUBNET_NAMES.find((r) => r.toLowerCase() === name.toLowerCase());
    if (reserved === undefined) return [];
    return [
      report(
        this,
        'access.delegatedSubnet.name',
        `Subnet name "${name}" is reserved by Azure (${reserved}, compared ` +
          `without regard to case) and cannot be the delegated subnet. Use another ` +
          `name, e.g. snet-postgres.`,
      ),
    ];
  },
};
