import type { CliIo } from './io';
import type { OptionSpecs, ParsedOptions } from './options';

export type CommandRun = (options: ParsedOptions, io: CliIo) => Promise<number>;

export interface Command {
  readonly name: string;
  /** The arguments after the command's name, as the help shows them. */
  readonly usage: string;
  readonly summary: string;
  /** The command's options; `--help` is added to every command. */
  readonly options: OptionSpecs;
  run: CommandRun;
}

/**
 * Where the printed share link points when no --base is given: the planner as `npm run dev` serves it.
 * Pass --base with the address where the team hosts the planner.
 */
export const DEFAULT_SHARE_BASE = 'http://localhost:5173/';

/** The ids of `EXPORT_FORMATS`, known here without loading the exporters (a test keeps them equal). */
export const EXPORT_FORMAT_IDS = ['arm', 'terraform', 'bicep', 'azcli'] as const;
