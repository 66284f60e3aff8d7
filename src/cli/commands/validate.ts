import { sortFindings, type Finding } from '../../domain/finding';
import { EXIT, flagValue, parseArgs, rejectUnknownFlags, type CliIo } from '../io';
import { loadPlan } from '../load';
import type { Command } from '../command';
import { evaluatePlan } from '../evaluate';

export function formatFindingLine(f: Finding): string {
  return `${f.severity.toUpperCase()} ${f.ruleId} ${f.path || '(plan)'}: ${f.message}`;
}

export const validateCommand: Command = {
  name: 'validate',
  usage: 'validate PLAN.json [--format text|json]',
  summary: 'Check a plan against every rule; exit 0 without errors, 1 with errors, 2 when the input is not a plan.',
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const args = parseArgs(argv);
    rejectUnknownFlags(args, ['format']);
    const format = flagValue(args, 'format', ['text', 'json']) ?? 'text';
    const plan = await loadPlan(io, args.positional[0]);
    const findings = sortFindings(evaluatePlan(plan));
    if (format === 'json') io.out(JSON.stringify(findings, null, 2));
    else if (findings.length === 0) io.out('No findings: the plan passes every rule.');
    else for (const f of findings) io.out(formatFindingLine(f));
    return findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
  },
};
