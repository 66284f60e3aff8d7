/**
 * Command-line options, parsed by Node's own `parseArgs` in strict mode: an unknown option, a missing
 * value or a value given to a flag is an error in one line that names the option.
 */
import { parseArgs } from 'node:util';
import { InputError } from './io';

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** For a string option: the values it accepts, or the placeholder shown in the help (`DIR`). */
  values?: readonly string[];
  placeholder?: string;
  help: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedOptions {
  values: Readonly<Record<string, string | boolean | undefined>>;
  positionals: readonly string[];
}

/** `--format text|json`, `--out DIR`, `-h, --help`. */
function optionLabel(name: string, spec: OptionSpec): string {
  const value = spec.type === 'string' ? ` ${spec.values?.join('|') ?? spec.placeholder ?? 'VALUE'}` : '';
  return `${spec.short === undefined ? '' : `-${spec.short}, `}--${name}${value}`;
}

/** The options of a command, one per line, for its help. */
export function optionsHelp(specs: OptionSpecs): string {
  const labels = Object.entries(specs).map(([name, spec]) => [optionLabel(name, spec), spec.help] as const);
  const width = Math.max(...labels.map(([label]) => label.length));
  return labels.map(([label, help]) => `  ${label.padEnd(width)}  ${help}`).join('\n');
}

/** The long option a Node parseArgs message is about: `'-o, --out <value>'` → `--out`. */
function optionIn(message: string): string | undefined {
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const names = quoted.match(/-{1,2}[^\s,<]+/g) ?? [];
  return names.at(-1);
}

function explain(error: unknown, specs: OptionSpecs): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = String(message ?? error);
  const option = optionIn(text);
  const known = Object.keys(specs)
    .map((name) => `--${name}`)
    .join(', ');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined)
    return `Unknown option ${option}. Options: ${known}.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    if (text.includes('does not take an argument')) return `${option} takes no value.`;
    if (text.includes('ambiguous'))
      return `${option} needs a value; for a value that starts with "-", write ${option}=VALUE.`;
    return `${option} needs a value.`;
  }
  return text.split('\n')[0] ?? text;
}

/** Parses `argv` against `specs`; positionals are allowed (`-` is one), `--` ends the options. */
export function parseOptions(argv: readonly string[], specs: OptionSpecs): ParsedOptions {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new InputError(explain(e, specs));
  }
  for (const [name, spec] of Object.entries(specs)) {
    const value = parsed.values[name];
    if (typeof value === 'string' && spec.values !== undefined && !spec.values.includes(value))
      throw new InputError(`--${name} must be one of ${spec.values.join(', ')}; got "${value}".`);
  }
  return { values: parsed.values as ParsedOptions['values'], positionals: parsed.positionals };
}

/** A string option's value, or undefined when it was not given. */
export function stringOption(options: ParsedOptions, name: string): string | undefined {
  const value = options.values[name];
  return typeof value === 'string' ? value : undefined;
}
