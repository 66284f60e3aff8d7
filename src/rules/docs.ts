/** Renders docs/rules.md from the rules' own metadata, so the page never drifts from the code. */
import { RULES } from './index';
import type { Rule } from './rule';

const SEVERITY_TEXT: Record<Rule['severity'], string> = {
  error: 'error — Azure would refuse it, or the plan cannot work as drawn',
  warning: 'warning — it works but is risky or will surprise',
  info: 'info — a fact to know when making this choice',
  'error/warning': 'error or warning, depending on the case',
  'error/info': 'error or info, depending on the case',
};

const anchor = (rule: Rule): string => rule.id.toLowerCase();

function section(rule: Rule): string {
  return [
    `<a id="${anchor(rule)}"></a>`,
    '',
    `## ${rule.id}: ${rule.title}`,
    '',
    `- **Severity:** ${SEVERITY_TEXT[rule.severity]}`,
    `- **Why:** ${rule.why}`,
    `- **What to do:** ${rule.fix}`,
    `- **Source:** ${rule.source} — <${rule.docs}>`,
    '',
  ].join('\n');
}

export function renderRulesDoc(): string {
  const index = RULES.map((r) => `| [${r.id}](#${anchor(r)}) | ${r.severity} | ${r.title.replace(/\|/g, '\\|')} |`);
  return [
    '# Rules',
    '',
    '<!-- Generated from src/rules by `npm run gen`; do not edit by hand. -->',
    '',
    'Every check the planner runs, with its stable ID. The web page shows each finding next to its field,',
    '`pgflex-netplan validate` prints it (`--format json` gives `{file, ruleId, severity, message, path, docs}`),',
    'and the plan schema rejects every error finding. The catalog these rules implement is `spec/rules.md`.',
    '',
    '| ID | Severity | Rule |',
    '|---|---|---|',
    ...index,
    '',
    ...RULES.map(section),
  ].join('\n');
}
