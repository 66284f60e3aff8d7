import { checkClient, HOP_KIND_LABEL, type ClientCheck, type Hop } from '../../checker';
import type { Command } from '../command';
import { EXIT, InputError, flagValue, parseArgs, rejectUnknownFlags, type CliIo } from '../io';
import { loadPlan } from '../load';

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
export function formatHopLine(hop: Hop): string {
  const rule = hop.ruleId ?? '-------';
  const fix = hop.fix ? `\n       fix: ${hop.fix}${hop.path ? ` [${hop.path}]` : ''}` : '';
  return `  ${STATUS_LABEL[hop.status]} ${rule} ${HOP_KIND_LABEL[hop.kind]} | ${hop.title}: ${hop.detail}${fix}`;
}

export function formatCheckText(check: ClientCheck): string {
  const lines = [
    `${check.client}: ${VERDICT_LABEL[check.verdict]} (${check.summary})`,
    ...check.hops.map(formatHopLine),
  ];
  return lines.join('\n');
}

export const checkClientCommand: Command = {
  name: 'check-client',
  usage: 'check-client PLAN.json --client NAME [--format text|json]',
  summary:
    'Whether one client reaches the server, hop by hop; exit 0 reachable (or with warnings), 1 not reachable, 2 bad input.',
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const args = parseArgs(argv);
    rejectUnknownFlags(args, ['client', 'format']);
    const format = flagValue(args, 'format', ['text', 'json']) ?? 'text';
    const name = flagValue(args, 'client');
    if (args.positional.length > 1)
      throw new InputError(`Expected one plan file; got ${args.positional.length}: ${args.positional.join(' ')}.`);
    const plan = await loadPlan(io, args.positional[0]);
    if (name === undefined) {
      const known = plan.clients.map((c) => c.name);
      throw new InputError(
        `--client NAME is required. ${known.length > 0 ? `Clients in the plan: ${known.join(', ')}.` : 'The plan has no clients.'}`,
      );
    }
    const check = checkClient(plan, name);
    if (check === null) {
      const known = plan.clients.map((c) => c.name);
      throw new InputError(
        `No client named "${name}" in the plan. ${known.length > 0 ? `Clients in the plan: ${known.join(', ')}.` : 'The plan has no clients.'}`,
      );
    }
    io.out(format === 'json' ? JSON.stringify(check, null, 2) : formatCheckText(check));
    return check.verdict === 'unreachable' ? EXIT.findings : EXIT.ok;
  },
};
