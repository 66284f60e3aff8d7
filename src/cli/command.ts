import type { CliIo } from './io';

export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
