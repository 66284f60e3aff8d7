import { DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { cidrEnd, formatIPv4, parseCidr } from '../../domain/ipv4';
import { analysisOf, report, type Rule } from '../rule';
import { namedAtStart } from '../names';

export const pgn203: Rule = {
  id: 'PGN-203',
  title: 'Start and end are valid dotted-quad IPv4 addresses',
  severity: 'error',
  docs: DOCS.firewall,
  source: 'facts §2.3',
  why:
    'Azure accepts only plain dotted-quad IPv4 addresses (each part 0–255, ' +
    'no leading zeros) as the start and end of a firewall rule; a CIDR block ' +
    'has to be written as its first and last address.',
  fix: 'Write each end as an address like 203.0.113.10; for a CIDR block use its first and last address.',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const out: Finding[] = [];
    for (const r of a.firewall) {
      for (const [field, result, text] of [
        ['startIp', r.start, r.rule.startIp],
        ['endIp', r.end, r.rule.endIp],
      ] as const) {
        if (result.ok || result.error.code === 'ipv6') continue;
        let message = result.error.message;
        if (result.error.code === 'cidr-not-allowed') {
          const c = parseCidr(text, { aligned: false });
          if (c.ok) {
            message =
              `${text} is a CIDR block; a firewall rule takes a start and an end ` +
              `address: use start ${formatIPv4(c.value.start)} and end ` +
              `${formatIPv4(cidrEnd(c.value))}.`;
          }
        }
        out.push(report(this, `${r.path}.${field}`, `${namedAtStart('firewall rule', r.rule.name)}: ${message}`));
      }
    }
    return out;
  },
};
