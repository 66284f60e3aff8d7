import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { quotedName } from '../names';

/**
 * PGN-115: an existing delegated subnet is in an existing VNet. A VNet the deployment creates has no subnets yet, so
 * a plan that creates the VNet and reads the subnet contradicts itself: every export of it fails (ARM and Bicep read
 * the subnet before the VNet holding it is written, Terraform's import and the CLI script's update find no subnet).
 */
export const pgn115: Rule = {
  id: 'PGN-115',
  title: 'An existing delegated subnet is in an existing VNet',
  severity: 'error',
  docs: DOCS.private,
  source: 'Azure VNet rules (a subnet is a child resource of its VNet)',
  why:
    'A subnet is part of its VNet: a VNet the deployment creates has no subnets before it, so an existing subnet ' +
    'can only be in a VNet that exists already. Otherwise every export fails when it reads the subnet.',
  fix: 'Use the existing VNet that holds the subnet, or let the deployment create the subnet.',
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const { vnet, delegatedSubnet: subnet } = plan.access;
    if (!subnet.existing || vnet.existing) return [];
    return [
      report(
        this,
        'access.delegatedSubnet.existing',
        `The delegated subnet ${quotedName(subnet.name)} is marked existing, but its VNet ${quotedName(vnet.name)} ` +
          'is created by this plan, and a new VNet has no subnets yet: use the existing VNet that holds the ' +
          'subnet, or let the deployment create the subnet.',
      ),
    ];
  },
};
