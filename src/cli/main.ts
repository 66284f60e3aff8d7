/**
 * The command line, built from the same pure code as the web page.
 * Exit codes (spec/plan.md): 0 ok, 1 error findings (or an unreachable client), 2 bad input.
 */
import { pathToFileURL } from 'node:url';
import type { Command } from './command';
import { checkClientCommand } from './commands/check-client';
import { exportCommand } from './commands/export';
import { shareCommand } from './commands/share';
import { validateCommand } from './commands/validate';
import { EXIT, InputError, nodeIo, type CliIo } from './io';

/** The explicit list of commands (no self-registration). */
export const COMMANDS: readonly Command[] = [validateCommand, exportCommand, checkClientCommand, shareCommand];

export const PROGRAM = 'pgflex-netplan';

export function usage(): string {
  const lines = COMMANDS.map((c) => `  ${PROGRAM} ${c.usage}\n      ${c.summary}`);
  return `Plan the networking of Azure Database for PostgreSQL flexible servers.\n\nUsage:\n${lines.join('\n')}\n`;
}

export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`${PROGRAM}: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    return EXIT.badInput;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`${PROGRAM} ${name}: ${e.message}`);
      return EXIT.badInput;
    }
    io.err(`${PROGRAM} ${name}: internal error: ${(e as Error).message ?? String(e)}`);
    return EXIT.badInput;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
