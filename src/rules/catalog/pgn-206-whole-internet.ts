import { DOCS } from '../../domain/azure';
import { IPV4_MAX, mergeRanges, type IpRange } from '../../domain/ipv4';
import { analysisOf, report, type Rule } from '../rule';
import { addressRules, rangeText, publicAccessOff } from './firewall-helpers';
import { namedAtStart } from '../names';

/** More public addresses than a /8 holds (2^24) is "the internet at large" (rules.md PGN-206). */
const PUBLIC_RANGE_WARNING_SIZE = 2 ** 24;

const NON_PUBLIC: readonly IpRange[] = mergeRanges([
  { start: 0x0a000000, end: 0x0affffff }, // 10.0.0.0/8
  { start: 0xac100000, end: 0xac1fffff }, // 172.16.0.0/12
  { start: 0xc0a80000, end: 0xc0a8ffff }, // 192.168.0.0/16
  { start: 0x7f000000, end: 0x7fffffff }, // 127.0.0.0/8
  { start: 0xa9fe0000, end: 0xa9feffff }, // 169.254.0.0/16
]);

/** Public addresses in a range: its size minus the private, loopback and link-local addresses in it. */
function publicAddressCount(r: IpRange): number {
  let n = r.end - r.start + 1;
  for (const x of NON_PUBLIC) n -= Math.max(0, Math.min(r.end, x.end) - Math.max(r.start, x.start) + 1);
  return n;
}

/** PGN-206's test, shared with PGN-210 (which stays quiet for these ranges). */
export const exposesInternet = (r: IpRange): boolean =>
  (r.start === 0 && r.end === IPV4_MAX) || publicAddressCount(r) > PUBLIC_RANGE_WARNING_SIZE;

export const pgn206: Rule = {
  id: 'PGN-206',
  title: 'A rule covering the whole internet, or more than a /8 of public addresses',
  severity: 'warning',
  docs: DOCS.firewall,
  source: "facts §1.7; peers' pain points",
  why:
    'A rule such as 0.0.0.0–255.255.255.255 lets anyone on the internet try ' +
    'to log in; only the credentials stand in the way.',
  fix: 'Narrow the rule to the addresses your clients really use.',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    if (publicAccessOff(plan)) return [];
    return addressRules(a.firewall).flatMap((r) => {
      if (!exposesInternet(r.range)) return [];
      const whole = r.range.start === 0 && r.range.end === IPV4_MAX;
      const what = whole
        ? 'covers the whole internet'
        : `covers ${publicAddressCount(r.range).toLocaleString('en-US')} public addresses (more than a /8)`;
      return [
        report(
          this,
          r.path,
          `${namedAtStart('firewall rule', r.rule.name)} (${rangeText(r)}) ${what}: anyone on the ` +
            `internet can try to log in. Narrow it to your clients' addresses.`,
        ),
      ];
    });
  },
};
