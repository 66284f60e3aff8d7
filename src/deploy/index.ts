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
import { canonicalProps, idSpeller } from './world';

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
 * The steps are the reader's own, made for this call, so they are spelled in place rather than copied.
 */
function canonicalSteps(steps: DeployStep[], plan: Plan): DeployStep[] {
  const id = idSpeller(plan);
  for (const step of steps) {
    step.id = id(step.id);
    const after = step.after;
    for (let k = 0; k < after.length; k += 1) {
      const edge = after[k] as DeployStep['after'][number];
      const spelled = id(edge.step);
      if (spelled !== edge.step) after[k] = { step: spelled, why: edge.why };
    }
    if (step.target !== undefined) step.target = id(step.target);
    step.props = canonicalProps(step.props, id);
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
