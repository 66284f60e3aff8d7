/**
 * A plan or a deployment for the CLI: a plan file is read as `loadPlan` reads it; anything else is imported as what
 * is deployed (an inventory bundle, an exported template, resource JSON) through the same importer as the page.
 */
import type { Plan } from '../domain/plan';
import { PLANNER_LIMITS } from '../domain/azure';
import { formatBytes } from '../share/errors';
import { brokenTextKind, kindOfValue, withoutBom } from '../import/document-kind';
import { importDeployed, importDeployedValue } from '../import/import';
import type { ImportSuccess } from '../import/types';
import { InputError, TooLargeError, type CliIo } from './io';
import { planFromText, sourceName, STDIN } from './load';

export interface Loaded {
  readonly plan: Plan;
  /** Set when the input was a deployment rather than a plan file. */
  readonly imported: ImportSuccess | null;
}

/**
 * What the text is, decided as the page decides (`document-kind.ts`): a plan file (or broken JSON that starts as one)
 * goes to the plan reader; anything else to the importer, which says what it reads. Parsed once: a deployment's value
 * is handed on.
 */
type Document = { kind: 'plan' } | { kind: 'deployment'; value: unknown } | { kind: 'not JSON' };

function documentOf(text: string): Document {
  const body = withoutBom(text);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return brokenTextKind(body) === 'plan' ? { kind: 'plan' } : { kind: 'not JSON' };
  }
  return kindOfValue(value) === 'plan' ? { kind: 'plan' } : { kind: 'deployment', value };
}

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

/** The importer's failure as an input error naming the file (and, where it asks which server, the option). */
function importFailure(arg: string, message: string): InputError {
  const hint = /say which to import/.test(message) ? ' Name it with --server NAME.' : '';
  return new InputError(`${sourceName(arg)}: ${message}${hint}`);
}

/**
 * Imports a deployment; a failure is an input error naming the file. `server` picks the server by name; with
 * `fallback`, a deployment that holds one server only is imported whatever its name (the differences say so).
 */
export async function loadDeployment(
  io: CliIo,
  arg: string | undefined,
  server?: string,
  fallback = false,
): Promise<ImportSuccess> {
  if (arg === undefined) throw new InputError('No deployment file given (a path, or - for standard input).');
  const text = await readInput(io, arg);
  const result = importDeployed(text, server === undefined ? {} : { server });
  if (result.ok) return result;
  if (fallback && server !== undefined) {
    const only = importDeployed(text);
    if (only.ok) return only;
  }
  throw importFailure(arg, result.message);
}

/** A plan file, or a deployment imported into a plan (its server picked by `server` when it holds several). */
export async function loadPlanOrDeployment(io: CliIo, arg: string | undefined, server?: string): Promise<Loaded> {
  if (arg === undefined) throw new InputError('No plan or deployment file given (a path, or - for standard input).');
  const text = await readInput(io, arg);
  const document = documentOf(text);
  if (document.kind === 'plan') {
    if (server !== undefined)
      throw new InputError(`${sourceName(arg)} is a plan file: --server picks the server of a deployment only.`);
    return { plan: planFromText(sourceName(arg), text), imported: null };
  }
  const options = server === undefined ? {} : { server };
  // Text the importer refuses unread (too long) or can't parse gets its own message from `importDeployed`.
  const result =
    document.kind === 'deployment' && text.length <= PLANNER_LIMITS.importLength
      ? importDeployedValue(document.value, options)
      : importDeployed(text, options);
  if (!result.ok) throw importFailure(arg, result.message);
  return { plan: result.plan, imported: result };
}

/** One line for standard error about what an import left out of the plan, or null when it left nothing out. */
export function importNote(imported: ImportSuccess): string | null {
  const count = (n: number, one: string, many: string) => (n === 0 ? [] : [`${n} ${n === 1 ? one : many}`]);
  const parts = [
    ...count(imported.notModelled.length, 'thing not modelled', 'things not modelled'),
    ...count(imported.skipped.length, 'resource skipped', 'resources skipped'),
    ...count(imported.warnings.length, 'warning', 'warnings'),
  ];
  return parts.length === 0 ? null : `note: the import has ${parts.join(', ')}; the import command lists them.`;
}
