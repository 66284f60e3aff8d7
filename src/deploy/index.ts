/**
 * The deployment dry run: one format's exported files, read into steps and replayed against what Azure checks
 * at creation time. `READERS` holds the formats that have a reader; the others are refused with a clear error.
 */
import type { Plan } from '../domain/plan';
import type { ExportFile } from '../exporters/types';
import { replay } from './engine';
import { readArm } from './read-arm';
import { readAzcli } from './read-azcli';
import { readBicep } from './read-bicep';
import { readTerraform } from './read-terraform';
import type { ArtefactReader, DeployFormat, DeployStep, DryRunReport } from './types';
import { ID_PROPS, idSpeller } from './world';

/** The reader of each format that has one. */
export const READERS: Partial<Record<DeployFormat, ArtefactReader>> = {
  arm: readArm,
  terraform: readTerraform,
  bicep: readBicep,
  azcli: readAzcli,
};

/**
 * Every ID of the steps in the one spelling the engine and the plan's world share (`world.ts`): the readers
 * write the deployment's own subscription and target group each their own way (`''`, a marker, the plan's GUID).
 * The steps, their edges and their props are the reader's own, made for this call (none shared between two steps),
 * so they are spelled in place rather than copied: a copy of the props with one key changed is an object of a
 * shape of its own, which the replay's checks then read more slowly.
 */
function canonicalSteps(steps: DeployStep[], plan: Plan): DeployStep[] {
  const id = idSpeller(plan);
  for (const step of steps) {
    step.id = id(step.id);
    for (const edge of step.after) edge.step = id(edge.step);
    if (step.target !== undefined) step.target = id(step.target);
    const props = step.props;
    for (const key of ID_PROPS) {
      const value = props[key];
      if (value !== undefined) props[key] = id(value);
    }
  }
  return steps;
}

/** The readers that write every ID in the shared spelling themselves (with `world.ts`). */
const SPELLS_IDS: ReadonlySet<DeployFormat> = new Set<DeployFormat>(['arm', 'azcli']);

/** A format the dry run has no reader for. */
export class DryRunUnsupportedError extends Error {
  constructor(readonly format: string) {
    const known = Object.keys(READERS).join(', ');
    super(`The deployment dry run has no reader for ${format} files yet (it reads: ${known}).`);
    this.name = 'DryRunUnsupportedError';
  }
}

/** Reads `files` (as the exporter of `format` writes them for `plan`) and replays them. */
export function dryRun(plan: Plan, format: DeployFormat, files: readonly ExportFile[]): DryRunReport {
  const reader = READERS[format];
  if (!reader) throw new DryRunUnsupportedError(format);
  const steps = reader(files, plan);
  return replay(format, SPELLS_IDS.has(format) ? steps : canonicalSteps(steps, plan), plan);
}
