import { DOCS, SERVER_FQDN_SUFFIX, suggestedZoneName } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { named } from '../names';

export const pgn132: Rule = {
  id: 'PGN-132',
  title: "The zone name is not a planned server's own FQDN",
  severity: 'error',
  docs: DOCS.private,
  source: 'facts §1.4',
  why:
    'A zone named <server>.postgres.database.azure.com collides with the ' +
    "server's public FQDN: provisioning fails (PrivateDnsZoneNameNotValid) " +
    'and name resolution would fail.',
  fix: 'Add a label, e.g. <server>.private.postgres.database.azure.com.',
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const zone = plan.access.privateDnsZone;
    if (zone === null) return [];
    const name = zone.name.toLowerCase();
    const server = plan.servers.find((s) => s.name !== '' && `${s.name.toLowerCase()}.${SERVER_FQDN_SUFFIX}` === name);
    if (server === undefined) return [];
    return [
      report(
        this,
        'access.privateDnsZone.name',
        `Zone name "${zone.name}" is the FQDN of ${named('server', server.name)}; the ` +
          `zone cannot have a server's name. Use ${suggestedZoneName(server.name)}.`,
      ),
    ];
  },
};
