import { serializePlanFile } from '../../share/plan-file';
import type { ImportSuccess } from '../../import/types';
import type { CommandRun } from '../command';
import { loadDeployment } from '../deployment';
import { EXIT, InputError } from '../io';
import { stringOption } from '../options';
import { oneLine } from '../text';

const SOURCE_WORDS: Readonly<Record<ImportSuccess['source'], string>> = {
  bundle: 'an inventory bundle',
  armTemplate: 'an exported template',
  resourceJson: 'resource JSON',
};

/** What the import could not take in, one line each: not modelled, skipped, and warnings; then a summary. */
function importReport(imported: ImportSuccess): string[] {
  const server = imported.plan.servers[0]?.name ?? '(none)';
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  return [
    ...imported.notModelled.map((n) => oneLine(`not modelled: ${n.resourceId} (${n.what}): ${n.why}`)),
    ...imported.skipped.map((s) => oneLine(`skipped: ${s.resourceId}: ${s.reason}`)),
    ...imported.warnings.map((w) => oneLine(`warning: ${w}`)),
    oneLine(
      `Imported server ${server} from ${SOURCE_WORDS[imported.source]}: ` +
        `${count(imported.notModelled.length, 'thing', 'things')} not modelled, ` +
        `${count(imported.skipped.length, 'resource')} skipped, ${count(imported.warnings.length, 'warning')}.`,
    ),
  ];
}

/** `import BUNDLE.json > plan.json`: the plan file on standard output, what it couldn't hold on standard error. */
export const runImport: CommandRun = async (options, io) => {
  const files = options.positionals;
  if (files.length > 1) throw new InputError(`Expected one deployment file; got ${files.length}: ${files.join(' ')}.`);
  const imported = await loadDeployment(io, files[0], stringOption(options, 'server'));
  io.out(serializePlanFile(imported.plan).trimEnd());
  for (const line of importReport(imported)) io.err(line);
  return EXIT.ok;
};
