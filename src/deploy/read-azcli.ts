/**
 * The dry run's reader of the Azure CLI export. `deploy.sh` is the artefact; the step list the exporter writes it
 * from (`scriptSteps`) is how it is read: each step must be in the file, in the list's order, and each runs after
 * the one before it, because the script runs its commands in sequence and stops at the first failure (`set -e`).
 */
import { scriptSteps } from '../exporters/azcli/script-steps';
import type { ResourceId } from '../exporters/steps';
import { DryRunReadError } from './read-error';
import type { ArtefactReader, DeployStep } from './types';
import { canonicalProps, idSpeller } from './world';

const FILE = 'deploy.sh';

/** Why each step follows the one before it. */
export const SCRIPT_ORDER = 'script order: deploy.sh runs its commands in sequence under `set -e`';

/** Line breaks in `text` from `start` up to `end`. */
function breaks(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/** Reads the script's steps, with their IDs in the shared spelling (`world.ts`). */
export const readAzcli: ArtefactReader = (files, plan) => {
  const file = files.find((f) => f.path === FILE);
  if (!file) throw new DryRunReadError(FILE, 'the Azure CLI export has no deploy.sh to read.');
  const text = file.contents;
  const steps: DeployStep[] = [];
  let from = 0;
  /** The 1-based line `from` is on, counted as the reading goes (the file is read once). */
  let line = 1;
  let previous: ResourceId | null = null;
  const spell = idSpeller(plan);
  scriptSteps(plan).forEach((s, i) => {
    const at = text.indexOf(s.commands, from);
    if (at < 0) {
      const what = `step ${i + 1} (${s.action} ${s.type} ${s.name})`;
      const elsewhere = text.indexOf(s.commands);
      const last = steps.at(-1);
      throw new DryRunReadError(
        FILE,
        elsewhere < 0 || last === undefined
          ? `${what} is not in the file: its commands are missing or were changed.`
          : `${what} is at line ${1 + breaks(text, 0, elsewhere)}, before step ${i} (${last.action} ${last.name}, ` +
              `line ${last.source.line ?? '?'}), which it must follow.`,
      );
    }
    line += breaks(text, from, at);
    const hash = s.id.indexOf('#');
    const id = spell(s.id);
    const step: DeployStep = {
      id,
      type: s.type,
      name: s.name,
      action: s.action,
      scope: s.scope,
      props: canonicalProps(s.props, spell),
      after: previous === null ? [] : [{ step: previous, why: SCRIPT_ORDER }],
      source: { file: FILE, line },
    };
    if (s.location !== undefined) step.location = s.location;
    if (hash >= 0) step.target = spell(s.id.slice(0, hash));
    steps.push(step);
    previous = id;
    line += breaks(text, at, at + s.commands.length);
    from = at + s.commands.length;
  });
  return steps;
};
