/** An exported file the dry run can't read: which file, and what in it. */
export class DryRunReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'DryRunReadError';
  }
}
