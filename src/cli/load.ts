/**
 * Reads a plan for the CLI, from a file or from standard input (`-`), through the same reader as the web
 * page (`parsePlanFile`: older formats migrated, shape checked); every failure is one line saying what
 * and where.
 */
import type { Plan } from '../domain/plan';
import { formatBytes } from '../share/errors';
import { MAX_PLAN_FILE_BYTES, parsePlanFile } from '../share/plan-file';
import { InputError, TooLargeError, type CliIo } from './io';

/** The argument that means standard input. */
export const STDIN = '-';

/** How a plan argument is named in messages and output. */
export const sourceName = (arg: string): string => (arg === STDIN ? '(stdin)' : arg);

function readFailure(name: string, e: unknown): InputError {
  if (e instanceof TooLargeError) {
    const limit = formatBytes(MAX_PLAN_FILE_BYTES);
    const size = e.bytes === undefined ? `more than ${limit}` : formatBytes(e.bytes);
    return new InputError(`${name}: ${size}; plan files may be up to ${limit}. It was not read.`);
  }
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(`${name}: no such file.`);
  if (code === 'EISDIR') return new InputError(`${name}: is a directory, not a plan file.`);
  return new InputError(`${name}: cannot be read (${code ?? (e instanceof Error ? e.message : String(e))}).`);
}

export async function loadPlan(io: CliIo, arg: string | undefined): Promise<Plan> {
  if (arg === undefined) throw new InputError('No plan file given (a path, or - for standard input).');
  const name = sourceName(arg);
  let text: string;
  try {
    text = arg === STDIN ? await io.readStdin(MAX_PLAN_FILE_BYTES) : await io.readText(arg, MAX_PLAN_FILE_BYTES);
  } catch (e) {
    throw readFailure(name, e);
  }
  return planFromText(name, text);
}

/** The plan in `text` (a plan file's contents), or an input error naming `name`. */
export function planFromText(name: string, text: string): Plan {
  const read = parsePlanFile(text);
  if (read.ok) return read.plan;
  const { kind, message } = read.error;
  // "p.json: not valid JSON at line 3, column 5: …" reads better than a capital in mid-sentence.
  const text1 = kind === 'invalid-json' ? message.charAt(0).toLowerCase() + message.slice(1) : message;
  throw new InputError(`${name}: ${text1.replace(/\s*\n\s*/g, ' ')}`);
}
