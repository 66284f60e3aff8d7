import { sortFindings } from '../../domain/finding';
import { EXPORT_FORMATS, ExportRefusedError } from '../../exporters/index';
import type { ExportFile, ProviderMajor } from '../../exporters/types';
import type { CommandRun } from '../command';
import { evaluatePlan } from '../evaluate';
import { EXIT, InputError } from '../io';
import { loadPlan } from '../load';
import { stringOption } from '../options';
import { tryDryRun } from './dry-run';

const FORMAT_IDS = EXPORT_FORMATS.map((f) => f.id);

export const runExport: CommandRun = async (options, io) => {
  const formatId = stringOption(options, 'format');
  if (formatId === undefined) throw new InputError(`--format is required (${FORMAT_IDS.join(', ')}).`);
  const out = stringOption(options, 'out');
  if (out === undefined || out === '') throw new InputError('--out DIR is required.');
  const provider = stringOption(options, 'provider');
  if (provider !== undefined && formatId !== 'terraform')
    throw new InputError('--provider applies to --format terraform only.');
  if (options.positionals.length > 1)
    throw new InputError(`One plan file expected; got ${options.positionals.length}.`);
  const plan = await loadPlan(io, options.positionals[0]);
  const errors = sortFindings(evaluatePlan(plan)).filter((f) => f.severity === 'error');
  const force = options.values.force === true;
  if (errors.length > 0 && !force) {
    io.err(
      `Not exported: ${errors.length} error finding${errors.length === 1 ? '' : 's'}: ` +
        `${errors.map((f) => `${f.ruleId} ${f.path || '(plan)'}`).join(', ')}. Fix them or pass --force.`,
    );
    return EXIT.findings;
  }
  const format = EXPORT_FORMATS.find((f) => f.id === formatId);
  if (!format) throw new InputError(`Unknown format ${formatId}.`);
  let files: ExportFile[];
  try {
    files = format.files(plan, {
      errors,
      providerMajor: provider === undefined ? undefined : (Number(provider) as ProviderMajor),
    });
  } catch (e) {
    // The exporters' own last check (a value no file or command line can carry safely), even with --force.
    if (!(e instanceof ExportRefusedError)) throw e;
    io.err(e.message);
    return EXIT.findings;
  }
  // The deployment dry run on exactly what is written: a refusal stops the export unless --force.
  const dry = tryDryRun(plan, format.id, files);
  const problem =
    'unreadable' in dry
      ? `the dry run can't read the files: ${dry.unreadable}`
      : 'report' in dry && dry.report.refusal !== null
        ? `the deployment dry run refuses step ${dry.report.steps.indexOf(dry.report.refusal.step) + 1} ` +
          `(${dry.report.refusal.step.type} ${dry.report.refusal.step.name}): ${dry.report.refusal.constraint.id}: ` +
          `${dry.report.refusal.reason} (pgflex-netplan dry-run lists the steps)`
        : null;
  if (problem !== null && !force) {
    io.err(`Not exported: ${problem}. Fix the plan or pass --force.`);
    return EXIT.findings;
  }
  await io.writeFolder(out, files, { replace: force });
  const s = (n: number) => (n === 1 ? '' : 's');
  const checked =
    problem !== null
      ? ` Exported anyway (--force): ${problem}.`
      : 'report' in dry
        ? ` Dry run: all ${dry.report.steps.length} steps accepted.`
        : ` No dry run for ${format.label} files yet.`;
  io.out(
    `Wrote ${files.length} file${s(files.length)} to ${out}: ${files.map((f) => f.path).join(', ')}` +
      `${errors.length > 0 ? ` (with ${errors.length} error finding${s(errors.length)} listed at the top)` : ''}.` +
      checked,
  );
  return EXIT.ok;
};
