/**
 * What the dry run's two strict parsers (Bicep, HCL) share: a position in the source and its line, blanks and
 * comments, names, and errors that name the file and the line.
 */
import { DryRunReadError } from './read-error';

/** `[A-Za-z_]`. */
export const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

export abstract class SourceScanner {
  protected pos = 0;
  /** The line of `pos`: newlines are only ever consumed by `skip`. */
  protected lineNo = 1;

  constructor(
    protected readonly file: string,
    protected readonly src: string,
    /** `#` starts a comment too (HCL). */
    private readonly hashComments: boolean,
  ) {}

  /** Whether a character continues a name (after `isIdentStart`). */
  protected abstract isIdentPart(c: number): boolean;

  line(): number {
    return this.lineNo;
  }

  fail(message: string): never {
    throw new DryRunReadError(this.file, `line ${this.line()}: ${message}`);
  }

  protected peek(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }

  protected describe(): string {
    if (this.pos >= this.src.length) return 'the end of the file';
    if (this.peek() === '\n') return 'the end of the line';
    return `"${this.src.slice(this.pos, this.pos + 12).split('\n')[0] as string}"`;
  }

  /** Skips blanks and comments, and newlines too when `newlines`. */
  protected skip(newlines: boolean): void {
    const src = this.src;
    for (;;) {
      const code = src.charCodeAt(this.pos);
      // ' ', '\t', '\r'
      if (code === 32 || code === 9 || code === 13) {
        this.pos += 1;
        continue;
      }
      // '\n'
      if (code === 10) {
        if (!newlines) return;
        this.pos += 1;
        this.lineNo += 1;
        continue;
      }
      // '#', '//', '/*'
      const next = code === 47 ? src.charCodeAt(this.pos + 1) : 0;
      if ((code === 35 && this.hashComments) || next === 47) {
        const end = src.indexOf('\n', this.pos);
        this.pos = end < 0 ? src.length : end;
      } else if (next === 42) {
        const end = src.indexOf('*/', this.pos + 2);
        if (end < 0) this.fail('an unterminated /* comment');
        let lines = 0;
        for (let nl = src.indexOf('\n', this.pos); nl >= 0 && nl < end; nl = src.indexOf('\n', nl + 1)) lines += 1;
        if (!newlines && lines > 0) this.fail('a comment spanning lines here');
        this.lineNo += lines;
        this.pos = end + 2;
      } else return;
    }
  }

  protected expect(c: string): void {
    if (this.peek() !== c) this.fail(`expected "${c}", found ${this.describe()}`);
    this.pos += 1;
  }

  /**
   * `cond ? a : b` over `operand` (both languages write it the same way; a branch may continue on the next line),
   * built by `make`; the operand alone when no `?` follows.
   */
  protected conditional<T>(operand: () => T, make: (cond: T, then: T, otherwise: T, line: number) => T): T {
    const line = this.line();
    const cond = operand();
    this.skip(false);
    // '?'
    if (this.src.charCodeAt(this.pos) !== 63) return cond;
    this.pos += 1;
    this.skip(true);
    const then = this.conditional(operand, make);
    this.skip(true);
    this.expect(':');
    this.skip(true);
    return make(cond, then, this.conditional(operand, make), line);
  }

  protected ident(): string {
    if (!isIdentStart(this.src.charCodeAt(this.pos))) this.fail(`expected a name, found ${this.describe()}`);
    const start = this.pos;
    while (this.isIdentPart(this.src.charCodeAt(this.pos))) this.pos += 1;
    return this.src.slice(start, this.pos);
  }
}
