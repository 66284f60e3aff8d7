/**
 * A plan or a deployment for the CLI: a plan file is read as `loadPlan` reads it; anything else is imported as what
 * is deployed (an inventory bundle, an exported template, resource JSON) through the same importer as the page.
 */
import type { Plan } from '../domain/plan';
import { PLANNER_LIMITS } from '../domain/azure';
import { formatBytes } from '../share/errors';
import { importDeployed } from '../import/import';
import type { ImportSuccess } from '../import/types';
import { InputError, TooLargeError, type CliIo } from './io';
import { planFromText, sourceName, STDIN } from './load';

export interface Loaded {
  readonly plan: Plan;
  /** Set when the input was a deployment rather than a plan file. */
  readonly imported: ImportSuccess | null;
}

/** Whether the text is a plan file (it names its plan format), so that it goes through the plan reader. */
const looksLikePlanFile = (text: string): boolean => /"formatVersion"\s*:/.test(text.slice(0, 4096));

async function readInput(io: CliIo, arg: string): Promise<string> {
  const limit = PLANNER_LIMITS.importLength;
  try {
    return arg === STDIN ? await io.readStdin(limit) : await io.readText(arg, limit);
  } catch (e) {
    const name = sourceName(arg);
    if (e instanceof TooLargeError)
      throw new InputError(
        `${name}: ${e.bytes === undefined ? `more than ${formatBytes(limit)}` : formatBytes(e.bytes)}; the planner ` +
          `imports up to ${formatBytes(limit)}. It was not read.`,
      );
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${name}: no such file.`);
    throw new InputError(`${name}: cannot be read (${code ?? (e instanceof Error ? e.message : String(e))}).`);
  }
}

/** Imports a deployment; a failure is an input error naming the file. */
export async function loadDeployment(io: CliIo, arg: string | undefined, server?: string): Promise<ImportSuccess> {
  if (arg === undefined) throw new InputError('No deployment file given (a path, or - for standard input).');
  const result = importDeployed(await readInput(io, arg), server === undefined ? {} : { server });
  if (!result.ok) throw new InputError(`${sourceName(arg)}: ${result.message}`);
  return result;
}

/** A plan file, or a deployment imported into a plan. */
export async function loadPlanOrDeployment(io: CliIo, arg: string | undefined): Promise<Loaded> {
  if (arg === undefined) throw new InputError('No plan or deployment file given (a path, or - for standard input).');
  const text = await readInput(io, arg);
  if (looksLikePlanFile(text)) return { plan: planFromText(sourceName(arg), text), imported: null };
  const result = importDeployed(text);
  if (!result.ok) throw new InputError(`${sourceName(arg)}: ${result.message}`);
  return { plan: result.plan, imported: result };
}
