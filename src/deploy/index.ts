/**
 * The deployment dry run: one format's exported files, read into steps and replayed against what Azure checks
 * at creation time. `READERS` holds the formats that have a reader; the others are refused with a clear error.
 */
import type { Plan } from '../domain/plan';
import type { ExportFile } from '../exporters/types';
import { replay } from './engine';
import { readArm } from './read-arm';
import type { ArtefactReader, DeployFormat, DryRunReport } from './types';

/** The reader of each format that has one. */
export const READERS: Partial<Record<DeployFormat, ArtefactReader>> = { arm: readArm };

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
  return replay(format, reader(files, plan), plan);
}
