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
 */
function canonicalSteps(steps: readonly DeployStep[], plan: Plan): DeployStep[] {
  const id = idSpeller(plan);
  return steps.map((step) => ({
    ...step,
    id: id(step.id),
    after: step.after.map((edge) => ({ step: id(edge.step), why: edge.why })),
    ...(step.target === undefined ? {} : { target: id(step.target) }),
    props: canonicalProps(step.props, id),
  }));
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
