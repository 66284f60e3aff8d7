import { DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { analysisOf, report, type Rule } from '../rule';
import { isAzureServicesRule, publicAccessOff } from './firewall-helpers';
import { namedAtStart } from '../names';

const RISK = "it allows connections from all of Azure, including other customers' subscriptions";

export const pgn205: Rule = {
  id: 'PGN-205',
  title: '"Allow public access from Azure services" allows all of Azure',
  severity: 'warning',
  docs: DOCS.firewall,
  source: 'seed, "Allowing all Azure IP addresses"',
  why:
    'The Azure-services option (the rule 0.0.0.0–0.0.0.0) opens the firewall ' +
    'to every Azure datacenter address, including the subscriptions of other customers.',
  fix:
    'Prefer firewall rules for the fixed outbound addresses of your Azure ' +
    'services; if you keep the option, make sure logins and permissions ' +
    'admit only authorized users.',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    if (plan.access.mode !== 'public' || publicAccessOff(plan)) return [];
    const out: Finding[] = [];
    if (plan.access.allowAzureServices) {
      out.push(
        report(
          this,
          'access.allowAzureServices',
          `"Allow public access from Azure services" is on: ${RISK}. Prefer rules ` +
            `for your services' fixed outbound addresses.`,
        ),
      );
    }
    for (const r of a.firewall) {
      if (isAzureServicesRule(r)) {
        out.push(
          report(
            this,
            r.path,
            `${namedAtStart('firewall rule', r.rule.name)} (0.0.0.0–0.0.0.0) is the "Azure ` +
              `services" rule: ${RISK}. Prefer rules for your services' fixed outbound addresses.`,
          ),
        );
      }
    }
    return out;
  },
};
