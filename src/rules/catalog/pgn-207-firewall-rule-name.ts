import { DOCS, FIREWALL_RULE_NAME_MAX, FIREWALL_RULE_NAME_MIN, FIREWALL_RULE_NAME_PATTERN } from '../../domain/azure';
import { analysisOf, report, type Rule } from '../rule';

function problem(name: string): string {
  if (name.length < FIREWALL_RULE_NAME_MIN)
    return `it has ${name.length} character${name.length === 1 ? '' : 's'} (at least ${FIREWALL_RULE_NAME_MIN})`;
  if (name.length > FIREWALL_RULE_NAME_MAX)
    return `it has ${name.length} characters (at most ${FIREWALL_RULE_NAME_MAX})`;
  const bad = [...new Set(name.replace(/[A-Za-z0-9_-]/g, ''))];
  if (bad.length > 0) return `it contains ${bad.map((c) => (c === ' ' ? 'a space' : `"${c}"`)).join(', ')}`;
  if (!/^[A-Za-z0-9]/.test(name)) return 'it does not start with a letter or digit';
  return 'it ends with a hyphen';
}

const suggest = (name: string): string => {
  let s = name
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, FIREWALL_RULE_NAME_MAX)
    .replace(/-+$/, '');
  if (s.length < FIREWALL_RULE_NAME_MIN) s = `rule-${s}`.replace(/-+$/, '') || 'rule-1';
  return s.length < FIREWALL_RULE_NAME_MIN ? 'rule-1' : s;
};

export const pgn207: Rule = {
  id: 'PGN-207',
  title: 'Firewall rule name: 3–80 characters from A-Z a-z 0-9 _ -, starting with a letter or digit, not ending with -',
  severity: 'error',
  docs: DOCS.firewall,
  source: 'facts §1.7',
  why:
    'The sources disagree on firewall rule names; the strictest reading that ' +
    'all of them accept is 3–80 characters of letters, digits, _ and -, ' +
    'starting with a letter or digit and not ending with -.',
  fix: 'Rename the rule, e.g. office-dublin.',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    return a.firewall.flatMap((r) => {
      const name = r.rule.name;
      if (FIREWALL_RULE_NAME_PATTERN.test(name)) return [];
      return [
        report(
          this,
          `${r.path}.name`,
          (name === ''
            ? 'Firewall rule name is empty. Use '
            : `Firewall rule name "${name}" is not valid: ${problem(name)}. Use `) +
            `${FIREWALL_RULE_NAME_MIN}–${FIREWALL_RULE_NAME_MAX} letters, digits, _ ` +
            `and -, starting with a letter or digit and not ending with -, e.g. ` +
            `"${suggest(name)}".`,
        ),
      ];
    });
  },
};
