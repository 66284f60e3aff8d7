import { DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import type { FirewallRule } from '../../domain/plan';
import { report, type Rule } from '../rule';
import { namedAtStart } from '../names';

const findingsOfRules = new WeakMap<readonly FirewallRule[], readonly Finding[]>();

export const pgn111: Rule = {
  id: 'PGN-111',
  title: 'A server in a VNet has no public endpoint: no firewall rules, no public access',
  severity: 'error',
  docs: DOCS.private,
  source: 'seed, "Unsupported virtual network scenarios"',
  why:
    'A VNet-integrated server cannot have a public endpoint; firewall rules ' +
    'and "allow Azure services" apply to public access only (Azure refuses ' +
    'firewall operations on it).',
  fix:
    'Remove the firewall rules and "allow Azure services"; reach the server ' +
    'through the VNet, peering, VPN or ExpressRoute instead.',
  check(plan) {
    const access = plan.access;
    if (access.mode !== 'private') return [];
    const rules = access.firewallRules ?? [];
    // A plan changes by copying what changes, so the same list of rules has the same findings (1,000 rules in
    // a large plan are not described again on every keystroke elsewhere).
    let perRule = findingsOfRules.get(rules);
    if (perRule === undefined) {
      perRule = rules.map((rule, i) =>
        report(
          this,
          `access.firewallRules.${i}`,
          `${namedAtStart('firewall rule', rule.name)} (${rule.startIp}–${rule.endIp}) cannot ` +
            `exist on a private-access server: it has no public endpoint. Remove the rule.`,
        ),
      );
      findingsOfRules.set(rules, perRule);
    }
    const out: Finding[] = [...perRule];
    if (access.allowAzureServices === true) {
      out.push(
        report(
          this,
          'access.allowAzureServices',
          '"Allow public access from Azure services" cannot be enabled on a ' +
            'private-access server: it has no public endpoint. Turn it off.',
        ),
      );
    }
    return out;
  },
};
