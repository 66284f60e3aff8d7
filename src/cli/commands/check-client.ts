import { checkClient, HOP_KIND_LABEL, type ClientCheck, type Hop } from '../../checker';
import type { CommandRun } from '../command';
import { EXIT, InputError } from '../io';
import { loadPlan } from '../load';
import { stringOption } from '../options';
import { oneLine } from '../text';

const STATUS_LABEL: Readonly<Record<Hop['status'], string>> = {
  pass: 'PASS',
  fail: 'FAIL',
  warn: 'WARN',
  info: 'INFO',
};
const VERDICT_LABEL: Readonly<Record<ClientCheck['verdict'], string>> = {
  reachable: 'REACHABLE',
  warning: 'REACHABLE WITH WARNINGS',
  unreachable: 'NOT REACHABLE',
};

/** One line per hop: status, stage, rule ID, title and detail, then the fix (and the plan field to change). */
function formatHopLine(hop: Hop): string {
  const rule = hop.ruleId ?? '-------';
  const fix = hop.fix ? `\n       fix: ${oneLine(hop.fix)}${hop.path ? ` [${oneLine(hop.path)}]` : ''}` : '';
  const what = oneLine(`${hop.title}: ${hop.detail}`);
  return `  ${STATUS_LABEL[hop.status]} ${rule} ${HOP_KIND_LABEL[hop.kind]} | ${what}${fix}`;
}

function formatCheckText(check: ClientCheck): string {
  const lines = [
    oneLine(`${check.client}: ${VERDICT_LABEL[check.verdict]} (${check.summary})`),
    ...check.hops.map(formatHopLine),
  ];
  return lines.join('\n');
}

export const runCheckClient: CommandRun = async (options, io) => {
  const format = stringOption(options, 'format') ?? 'text';
  const name = stringOption(options, 'client');
  const files = options.positionals;
  if (files.length > 1) throw new InputError(`Expected one plan file; got ${files.length}: ${files.join(' ')}.`);
  const plan = await loadPlan(io, files[0]);
  const known = plan.clients.map((c) => c.name);
  const clients = known.length > 0 ? `Clients in the plan: ${known.join(', ')}.` : 'The plan has no clients.';
  if (name === undefined) throw new InputError(`--client NAME is required. ${clients}`);
  const check = checkClient(plan, name);
  if (check === null) throw new InputError(`No client named "${name}" in the plan. ${clients}`);
  io.out(format === 'json' ? JSON.stringify(check, null, 2) : formatCheckText(check));
  return check.verdict === 'unreachable' ? EXIT.findings : EXIT.ok;
};
