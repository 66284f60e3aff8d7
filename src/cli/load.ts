/**
 * Reads a plan file for the CLI: through the same reader as the web page (`parsePlanFile`: older
 * formats migrated, shape checked), and every failure is one line saying what and where.
 */
import type { Plan } from '../domain/plan';
import { parsePlanFile } from '../share/plan-file';
import { InputError, type CliIo } from './io';

export async function loadPlan(io: CliIo, path: string | undefined): Promise<Plan> {
  if (path === undefined) throw new InputError('No plan file given.');
  let text: string;
  try {
    text = await io.readText(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such file.`);
    if (code === 'EISDIR') throw new InputError(`${path}: is a directory, not a plan file.`);
    throw new InputError(`${path}: cannot be read (${code ?? 'unknown error'}).`);
  }
  const read = parsePlanFile(text);
  if (read.ok) return read.plan;
  const { kind, message } = read.error;
  // "p.json: not valid JSON at line 3, column 5: …" reads better than a capital in mid-sentence.
  const text1 = kind === 'invalid-json' ? message.charAt(0).toLowerCase() + message.slice(1) : message;
  throw new InputError(`${path}: ${text1.replace(/\s*\n\s*/g, ' ')}`);
}
