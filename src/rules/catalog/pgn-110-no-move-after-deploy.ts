import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { named } from '../names';

export const pgn110: Rule = {
  id: 'PGN-110',
  title: 'After deployment the server cannot move to another VNet or subnet',
  severity: 'info',
  docs: DOCS.private,
  source: 'seed, "Unsupported virtual network scenarios"',
  why:
    'A VNet-integrated server stays in its VNet and subnet for life, and ' +
    'that VNet cannot move to another resource group or subscription.',
  fix: 'Choose the VNet, subnet, resource group and subscription for the long term.',
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const { vnet, delegatedSubnet } = plan.access;
    return [
      report(
        this,
        'access.vnet.name',
        `Once deployed, the server cannot move out of ${named('VNet', vnet.name)} / ` +
          `${named('subnet', delegatedSubnet.name)}, and the VNet cannot move to another ` +
          `resource group or subscription.`,
      ),
    ];
  },
};
