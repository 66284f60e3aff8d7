import { DOCS, POSTGRES_DELEGATION_SERVICE } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { namedAtStart } from '../names';

export const pgn107: Rule = {
  id: 'PGN-107',
  title: 'No other Azure resource types are in the delegated subnet',
  severity: 'error',
  docs: DOCS.private,
  source: 'seed, "Delegated subnet"',
  why:
    'Only flexible servers can use the delegated subnet (several may share ' +
    'it); no other resource type can be in it.',
  fix: 'Move the other resources to another subnet, or use a new, empty subnet for the servers.',
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const subnet = plan.access.delegatedSubnet;
    return subnet.otherResourceTypes.flatMap((type, i) =>
      type.toLowerCase() === POSTGRES_DELEGATION_SERVICE.toLowerCase()
        ? []
        : [
            report(
              this,
              `access.delegatedSubnet.otherResourceTypes.${i}`,
              `${namedAtStart('subnet', subnet.name)} holds ${type || 'another resource'}: only ` +
                `flexible servers may be in the delegated subnet. Move it to another ` +
                `subnet or use an empty subnet.`,
            ),
          ],
    );
  },
};
