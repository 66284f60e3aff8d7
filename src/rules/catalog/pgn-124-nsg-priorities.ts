import { DOCS, NSG_PRIORITY_MAX, NSG_PRIORITY_MIN } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { report, type Rule } from '../rule';
import { describedNsgs } from './nsg-helpers';
import { named, namedAtStart } from '../names';

export const pgn124: Rule = {
  id: 'PGN-124',
  title: 'NSG rule priorities are 100–4096 and unique per direction',
  severity: 'error',
  docs: DOCS.nsg,
  source: 'facts §2.4',
  why:
    'Azure accepts priorities from 100 to 4096 and refuses two rules of the ' +
    'same direction with the same priority in one NSG.',
  fix:
    `Give each rule a priority from ${NSG_PRIORITY_MIN} to ` +
    `${NSG_PRIORITY_MAX}, different from the other rules of its direction.`,
  check(plan) {
    const out: Finding[] = [];
    for (const { nsg, path: nsgPath } of describedNsgs(plan)) {
      const seen = new Map<string, string>();
      nsg.rules.forEach((rule, i) => {
        const path = `${nsgPath}.rules.${i}.priority`;
        if (!Number.isInteger(rule.priority) || rule.priority < NSG_PRIORITY_MIN || rule.priority > NSG_PRIORITY_MAX) {
          out.push(
            report(
              this,
              path,
              `${namedAtStart('NSG rule', rule.name)} has priority ${rule.priority}; priorities are ` +
                `${NSG_PRIORITY_MIN}–${NSG_PRIORITY_MAX}.`,
            ),
          );
          return;
        }
        const key = `${rule.direction}:${rule.priority}`;
        const first = seen.get(key);
        if (first !== undefined) {
          out.push(
            report(
              this,
              path,
              `${namedAtStart('NSG rule', rule.name)} has priority ${rule.priority}, already used by ` +
                `${rule.direction.toLowerCase()} ${named('rule', first)}; priorities must be ` +
                `unique per direction. Pick another value.`,
            ),
          );
        } else seen.set(key, rule.name);
      });
    }
    return out;
  },
};
