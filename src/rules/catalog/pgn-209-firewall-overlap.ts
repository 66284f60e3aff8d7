import { DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { findOverlaps, rangeContains } from '../../domain/ipv4';
import { analysisOf, report, type Rule } from '../rule';
import { addressRules, rangeText } from './firewall-helpers';
import { named, namedAtStart } from '../names';

export const pgn209: Rule = {
  id: 'PGN-209',
  title: 'Overlapping firewall rules',
  severity: 'info',
  docs: DOCS.firewall,
  source: 'facts §1.7',
  why:
    'Rules that overlap, or one inside another, are allowed but redundant: ' +
    'the smaller one adds nothing, and removing the larger one later leaves a surprise.',
  fix: 'Merge the overlapping rules, or remove the one that lies inside the other.',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const out: Finding[] = [];
    for (const { a: first, b: second } of findOverlaps(addressRules(a.firewall), (r) => r.range)) {
      const [inner, outer] = rangeContains(first.range, second.range)
        ? [second, first]
        : rangeContains(second.range, first.range)
          ? [first, second]
          : [null, null];
      if (inner !== null && outer !== null) {
        out.push(
          report(
            this,
            inner.path,
            `${namedAtStart('firewall rule', inner.rule.name)} (${rangeText(inner)}) lies inside ` +
              `${named('rule', outer.rule.name)} (${rangeText(outer)}): it is redundant. ` +
              `Remove it, or narrow "${outer.rule.name}".`,
          ),
        );
      } else {
        out.push(
          report(
            this,
            second.path,
            `${namedAtStart('firewall rule', second.rule.name)} (${rangeText(second)}) overlaps ` +
              `${named('rule', first.rule.name)} (${rangeText(first)}): the shared addresses ` +
              `are allowed twice. Merge the two rules or make them adjacent.`,
          ),
        );
      }
    }
    return out;
  },
};
