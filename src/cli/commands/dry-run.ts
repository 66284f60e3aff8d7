import { dryRun, DryRunUnsupportedError } from '../../deploy/index';
import { DryRunReadError } from '../../deploy/read-error';
import type { DeployFormat, DeployStep, DryRunReport } from '../../deploy/types';
import { EXPORT_FORMATS, ExportRefusedError } from '../../exporters/index';
import type { ExportFile } from '../../exporters/types';
import type { Plan } from '../../domain/plan';
import type { CommandRun } from '../command';
import { EXIT, InputError } from '../io';
import { loadPlan } from '../load';
import { stringOption } from '../options';
import { oneLine } from '../text';

const scopeText = (s: DeployStep): string =>
  `${s.scope.subscription || "deployment's subscription"} / ${s.scope.resourceGroup || "deployment's group"}`;

/** Why a step comes where it is: what it waits for, each reason once. */
function whyText(s: DeployStep): string {
  if (s.after.length === 0) return 'waits for nothing (may start at once)';
  const counts = new Map<string, number>();
  for (const a of s.after) counts.set(a.why, (counts.get(a.why) ?? 0) + 1);
  const parts = [...counts].map(([why, n]) => (n > 1 ? `${why} (${n} steps)` : why));
  return `waits for: ${parts.join('; ')}`;
}

/** The report as text: one line per step (order, action, scope, type, name) and its why, then the verdict. */
export function formatDryRun(report: DryRunReport, label: string): string {
  const width = String(report.steps.length).length;
  const lines = [`Dry run of the ${label} files: ${report.steps.length} steps in the order Azure may run them.`];
  report.steps.forEach((s, i) => {
    const n = String(i + 1).padStart(width);
    lines.push(oneLine(`${n}. ${s.action} [${scopeText(s)}] ${s.type} ${s.name}`));
    lines.push(oneLine(`${' '.repeat(width + 2)}${whyText(s)}`));
  });
  const refusal = report.refusal;
  if (refusal === null) {
    lines.push(`ACCEPTED: every step passes the ${report.constraints.length} modelled checks.`);
  } else {
    const at = report.steps.indexOf(refusal.step) + 1;
    lines.push(
      oneLine(`REFUSED at step ${at} (${refusal.step.type} ${refusal.step.name}): ${refusal.constraint.id}`),
      oneLine(`  rule: ${refusal.constraint.title}`),
      oneLine(`  why: ${refusal.reason}`),
      oneLine(`  source: ${refusal.constraint.source}`),
    );
  }
  return lines.join('\n');
}

/** The dry run of `files`, or a one-line reason it could not read them. */
export function tryDryRun(
  plan: Plan,
  format: DeployFormat,
  files: readonly ExportFile[],
): { report: DryRunReport } | { unreadable: string } | { unsupported: string } {
  try {
    return { report: dryRun(plan, format, files) };
  } catch (e) {
    if (e instanceof DryRunUnsupportedError) return { unsupported: e.message };
    if (e instanceof DryRunReadError) return { unreadable: e.message };
    throw e;
  }
}

const FORMAT_IDS = EXPORT_FORMATS.map((f) => f.id);

export const runDryRun: CommandRun = async (options, io) => {
  const formatId = stringOption(options, 'format') ?? 'arm';
  if (options.positionals.length > 1)
    throw new InputError(`One plan file expected; got ${options.positionals.length}.`);
  const format = EXPORT_FORMATS.find((f) => f.id === formatId);
  if (!format) throw new InputError(`Unknown format ${formatId} (${FORMAT_IDS.join(', ')}).`);
  const plan = await loadPlan(io, options.positionals[0]);
  let files: ExportFile[];
  try {
    files = format.files(plan);
  } catch (e) {
    if (!(e instanceof ExportRefusedError)) throw e;
    io.err(e.message);
    return EXIT.findings;
  }
  const result = tryDryRun(plan, format.id, files);
  if ('unsupported' in result) throw new InputError(result.unsupported);
  if ('unreadable' in result) {
    io.err(`Not checked: the dry run can't read the ${format.label} files: ${result.unreadable}`);
    return EXIT.findings;
  }
  io.out(formatDryRun(result.report, format.label));
  return result.report.refusal === null ? EXIT.ok : EXIT.findings;
};
