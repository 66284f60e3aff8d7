import { join } from 'node:path';
import { sortFindings } from '../../domain/finding';
import { EXPORT_FORMATS } from '../../exporters/index';
import type { ProviderMajor } from '../../exporters/types';
import type { Command } from '../command';
import { evaluatePlan } from '../evaluate';
import { EXIT, flagValue, InputError, parseArgs, rejectUnknownFlags, type CliIo } from '../io';
import { loadPlan } from '../load';

const FORMAT_IDS = EXPORT_FORMATS.map((f) => f.id);

export const exportCommand: Command = {
  name: 'export',
  usage: `export PLAN.json --format ${FORMAT_IDS.join('|')} --out DIR [--force] [--provider 4|5]`,
  summary: 'Write the deployment files; refuses (exit 1) a plan with error findings unless --force.',
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const args = parseArgs(argv, ['force']);
    rejectUnknownFlags(args, ['format', 'out', 'force', 'provider']);
    const formatId = flagValue(args, 'format', FORMAT_IDS);
    if (formatId === undefined) throw new InputError(`--format is required (${FORMAT_IDS.join(', ')}).`);
    const out = flagValue(args, 'out');
    if (out === undefined || out === '') throw new InputError('--out DIR is required.');
    const provider = flagValue(args, 'provider', ['4', '5']);
    if (provider !== undefined && formatId !== 'terraform')
      throw new InputError('--provider applies to --format terraform only.');
    if (args.positional.length > 1) throw new InputError(`One plan file expected; got ${args.positional.length}.`);
    const plan = await loadPlan(io, args.positional[0]);
    const errors = sortFindings(evaluatePlan(plan)).filter((f) => f.severity === 'error');
    const force = args.flags.get('force') === true;
    if (errors.length > 0 && !force) {
      io.err(
        `Not exported: ${errors.length} error finding${errors.length === 1 ? '' : 's'}: ${errors.map((f) => `${f.ruleId} ${f.path || '(plan)'}`).join(', ')}. Fix them or pass --force.`,
      );
      return EXIT.findings;
    }
    const format = EXPORT_FORMATS.find((f) => f.id === formatId);
    if (!format) throw new InputError(`Unknown format ${formatId}.`);
    const files = format.files(plan, {
      errors,
      providerMajor: provider === undefined ? undefined : (Number(provider) as ProviderMajor),
    });
    for (const f of files) {
      try {
        await io.writeText(join(out, ...f.path.split('/')), f.contents);
      } catch (e) {
        throw new InputError(
          `${join(out, f.path)}: cannot be written (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}).`,
        );
      }
    }
    io.out(
      `Wrote ${files.length} file${files.length === 1 ? '' : 's'} to ${out}: ${files.map((f) => f.path).join(', ')}${errors.length > 0 ? ` (with ${errors.length} error finding${errors.length === 1 ? '' : 's'} listed at the top)` : ''}.`,
    );
    return EXIT.ok;
  },
};
