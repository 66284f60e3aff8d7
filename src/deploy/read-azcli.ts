/**
 * The dry run's reader of the Azure CLI export. `deploy.sh` is the artefact; the step list the exporter writes it
 * from (`scriptSteps`) is how it is read: each step must be in the file, in the list's order, and each runs after
 * the one before it, because the script runs its commands in sequence and stops at the first failure (`set -e`).
 */
import { scriptSteps } from '../exporters/azcli/script-steps';
import type { ResourceId } from '../exporters/steps';
import { DryRunReadError } from './read-error';
import type { ArtefactReader, DeployStep } from './types';

const FILE = 'deploy.sh';

/** Why each step follows the one before it. */
export const SCRIPT_ORDER = 'script order: deploy.sh runs its commands in sequence under `set -e`';

/** Line breaks in `text` from `start` up to `end`. */
function breaks(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

export const readAzcli: ArtefactReader = (files, plan) => {
  const file = files.find((f) => f.path === FILE);
  if (!file) throw new DryRunReadError(FILE, 'the Azure CLI export has no deploy.sh to read.');
  const text = file.contents;
  const steps: DeployStep[] = [];
  let from = 0;
  /** The 1-based line `from` is on, counted as the reading goes (the file is read once). */
  let line = 1;
  let previous: ResourceId | null = null;
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
    steps.push({
      id: s.id,
      type: s.type,
      name: s.name,
      action: s.action,
      scope: s.scope,
      ...(s.location === undefined ? {} : { location: s.location }),
      props: s.props,
      after: previous === null ? [] : [{ step: previous, why: SCRIPT_ORDER }],
      ...(hash < 0 ? {} : { target: s.id.slice(0, hash) }),
      source: { file: FILE, line },
    });
    previous = s.id;
    line += breaks(text, at, at + s.commands.length);
    from = at + s.commands.length;
  });
  return steps;
};
