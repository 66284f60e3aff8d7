/**
 * A strict parser for the HCL subset the Terraform exporter writes: blocks with string labels, attributes,
 * strings with `${…}` interpolation, numbers, bools, null, lists, objects, function calls and references
 * (`a.b.c`, `a[0]`). Heredocs, operators, conditionals, `for` expressions, splats and `%{…}` directives are
 * outside the subset: each is a `DryRunReadError` naming the file and line, never a guess.
 */
import { isDigit, isIdentStart, SourceScanner } from './source-scanner';

export type HclExpr =
  | { k: 'str'; parts: (string | HclExpr)[]; line: number }
  | { k: 'num'; value: number; line: number }
  | { k: 'bool'; value: boolean; line: number }
  | { k: 'null'; line: number }
  | { k: 'list'; items: HclExpr[]; line: number }
  | { k: 'obj'; entries: { key: string; value: HclExpr }[]; line: number }
  /** A traversal: `root.a.b`, `root.a[0].b` (numbers are indexes). */
  | { k: 'ref'; root: string; path: (string | number)[]; line: number }
  | { k: 'call'; fn: string; args: HclExpr[]; line: number }
  /** `a == b`, `a > b`, …: a comparison (what a conditional import's `for_each` tests). */
  | { k: 'compare'; op: string; left: HclExpr; right: HclExpr; line: number }
  /** `cond ? a : b`. */
  | { k: 'cond'; cond: HclExpr; then: HclExpr; else: HclExpr; line: number };

export interface HclAttr {
  kind: 'attr';
  name: string;
  value: HclExpr;
  line: number;
}

export interface HclBlock {
  kind: 'block';
  type: string;
  labels: string[];
  body: HclItem[];
  line: number;
}

export type HclItem = HclAttr | HclBlock;

const NUMBER = /-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

class HclParser extends SourceScanner {
  constructor(file: string, src: string) {
    super(file, src, true);
  }

  protected isIdentPart(c: number): boolean {
    return isIdentStart(c) || isDigit(c) || c === 45; /* [A-Za-z0-9_-] */
  }

  body(closing: boolean): HclItem[] {
    const items: HclItem[] = [];
    for (;;) {
      this.skip(true);
      if (this.pos >= this.src.length) {
        if (closing) this.fail('a block is not closed ("}" missing)');
        return items;
      }
      if (this.peek() === '}') {
        if (!closing) this.fail('"}" without a block to close');
        this.pos += 1;
        return items;
      }
      const line = this.line();
      const name = this.ident();
      this.skip(false);
      if (this.peek() === '=' && this.peek(1) !== '=') {
        this.pos += 1;
        this.skip(false);
        const value = this.expr();
        this.skip(false);
        const c = this.peek();
        if (c !== '\n' && c !== '' && !(closing && c === '}')) {
          this.fail(
            `expected the end of the attribute ${name}, found ${this.describe()} (outside the HCL subset read)`,
          );
        }
        items.push({ kind: 'attr', name, value, line });
        continue;
      }
      const labels: string[] = [];
      while (this.peek() === '"') {
        labels.push(this.literal('a block label'));
        this.skip(false);
      }
      if (this.peek() !== '{') this.fail(`expected "=" or a block after ${name}, found ${this.describe()}`);
      this.pos += 1;
      items.push({ kind: 'block', type: name, labels, body: this.body(true), line });
    }
  }

  /** An expression: `cond ? a : b` over comparisons over operands (`a.b[0]`, calls, literals). */
  private expr(): HclExpr {
    return this.conditional(
      () => this.comparison(),
      (cond, then, otherwise, line): HclExpr => ({ k: 'cond', cond, then, else: otherwise, line }),
    );
  }

  private comparison(): HclExpr {
    let e = this.operand();
    for (;;) {
      this.skip(false);
      const line = this.line();
      const op = /^(==|!=|>=|<=|>|<)/.exec(this.src.slice(this.pos, this.pos + 2))?.[0];
      if (op === undefined) break;
      this.pos += op.length;
      this.skip(true);
      e = { k: 'compare', op, left: e, right: this.operand(), line };
    }
    const c = this.peek();
    if ('+*/%!&|'.includes(c) && c !== '' && !(c === '/' && (this.peek(1) === '/' || this.peek(1) === '*'))) {
      this.fail(`an operator "${c}" (outside the HCL subset read)`);
    }
    if (c === '-') this.fail('an operator "-" (outside the HCL subset read)');
    return e;
  }

  private operand(): HclExpr {
    const e = this.primary();
    for (;;) {
      if (this.peek() === '.' && e.k === 'ref') {
        this.pos += 1;
        if (this.peek() === '*') this.fail('a splat expression (outside the HCL subset read)');
        e.path.push(isDigit(this.src.charCodeAt(this.pos)) ? Number(this.digits()) : this.ident());
      } else if (this.peek() === '[' && e.k === 'ref') {
        this.pos += 1;
        this.skip(true);
        if (!isDigit(this.src.charCodeAt(this.pos)))
          this.fail('an index that is not a number (outside the HCL subset read)');
        e.path.push(Number(this.digits()));
        this.skip(true);
        this.expect(']');
      } else break;
    }
    return e;
  }

  private digits(): string {
    const start = this.pos;
    while (isDigit(this.src.charCodeAt(this.pos))) this.pos += 1;
    return this.src.slice(start, this.pos);
  }

  private primary(): HclExpr {
    const line = this.line();
    const c = this.peek();
    if (c === '"') return this.template();
    if (c === '<' && this.peek(1) === '<') this.fail('a heredoc string (outside the HCL subset read)');
    if (c === '-' || isDigit(c.charCodeAt(0))) {
      NUMBER.lastIndex = this.pos;
      const m = NUMBER.exec(this.src);
      if (!m) this.fail(`expected a number, found ${this.describe()}`);
      this.pos += m[0].length;
      return { k: 'num', value: Number(m[0]), line };
    }
    if (c === '[') return this.list(line);
    if (c === '{') return this.object(line);
    if (c === '(') this.fail('a parenthesised expression (outside the HCL subset read)');
    if (!isIdentStart(c.charCodeAt(0))) this.fail(`expected a value, found ${this.describe()}`);
    const name = this.ident();
    if (name === 'true' || name === 'false') return { k: 'bool', value: name === 'true', line };
    if (name === 'null') return { k: 'null', line };
    if (name === 'for' && /\s/.test(this.peek())) this.fail('a for expression (outside the HCL subset read)');
    if (this.peek() === '(') {
      this.pos += 1;
      const args: HclExpr[] = [];
      this.skip(true);
      while (this.peek() !== ')') {
        args.push(this.expr());
        this.skip(true);
        if (this.peek() === '.' && this.src.startsWith('...', this.pos)) this.fail('argument expansion "..."');
        if (this.peek() === ',') {
          this.pos += 1;
          this.skip(true);
        } else if (this.peek() !== ')') this.fail(`expected "," or ")" in ${name}(…), found ${this.describe()}`);
      }
      this.pos += 1;
      return { k: 'call', fn: name, args, line };
    }
    return { k: 'ref', root: name, path: [], line };
  }

  private list(line: number): HclExpr {
    this.pos += 1;
    const items: HclExpr[] = [];
    this.skip(true);
    while (this.peek() !== ']') {
      if (this.pos >= this.src.length) this.fail('a list is not closed ("]" missing)');
      items.push(this.expr());
      this.skip(true);
      if (this.peek() === ',') {
        this.pos += 1;
        this.skip(true);
      } else if (this.peek() !== ']') this.fail(`expected "," or "]" in a list, found ${this.describe()}`);
    }
    this.pos += 1;
    return { k: 'list', items, line };
  }

  private object(line: number): HclExpr {
    this.pos += 1;
    const entries: { key: string; value: HclExpr }[] = [];
    for (;;) {
      this.skip(true);
      if (this.peek() === '}') break;
      if (this.pos >= this.src.length) this.fail('an object is not closed ("}" missing)');
      let key: string;
      if (this.peek() === '"') {
        key = this.literal('an object key');
      } else key = this.ident();
      this.skip(false);
      if (this.peek() !== '=' && this.peek() !== ':') this.fail(`expected "=" after the key ${key}`);
      this.pos += 1;
      this.skip(false);
      entries.push({ key, value: this.expr() });
      this.skip(false);
      if (this.peek() === ',') this.pos += 1;
      else if (this.peek() !== '\n' && this.peek() !== '}') {
        this.fail(`expected a new line, "," or "}" in an object, found ${this.describe()}`);
      }
    }
    this.pos += 1;
    return { k: 'obj', entries, line };
  }

  /** A quoted string without interpolation. */
  private literal(what: string): string {
    const { parts } = this.template();
    if (!parts.every((p): p is string => typeof p === 'string')) this.fail(`${what} with an interpolation`);
    return parts.join('');
  }

  /** A quoted string with escapes and `${…}` interpolations. */
  private template(): HclExpr & { k: 'str' } {
    const line = this.line();
    this.pos += 1;
    const parts: (string | HclExpr)[] = [];
    let text = '';
    for (;;) {
      // A run of plain characters at once.
      const start = this.pos;
      for (;;) {
        const code = this.src.charCodeAt(this.pos);
        // '"', '\\', '$', '%', '\n', end of input (NaN)
        if (code === 34 || code === 92 || code === 36 || code === 37 || code === 10 || code !== code) break;
        this.pos += 1;
      }
      if (this.pos > start) text += this.src.slice(start, this.pos);
      const c = this.peek();
      if (c === '' || c === '\n') this.fail('an unterminated string');
      if (c === '"') break;
      if (c === '\\') {
        const e = this.peek(1);
        if (e === 'u' || e === 'U') {
          const len = e === 'u' ? 4 : 8;
          const hex = this.src.slice(this.pos + 2, this.pos + 2 + len);
          if (!new RegExp(`^[0-9A-Fa-f]{${len}}$`).test(hex)) this.fail(`a bad \\${e} escape`);
          text += String.fromCodePoint(parseInt(hex, 16));
          this.pos += 2 + len;
          continue;
        }
        const decoded = ESCAPES[e];
        if (decoded === undefined) this.fail(`a bad escape \\${e}`);
        text += decoded;
        this.pos += 2;
        continue;
      }
      if ((c === '$' || c === '%') && this.peek(1) === c && this.peek(2) === '{') {
        text += `${c}{`;
        this.pos += 3;
        continue;
      }
      if (c === '%' && this.peek(1) === '{') this.fail('a %{…} template directive (outside the HCL subset read)');
      if (c === '$' && this.peek(1) === '{') {
        this.pos += 2;
        if (this.peek() === '~') this.fail('a strip marker "~" (outside the HCL subset read)');
        if (text !== '') parts.push(text);
        text = '';
        this.skip(false);
        parts.push(this.expr());
        this.skip(false);
        this.expect('}');
        continue;
      }
      text += c;
      this.pos += 1;
    }
    this.pos += 1;
    if (text !== '' || parts.length === 0) parts.push(text);
    return { k: 'str', parts, line };
  }
}

/** The top-level items of one HCL file. */
export function parseHcl(file: string, source: string): HclItem[] {
  return new HclParser(file, source).body(false);
}
