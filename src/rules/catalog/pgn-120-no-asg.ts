import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { NSG_PATH } from './nsg-helpers';
import { namedAtStart } from '../names';

export const pgn120: Rule = {
  id: 'PGN-120',
  title: 'NSG rules that reference an application security group are not supported',
  severity: 'error',
  docs: DOCS.private,
  source: 'seed, "Network security group"',
  why:
    'Azure Database for PostgreSQL flexible server does not support NSGs ' +
    'where an application security group is part of a rule.',
  fix: 'Replace the application security group with the IP ranges (CIDRs) it stands for.',
  reads: 'access',
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const nsg = plan.access.delegatedSubnet.nsg;
    if (nsg === null) return [];
    return nsg.rules.flatMap((rule, i) =>
      (['sourceAsgs', 'destinationAsgs'] as const)
        .filter((field) => rule[field].length > 0)
        .map((field) =>
          report(
            this,
            `${NSG_PATH}.rules.${i}.${field}`,
            `${namedAtStart('NSG rule', rule.name)} uses application security ` +
              `group${rule[field].length === 1 ? '' : 's'} ${rule[field].join(', ')} ` +
              `as ${field === 'sourceAsgs' ? 'source' : 'destination'}, which flexible ` +
              `servers do not support. Use IP ranges (CIDRs) instead.`,
          ),
        ),
    );
  },
};
