import { DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { analysisOf, report, type Rule } from '../rule';

export const pgn208: Rule = {
  id: 'PGN-208',
  title: 'Firewall rule names are unique',
  severity: 'error',
  docs: DOCS.firewall,
  source: 'facts §1.7',
  why:
    'Creating a rule with a name that already exists updates the existing ' +
    'rule without an error: the first rule silently disappears.',
  fix: 'Give every firewall rule its own name (names are compared without regard to case).',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const seen = new Map<string, number>();
    const out: Finding[] = [];
    for (const r of a.firewall) {
      const key = r.rule.name.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, r.index);
        continue;
      }
      out.push(
        report(
          this,
          `${r.path}.name`,
          `Firewall rule name "${r.rule.name}" is already used by rule ` +
            `${first + 1}: the second rule would silently replace the first. Rename ` +
            `it, e.g. "${r.rule.name}-${r.index + 1}".`,
        ),
      );
    }
    return out;
  },
};
