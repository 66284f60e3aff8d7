/**
 * The part of the ARM template expression language the dry run evaluates: literals, function calls, property
 * access and indexing. Values known only when Azure runs the deployment (`reference()` of a resource, a secure
 * parameter) are kept as markers, so that a reader can tell "carried over from the live resource" from a guess.
 */

export type ExprNode =
  | { k: 'str'; value: string }
  | { k: 'num'; value: number }
  /** `fn`: the function's name in lower case (template functions are case-insensitive). */
  | { k: 'call'; fn: string; args: ExprNode[] }
  | { k: 'prop'; target: ExprNode; name: string }
  | { k: 'index'; target: ExprNode; index: ExprNode };

/** A resource's state as Azure has it at deployment time (`reference(id)`): its properties, or the full object. */
export class Live {
  constructor(
    readonly id: string,
    /** Property path below the resource's properties (`reference(id)`) or below the full resource ('Full'). */
    readonly path: readonly string[],
    readonly full: boolean,
    /** Properties set over the live ones with `union(live, {...})`. */
    readonly overlay: Readonly<Record<string, unknown>> | null = null,
  ) {}

  /** Whether this is the whole `properties` object of the resource. */
  get isProperties(): boolean {
    return this.full ? this.path.length === 1 && this.path[0]?.toLowerCase() === 'properties' : this.path.length === 0;
  }
}

/** A value given only at deployment time (a secure parameter without a value). */
export class Secret {
  constructor(readonly name: string) {}
}

export class ExprSyntaxError extends Error {}

/** The characters of the expression syntax, as character codes (for the parser and the reader's quick path). */
export const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
export const isDigit = (c: number) => c >= 48 && c <= 57;
export const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
export const isIdent = (c: number) => isIdentStart(c) || isDigit(c);

/** The arguments of the calls being parsed, innermost last. */
const ARGS: ExprNode[] = [];

/**
 * A recursive-descent parser over character codes (no substrings, no closures: templates hold thousands). It reads
 * `text` from `from` to `to`, so that a template string is parsed without cutting off its brackets first.
 */
class Parser {
  i: number;

  constructor(
    readonly text: string,
    readonly from: number,
    readonly n: number,
  ) {
    this.i = from;
  }

  code(at = this.i): number {
    return at < this.n ? this.text.charCodeAt(at) : NaN;
  }

  ws(): void {
    while (this.i < this.n && isSpace(this.code())) this.i += 1;
  }

  fail(what: string): never {
    const text = this.text.slice(this.from, this.n);
    throw new ExprSyntaxError(`${what} at character ${this.i - this.from + 1} of "${text}"`);
  }

  ident(): string {
    const from = this.i;
    if (this.i < this.n && isIdentStart(this.code())) while (this.i < this.n && isIdent(this.code())) this.i += 1;
    return this.text.slice(from, this.i);
  }

  string(): ExprNode {
    let value = '';
    this.i += 1;
    for (;;) {
      const end = this.text.indexOf("'", this.i);
      if (end < 0 || end >= this.n) {
        this.i = this.n;
        return this.fail('unterminated string');
      }
      value += this.text.slice(this.i, end);
      if (this.code(end + 1) === 39) {
        value += "'";
        this.i = end + 2;
        continue;
      }
      this.i = end + 1;
      return { k: 'str', value };
    }
  }

  primary(): ExprNode {
    this.ws();
    const c = this.code();
    if (c === 39) return this.string();
    if (isDigit(c) || (c === 45 && isDigit(this.code(this.i + 1)))) {
      const from = this.i;
      this.i += 1;
      while (this.i < this.n && isDigit(this.code())) this.i += 1;
      return { k: 'num', value: Number(this.text.slice(from, this.i)) };
    }
    const name = this.ident();
    if (name === '') return this.fail('expected a value');
    this.ws();
    if (this.code() !== 40) return this.fail(`expected "(" after ${name}`);
    this.i += 1;
    this.ws();
    if (this.code() === 41) {
      this.i += 1;
      return { k: 'call', fn: name.toLowerCase(), args: [] };
    }
    const start = ARGS.length;
    for (;;) {
      ARGS.push(this.expr());
      this.ws();
      const d = this.code();
      if (d !== 44 && d !== 41) return this.fail('expected "," or ")"');
      this.i += 1;
      if (d === 41) {
        // An array of exactly the arguments (one grown by push() holds room for 16 or more).
        const args = ARGS.slice(start);
        ARGS.length = start;
        return { k: 'call', fn: name.toLowerCase(), args };
      }
    }
  }

  expr(): ExprNode {
    let node = this.primary();
    for (;;) {
      this.ws();
      const c = this.code();
      if (c === 46) {
        this.i += 1;
        this.ws();
        const name = this.ident();
        if (name === '') return this.fail('expected a property name');
        node = { k: 'prop', target: node, name };
      } else if (c === 91) {
        this.i += 1;
        const index = this.expr();
        this.ws();
        if (this.code() !== 93) return this.fail('expected "]"');
        this.i += 1;
        node = { k: 'index', target: node, index };
      } else return node;
    }
  }
}

/** Parses an expression: `text` from `from` to `to` (the inside of `[...]`). */
export function parseExpr(text: string, from = 0, to = text.length): ExprNode {
  ARGS.length = 0;
  const p = new Parser(text, from, to);
  const node = p.expr();
  p.ws();
  if (p.i < p.n) p.fail('unexpected text');
  return node;
}
