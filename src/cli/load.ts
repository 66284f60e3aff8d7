/** Reads a plan file for the CLI: every failure is one line saying what and where. */
import { readPlanDocument } from '../domain/parse';
import type { Plan } from '../domain/plan';
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
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path}: not valid JSON (${(e as Error).message}).`);
  }
  const read = readPlanDocument(json);
  if (!read.ok) throw new InputError(`${path}: ${read.error.message}`);
  return read.plan;
}
