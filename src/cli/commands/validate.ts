import { sortFindings, type Finding } from '../../domain/finding';
import type { CommandRun } from '../command';
import { evaluatePlan } from '../evaluate';
import { EXIT, InputError, PROGRAM } from '../io';
import { STDIN, loadPlan, sourceName } from '../load';
import { stringOption } from '../options';
import { oneLine } from '../text';

function formatFindingLine(f: Finding): string {
  return oneLine(`${f.severity.toUpperCase()} ${f.ruleId} ${f.path || '(plan)'}: ${f.message}`);
}

/** A finding of `--format json`: the finding's own fields after the file it belongs to. */
type FileFinding = { file: string } & Finding;

export const runValidate: CommandRun = async (options, io) => {
  const format = stringOption(options, 'format') ?? 'text';
  const files = options.positionals;
  if (files.length === 0) throw new InputError('No plan file given (a path, or - for standard input).');
  if (files.filter((f) => f === STDIN).length > 1) throw new InputError('Standard input (-) can be read only once.');
  let worst: number = EXIT.ok;
  const all: FileFinding[] = [];
  for (const arg of files) {
    const file = sourceName(arg);
    let findings: Finding[];
    try {
      findings = sortFindings(evaluatePlan(await loadPlan(io, arg)));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.err(`${PROGRAM} validate: ${e.message}`);
      worst = EXIT.badInput;
      continue;
    }
    if (findings.some((f) => f.severity === 'error')) worst = Math.max(worst, EXIT.findings);
    if (format === 'json') all.push(...findings.map((f) => ({ file, ...f })));
    else if (findings.length === 0) io.out(`${oneLine(file)}: no findings; the plan passes every rule.`);
    else io.out(findings.map((f) => `${oneLine(file)}: ${formatFindingLine(f)}`).join('\n'));
  }
  if (format === 'json') io.out(JSON.stringify(all, null, 2));
  return worst;
};
