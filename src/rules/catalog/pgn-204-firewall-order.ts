import { DOCS } from '../../domain/azure';
import { analysisOf, report, type Rule } from '../rule';
import { namedAtStart } from '../names';

export const pgn204: Rule = {
  id: 'PGN-204',
  title: 'The start address is not greater than the end address',
  severity: 'error',
  docs: DOCS.firewall,
  source: 'facts §1.7',
  why: 'Azure refuses a firewall rule whose start address comes after its end address.',
  fix: 'Swap the start and end addresses.',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    return a.firewall.flatMap((r) =>
      r.start.ok && r.end.ok && r.start.value > r.end.value
        ? [
            report(
              this,
              `${r.path}.startIp`,
              `${namedAtStart('firewall rule', r.rule.name)}: start ${r.rule.startIp} is after end ` +
                `${r.rule.endIp}. Swap them: start ${r.rule.endIp}, end ${r.rule.startIp}.`,
            ),
          ]
        : [],
    );
  },
};
