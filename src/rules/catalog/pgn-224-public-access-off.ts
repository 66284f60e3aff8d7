import { DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { report, type Rule } from '../rule';

const OR_ON = 'or turn public network access on';

/**
 * Also reports the plan with public network access off and no private endpoint: nothing can connect. PGN-201
 * ("no firewall rule: nothing can connect") stays quiet then, as firewall rules do nothing without public access.
 */
export const pgn224: Rule = {
  id: 'PGN-224',
  title: 'With public network access disabled, firewall rules do nothing and only private endpoints connect',
  severity: 'warning',
  docs: DOCS.privateLink,
  source: 'PE §1.4',
  why:
    'Then only private endpoints connect: firewall rules and "allow Azure services" are not enforced; without an ' +
    'endpoint nothing connects.',
  fix: 'Remove the firewall settings or turn public network access on; give the server a private endpoint.',
  reads: 'access',
  check(plan) {
    const a = plan.access;
    if (a.mode !== 'public' || a.publicNetworkAccess) return [];
    const out: Finding[] = [];
    const n = a.firewallRules.length;
    if (n > 0)
      out.push(
        report(
          this,
          'access.firewallRules',
          `Public network access is off: the ${n === 1 ? 'firewall rule is' : `${n} firewall rules are`} not ` +
            `enforced and ${n === 1 ? 'does' : 'do'} nothing; only private endpoints carry traffic. ` +
            `Remove ${n === 1 ? 'it' : 'them'}, ${OR_ON}.`,
        ),
      );
    if (a.allowAzureServices)
      out.push(
        report(
          this,
          'access.allowAzureServices',
          `Public network access is off: "allow Azure services" does nothing; only private endpoints carry ` +
            `traffic. Turn it off, ${OR_ON}.`,
        ),
      );
    if (a.privateEndpoints.length === 0)
      out.push(
        report(
          this,
          'access.publicNetworkAccess',
          'Public network access is off and the plan has no private endpoint: nothing can connect to the server. ' +
            `Add a private endpoint, ${OR_ON}.`,
        ),
      );
    return out;
  },
};
