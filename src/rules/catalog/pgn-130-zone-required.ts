import { DOCS, suggestedZoneName } from '../../domain/azure';
import { report, type Rule } from '../rule';

export const pgn130: Rule = {
  id: 'PGN-130',
  title: 'A private-access plan has a private DNS zone',
  severity: 'error',
  docs: DOCS.private,
  source: 'seed, "Using a private DNS zone"',
  why:
    'With ARM, Terraform and the API (every export of this tool) the private ' +
    'DNS zone is mandatory for a VNet-integrated server; only the portal and ' +
    'CLI create one on their own.',
  fix: 'Add a private DNS zone, e.g. <server>.private.postgres.database.azure.com.',
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const zone = plan.access.privateDnsZone;
    if (zone !== null && zone.name.trim() !== '') return [];
    const suggestion = suggestedZoneName(plan.servers[0]?.name || 'myserver');
    return [
      report(
        this,
        zone === null ? 'access.privateDnsZone' : 'access.privateDnsZone.name',
        `A private-access server needs a private DNS zone (ARM, Terraform and ` +
          `the API require it). Add one, e.g. ${suggestion}.`,
      ),
    ];
  },
};
