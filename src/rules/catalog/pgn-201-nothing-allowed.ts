import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';

export const pgn201: Rule = {
  id: 'PGN-201',
  title: 'Public access with no firewall rule: nothing can connect yet',
  severity: 'warning',
  docs: DOCS.public,
  source: 'seed, "Characteristics of the public access method"',
  why:
    'By default no IP address is allowed: with no firewall rule and Azure ' +
    'services not allowed, every connection is refused. Not reported when the server has private endpoints (they ' +
    'carry traffic without firewall rules) or public network access is off (PGN-224 reports that case).',
  fix: "Add a firewall rule for each client's public IPv4 address or range.",
  check(plan) {
    const access = plan.access;
    if (
      access.mode !== 'public' ||
      access.firewallRules.length > 0 ||
      access.allowAzureServices ||
      access.privateEndpoints.length > 0 ||
      !access.publicNetworkAccess
    )
      return [];
    return [
      report(
        this,
        'access.firewallRules',
        'No firewall rule and "allow Azure services" is off: by default no IP ' +
          'address is allowed, so nothing can connect. Add a rule for each ' +
          "client's public IPv4 address or range.",
      ),
    ];
  },
};
