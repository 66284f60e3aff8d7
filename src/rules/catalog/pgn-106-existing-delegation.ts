import { DOCS, POSTGRES_DELEGATION_SERVICE } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { quotedName } from '../names';

export const pgn106: Rule = {
  id: 'PGN-106',
  title: 'The subnet is delegated to Microsoft.DBforPostgreSQL/flexibleServers, not to another service',
  severity: 'error',
  docs: DOCS.private,
  source: 'seed, "Delegated subnet"; facts §1.2',
  why:
    'Only a subnet delegated to flexible servers can hold them; a subnet ' +
    'delegated to another service cannot be used (the Azure CLI refuses it).',
  fix:
    `Pick another subnet, or remove the other delegation first so the subnet ` +
    `can be delegated to ${POSTGRES_DELEGATION_SERVICE}.`,
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const subnet = plan.access.delegatedSubnet;
    const current = subnet.existingDelegation;
    if (!subnet.existing || current === null || current === '') return [];
    if (current.toLowerCase() === POSTGRES_DELEGATION_SERVICE.toLowerCase()) return [];
    return [
      report(
        this,
        'access.delegatedSubnet.existingDelegation',
        `Existing subnet ${quotedName(subnet.name)} is delegated to ${current}; a flexible ` +
          `server needs a subnet delegated to ${POSTGRES_DELEGATION_SERVICE}. Use ` +
          `another subnet or remove the ${current} delegation.`,
      ),
    ];
  },
};
