/** What a command may touch, so that commands are testable without a process or a disk. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readText(path: string): Promise<string>;
  writeText(path: string, contents: string | Uint8Array): Promise<void>;
}

export const nodeIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readText: (path) => readFile(path, 'utf8'),
  writeText: async (path, contents) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, contents);
  },
};

/** Exit codes of spec/plan.md. */
export const EXIT = { ok: 0, findings: 1, badInput: 2 } as const;

/** An input problem: reported as one line, exit 2. */
export class InputError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** Parses `--name value`, `--name=value` and boolean `--name`; `booleans` lists flags that take no value. */
export function parseArgs(argv: readonly string[], booleans: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (eq >= 0) flags.set(name, arg.slice(eq + 1));
      else if (booleans.includes(name)) flags.set(name, true);
      else {
        const value = argv[i + 1];
        if (value === undefined || value.startsWith('--')) throw new InputError(`--${name} needs a value.`);
        flags.set(name, value);
        i += 1;
      }
    } else positional.push(arg);
  }
  return { positional, flags };
}

export function flagValue(args: ParsedArgs, name: string, allowed?: readonly string[]): string | undefined {
  const value = args.flags.get(name);
  if (value === undefined) return undefined;
  if (value === true) throw new InputError(`--${name} needs a value.`);
  if (allowed && !allowed.includes(value)) {
    throw new InputError(`--${name} must be one of ${allowed.join(', ')}; got "${value}".`);
  }
  return value;
}

export function rejectUnknownFlags(args: ParsedArgs, known: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (!known.includes(name))
      throw new InputError(`Unknown option --${name}. Known: ${known.map((k) => `--${k}`).join(', ')}.`);
  }
}
