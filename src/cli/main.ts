/**
 * The command line, built from the same pure code as the web page.
 * Exit codes (spec/plan.md): 0 ok, 1 error findings (or an unreachable client), 2 bad input.
 */
import type { Command } from './command';
import { COMMANDS } from './commands/index';
import { EXIT, InputError, PROGRAM, type CliIo } from './io';
import { optionsHelp, parseOptions, type OptionSpecs } from './options';
import { oneLine, printable } from './text';
import { VERSION } from './version';

const HELP_OPTION: OptionSpecs = { help: { type: 'boolean', short: 'h', help: 'Print this help.' } };
const GLOBAL_OPTIONS: OptionSpecs = {
  ...HELP_OPTION,
  version: { type: 'boolean', help: 'Print the version.' },
};

function usage(): string {
  const lines = COMMANDS.map((c) => `  ${PROGRAM} ${c.name} ${c.usage}\n      ${c.summary}`);
  return (
    `Plan the networking of Azure Database for PostgreSQL flexible servers.\n\nUsage:\n${lines.join('\n')}\n` +
    `  ${PROGRAM} --version\n\nA plan argument of - reads the plan from standard input.\n` +
    `Exit codes: 0 ok, 1 error findings (check-client: not reachable; diff: differences), 2 bad input.\n` +
    `"${PROGRAM} COMMAND --help" lists the options of a command.\n`
  );
}

function commandHelp(command: Command): string {
  return (
    `Usage: ${PROGRAM} ${command.name} ${command.usage}\n${command.summary}\n\n` +
    `Options:\n${optionsHelp({ ...command.options, ...HELP_OPTION })}\n`
  );
}

/**
 * Everything a command prints goes through here: no control character of a plan reaches the terminal
 * raw, and each message to stderr is one line.
 */
function terminalIo(io: CliIo): CliIo {
  return { ...io, out: (text) => io.out(printable(text)), err: (text) => io.err(oneLine(text)) };
}

/** The index of the first argument that is not an option: the command's name. */
const commandIndex = (argv: readonly string[]): number => argv.findIndex((a) => a === '-' || !a.startsWith('-'));

export async function main(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = terminalIo(rawIo);
  const at = commandIndex(argv);
  const before = at < 0 ? argv : argv.slice(0, at);
  const [name, ...rest] = at < 0 ? [] : argv.slice(at);
  let globals;
  try {
    globals = parseOptions(before, GLOBAL_OPTIONS);
  } catch (e) {
    io.err(`${PROGRAM}: ${(e as Error).message}`);
    return EXIT.badInput;
  }
  if (globals.values.version === true) {
    io.out(VERSION);
    return EXIT.ok;
  }
  if (name === 'help') {
    const about = COMMANDS.find((c) => c.name === rest[0]);
    io.out(about === undefined ? usage() : commandHelp(about));
    return EXIT.ok;
  }
  if (globals.values.help === true) {
    io.out(usage());
    return EXIT.ok;
  }
  if (name === undefined) {
    io.err(`${PROGRAM}: no command given. Commands: ${COMMANDS.map((c) => c.name).join(', ')}; --help explains them.`);
    return EXIT.badInput;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`${PROGRAM}: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    return EXIT.badInput;
  }
  try {
    const options = parseOptions(rest, { ...command.options, ...HELP_OPTION });
    if (options.values.help === true) {
      io.out(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(options, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`${PROGRAM} ${name}: ${e.message}`);
      return EXIT.badInput;
    }
    io.err(`${PROGRAM} ${name}: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.badInput;
  }
}
