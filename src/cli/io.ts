/** What a command may touch, so that commands are testable without a process or a disk. */

/** A file to write, its path relative to the output folder with forward slashes (`modules/dns-1.bicep`). */
export interface FolderFile {
  path: string;
  contents: string | Uint8Array;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /**
   * A file's text; rejects with the Node error code (`ENOENT`, `EISDIR`, …), or with a
   * {@link TooLargeError} past `maxBytes`.
   */
  readText(path: string, maxBytes: number): Promise<string>;
  /** All of standard input as text; rejects with a {@link TooLargeError} past `maxBytes`. */
  readStdin(maxBytes: number): Promise<string>;
  /**
   * Writes `files` into the folder `dir` all together or not at all. Refuses with an
   * {@link ExistingFilesError} when any of them exists, unless `replace`.
   */
  writeFolder(dir: string, files: readonly FolderFile[], options: { replace: boolean }): Promise<void>;
}

/** The command's name, as messages start. */
export const PROGRAM = 'pgflex-netplan';

/** Exit codes of spec/plan.md. */
export const EXIT = { ok: 0, findings: 1, badInput: 2 } as const;

/** An input problem: reported as one line, exit 2. */
export class InputError extends Error {}

/** A plan file or standard input larger than a plan file may be; `bytes` when the size is known. */
export class TooLargeError extends Error {
  constructor(readonly bytes: number | undefined) {
    super('too large');
  }
}

/** The files an export would replace, with their paths as the user will recognise them. */
export class ExistingFilesError extends InputError {
  constructor(readonly files: readonly string[]) {
    super(
      `Not exported: ${files.length === 1 ? 'this file exists' : `these ${files.length} files exist`} and would ` +
        `be replaced: ${files.join(', ')}. Pass --force to replace ${files.length === 1 ? 'it' : 'them'}, or ` +
        'choose another --out folder.',
    );
  }
}
