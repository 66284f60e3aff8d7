import { DOCS, FIREWALL_IPV4_ONLY_TEXT } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { analysisOf, report, type Rule } from '../rule';
import { namedAtStart } from '../names';

/** The seed's wording, quoted in every finding (the fact and its source are in domain/azure.ts). */
const IPV6_FIREWALL_MESSAGE = FIREWALL_IPV4_ONLY_TEXT;

export const pgn202: Rule = {
  id: 'PGN-202',
  title: 'Firewall rules are IPv4 only',
  severity: 'error',
  docs: DOCS.public,
  source: 'seed, "Firewall rule is not available for IPv6 format"',
  why: IPV6_FIREWALL_MESSAGE,
  fix: "Use the client's public IPv4 address; IPv6 clients must connect over IPv4.",
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const out: Finding[] = [];
    for (const r of a.firewall) {
      for (const [field, result, text] of [
        ['startIp', r.start, r.rule.startIp],
        ['endIp', r.end, r.rule.endIp],
      ] as const) {
        if (!result.ok && result.error.code === 'ipv6') {
          out.push(
            report(
              this,
              `${r.path}.${field}`,
              `${namedAtStart('firewall rule', r.rule.name)}: ${text} is an IPv6 address. ${IPV6_FIREWALL_MESSAGE}`,
            ),
          );
        }
      }
    }
    return out;
  },
};
