/** PGN-115: an existing delegated subnet is in an existing VNet. */
import { describe, expect, it } from 'vitest';
import { privatePlan } from '../fixtures';
import { evaluate } from '../index';

const of = (vnetExisting: boolean, subnetExisting: boolean) =>
  evaluate(
    privatePlan(['access.vnet.existing', vnetExisting], ['access.delegatedSubnet.existing', subnetExisting]),
  ).filter((f) => f.ruleId === 'PGN-115');

describe('PGN-115 an existing delegated subnet is in an existing VNet', () => {
  it.each([
    [false, false],
    [true, false],
    [true, true],
  ])('VNet existing %s, subnet existing %s: no finding', (vnet, subnet) => {
    expect(of(vnet, subnet)).toEqual([]);
  });

  it('an existing subnet in a VNet the plan creates is an error at the subnet, naming both', () => {
    const plan = privatePlan(['access.delegatedSubnet.existing', true]);
    const a = plan.access.mode === 'private' ? plan.access : null;
    expect(of(false, true).map((f) => [f.path, f.severity, f.message])).toEqual([
      [
        'access.delegatedSubnet.existing',
        'error',
        `The delegated subnet "${a?.delegatedSubnet.name}" is marked existing, but its VNet "${a?.vnet.name}" is ` +
          'created by this plan, and a new VNet has no subnets yet: use the existing VNet that holds the subnet, or ' +
          'let the deployment create the subnet.',
      ],
    ]);
  });
});
