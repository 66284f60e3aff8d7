/**
 * A strict parser for the Bicep subset the Bicep exporter writes: decorators, `param`, `var`, `resource` (also
 * `existing`), `module`, `output`, `targetScope`, and in `.bicepparam` files `using` and `param x = value`.
 * Expressions: strings with `${…}` interpolation, integers, bools, null, arrays, objects (with `...` spread),
 * identifiers, function calls, property access and indexes. Operators, conditions, loops, lambdas, multi-line
 * strings, `import`, `type` and `func` are outside the subset: each is a `DryRunReadError` naming file and line.
 */
import { isDigit, isIdentStart, SourceScanner } from './source-scanner';

export type BicepExpr =
  | { k: 'str'; parts: (string | BicepExpr)[]; line: number }
  | { k: 'int'; value: number; line: number }
  | { k: 'bool'; value: boolean; line: number }
  | { k: 'null'; line: number }
  | { k: 'array'; items: BicepExpr[]; line: number }
  | { k: 'object'; entries: ({ key: string; value: BicepExpr } | { spread: BicepExpr })[]; line: number }
  | { k: 'ident'; name: string; line: number }
  | { k: 'call'; fn: string; args: BicepExpr[]; line: number }
  | { k: 'prop'; target: BicepExpr; name: string; line: number }
  | { k: 'index'; target: BicepExpr; index: BicepExpr; line: number }
  | { k: 'ternary'; cond: BicepExpr; then: BicepExpr; else: BicepExpr; line: number }
  | { k: 'compare'; op: '==' | '!='; left: BicepExpr; right: BicepExpr; line: number }
  /** `e => body`: a lambda of one variable (what `filter()` takes). */
  | { k: 'lambda'; param: string; body: BicepExpr; line: number };

interface Decorator {
  name: string;
  args: BicepExpr[];
}

export type BicepStatement =
  | { k: 'param'; name: string; type: string | null; value: BicepExpr | null; decorators: Decorator[]; line: number }
  | { k: 'var'; name: string; value: BicepExpr; line: number }
  | { k: 'resource'; sym: string; type: string; existing: boolean; body: BicepExpr; line: number }
  | { k: 'module'; sym: string; path: string; body: BicepExpr; line: number }
  | { k: 'output'; name: string; type: string; value: BicepExpr; line: number }
  | { k: 'targetScope'; value: BicepExpr; line: number }
  /** `metadata name = value`: documentation, nothing deployed. */
  | { k: 'metadata'; name: string; value: BicepExpr; line: number }
  | { k: 'using'; path: string; line: number };

const ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", n: '\n', r: '\r', t: '\t', $: '$' };

class BicepParser extends SourceScanner {
  constructor(file: string, src: string) {
    super(file, src, false);
  }

  protected isIdentPart(c: number): boolean {
    return isIdentStart(c) || isDigit(c);
  }

  /** The end of a statement: a new line or the end of the file. */
  private endOfStatement(): void {
    this.skip(false);
    if (this.peek() !== '\n' && this.pos < this.src.length) {
      this.fail(`expected the end of the line, found ${this.describe()} (outside the Bicep subset read)`);
    }
  }

  private literalString(): string {
    const { parts } = this.string();
    if (!parts.every((p): p is string => typeof p === 'string')) {
      this.fail('an interpolation where a literal string is needed');
    }
    return parts.join('');
  }

  statements(): BicepStatement[] {
    const out: BicepStatement[] = [];
    let decorators: Decorator[] = [];
    for (;;) {
      this.skip(true);
      if (this.pos >= this.src.length) break;
      const line = this.line();
      if (this.peek() === '@') {
        this.pos += 1;
        const name = this.ident();
        const args: BicepExpr[] = [];
        if (this.peek() === '(') {
          this.pos += 1;
          this.skip(true);
          while (this.peek() !== ')') {
            args.push(this.expr());
            this.skip(true);
            if (this.peek() === ',') {
              this.pos += 1;
              this.skip(true);
            } else if (this.peek() !== ')') this.fail(`expected "," or ")", found ${this.describe()}`);
          }
          this.pos += 1;
        }
        this.endOfStatement();
        decorators.push({ name, args });
        continue;
      }
      const keyword = this.ident();
      this.skip(false);
      let statement: BicepStatement;
      switch (keyword) {
        case 'param': {
          const name = this.ident();
          this.skip(false);
          let type: string | null = null;
          if (this.peek() !== '=') {
            type = this.ident();
            this.skip(false);
          }
          let value: BicepExpr | null = null;
          if (this.peek() === '=') {
            this.pos += 1;
            this.skip(false);
            value = this.expr();
          }
          statement = { k: 'param', name, type, value, decorators, line };
          break;
        }
        case 'var': {
          const name = this.ident();
          this.skip(false);
          this.expect('=');
          this.skip(false);
          statement = { k: 'var', name, value: this.expr(), line };
          break;
        }
        case 'resource':
        case 'module': {
          const sym = this.ident();
          this.skip(false);
          if (this.peek() !== "'") this.fail(`expected the ${keyword}'s type or path in quotes`);
          const what = this.literalString();
          this.skip(false);
          let existing = false;
          if (keyword === 'resource' && this.src.startsWith('existing', this.pos)) {
            this.ident();
            existing = true;
            this.skip(false);
          }
          this.expect('=');
          this.skip(false);
          if (this.peek() !== '{') this.fail(`a conditional or loop ${keyword} (outside the Bicep subset read)`);
          const body = this.expr();
          if (keyword === 'module') statement = { k: 'module', sym, path: what, body, line };
          else {
            const at = what.lastIndexOf('@');
            if (at <= 0) this.fail(`the resource type '${what}' has no @api-version`);
            statement = { k: 'resource', sym, type: what.slice(0, at), existing, body, line };
          }
          break;
        }
        case 'output': {
          const name = this.ident();
          this.skip(false);
          const type = this.ident();
          this.skip(false);
          this.expect('=');
          this.skip(false);
          statement = { k: 'output', name, type, value: this.expr(), line };
          break;
        }
        case 'metadata': {
          const name = this.ident();
          this.skip(false);
          this.expect('=');
          this.skip(false);
          statement = { k: 'metadata', name, value: this.expr(), line };
          break;
        }
        case 'targetScope':
          this.expect('=');
          this.skip(false);
          statement = { k: 'targetScope', value: this.expr(), line };
          break;
        case 'using':
          statement = { k: 'using', path: this.literalString(), line };
          break;
        default:
          this.fail(`a "${keyword}" statement (outside the Bicep subset read)`);
      }
      if (decorators.length > 0 && statement.k !== 'param') this.fail('decorators on something other than a param');
      decorators = [];
      this.endOfStatement();
      out.push(statement);
    }
    if (decorators.length > 0) this.fail('decorators at the end of the file');
    return out;
  }

  /** An expression: `cond ? a : b` over comparisons (`==`, `!=`) over operands with `.x` and `[i]`. */
  private expr(): BicepExpr {
    return this.conditional(
      () => this.comparison(),
      (cond, then, otherwise, line): BicepExpr => ({ k: 'ternary', cond, then, else: otherwise, line }),
    );
  }

  private comparison(): BicepExpr {
    let e = this.operand();
    for (;;) {
      this.skip(false);
      const line = this.line();
      const two = this.src.slice(this.pos, this.pos + 2);
      if (two === '==' || two === '!=') {
        this.pos += 2;
        this.skip(true);
        e = { k: 'compare', op: two, left: e, right: this.operand(), line };
        continue;
      }
      const c = this.peek();
      if (c !== '' && '+-*%<>=!&|'.includes(c)) this.fail(`an operator "${c}" (outside the Bicep subset read)`);
      return e;
    }
  }

  private operand(): BicepExpr {
    let e = this.primary();
    for (;;) {
      const line = this.line();
      if (this.peek() === '.' && this.peek(1) !== '.') {
        this.pos += 1;
        if (this.peek() === '?') this.fail('a safe-dereference ".?" (outside the Bicep subset read)');
        e = { k: 'prop', target: e, name: this.ident(), line };
      } else if (this.peek() === '[') {
        this.pos += 1;
        this.skip(true);
        const index = this.expr();
        this.skip(true);
        this.expect(']');
        e = { k: 'index', target: e, index, line };
      } else break;
    }
    return e;
  }

  private primary(): BicepExpr {
    const line = this.line();
    const c = this.peek();
    if (c === "'") return this.string();
    if (isDigit(c.charCodeAt(0))) {
      const start = this.pos;
      while (isDigit(this.src.charCodeAt(this.pos))) this.pos += 1;
      if (this.peek() === '.') this.fail('a non-integer number');
      return { k: 'int', value: Number(this.src.slice(start, this.pos)), line };
    }
    if (c === '[') return this.array(line);
    if (c === '{') return this.object(line);
    if (c === '(') {
      this.pos += 1;
      this.skip(true);
      if (this.peek() === ')') this.fail('a lambda with a parameter list (outside the Bicep subset read)');
      const inner = this.expr();
      this.skip(true);
      this.expect(')');
      return inner;
    }
    if (c === '!' || c === '-') this.fail(`an operator "${c}" (outside the Bicep subset read)`);
    const name = this.ident();
    if (name === 'true' || name === 'false') return { k: 'bool', value: name === 'true', line };
    if (name === 'null') return { k: 'null', line };
    const afterName = this.pos;
    this.skip(false);
    if (this.src.startsWith('=>', this.pos)) {
      this.pos += 2;
      this.skip(true);
      return { k: 'lambda', param: name, body: this.expr(), line };
    }
    this.pos = afterName;
    if (this.peek() === '(') {
      this.pos += 1;
      const args: BicepExpr[] = [];
      this.skip(true);
      while (this.peek() !== ')') {
        args.push(this.expr());
        this.skip(true);
        if (this.peek() === ',') {
          this.pos += 1;
          this.skip(true);
        } else if (this.peek() !== ')') this.fail(`expected "," or ")" in ${name}(…), found ${this.describe()}`);
      }
      this.pos += 1;
      return { k: 'call', fn: name, args, line };
    }
    return { k: 'ident', name, line };
  }

  private array(line: number): BicepExpr {
    this.pos += 1;
    const items: BicepExpr[] = [];
    this.skip(true);
    if (this.src.startsWith('for ', this.pos)) this.fail('a for loop (outside the Bicep subset read)');
    while (this.peek() !== ']') {
      if (this.pos >= this.src.length) this.fail('an array is not closed ("]" missing)');
      items.push(this.expr());
      this.skip(false);
      if (this.peek() === ',') this.pos += 1;
      else if (this.peek() !== '\n' && this.peek() !== ']') {
        this.fail(`expected a new line, "," or "]" in an array, found ${this.describe()}`);
      }
      this.skip(true);
    }
    this.pos += 1;
    return { k: 'array', items, line };
  }

  private object(line: number): BicepExpr & { k: 'object' } {
    this.pos += 1;
    const entries: ({ key: string; value: BicepExpr } | { spread: BicepExpr })[] = [];
    for (;;) {
      this.skip(true);
      if (this.peek() === '}') break;
      if (this.pos >= this.src.length) this.fail('an object is not closed ("}" missing)');
      if (this.src.startsWith('...', this.pos)) {
        this.pos += 3;
        entries.push({ spread: this.expr() });
      } else {
        const key = this.peek() === "'" ? this.literalString() : this.ident();
        this.skip(false);
        this.expect(':');
        this.skip(false);
        entries.push({ key, value: this.expr() });
      }
      this.skip(false);
      if (this.peek() === ',') this.pos += 1;
      else if (this.peek() !== '\n' && this.peek() !== '}') {
        this.fail(`expected a new line, "," or "}" in an object, found ${this.describe()}`);
      }
    }
    this.pos += 1;
    return { k: 'object', entries, line };
  }

  private string(): BicepExpr & { k: 'str' } {
    const line = this.line();
    if (this.src.startsWith("'''", this.pos)) this.fail("a multi-line ''' string (outside the Bicep subset read)");
    this.pos += 1;
    const parts: (string | BicepExpr)[] = [];
    let text = '';
    for (;;) {
      // A run of plain characters at once.
      const start = this.pos;
      for (;;) {
        const code = this.src.charCodeAt(this.pos);
        // "'", '\\', '$', '\n', end of input (NaN)
        if (code === 39 || code === 92 || code === 36 || code === 10 || code !== code) break;
        this.pos += 1;
      }
      if (this.pos > start) text += this.src.slice(start, this.pos);
      const c = this.peek();
      if (c === '' || c === '\n') this.fail('an unterminated string');
      if (c === "'") break;
      if (c === '\\') {
        const e = this.peek(1);
        if (e === 'u' && this.peek(2) === '{') {
          const close = this.src.indexOf('}', this.pos);
          const hex = this.src.slice(this.pos + 3, close);
          if (close < 0 || !/^[0-9A-Fa-f]{1,6}$/.test(hex)) this.fail('a bad \\u{…} escape');
          text += String.fromCodePoint(parseInt(hex, 16));
          this.pos = close + 1;
          continue;
        }
        const decoded = ESCAPES[e];
        if (decoded === undefined) this.fail(`a bad escape \\${e}`);
        text += decoded;
        this.pos += 2;
        continue;
      }
      if (c === '$' && this.peek(1) === '{') {
        this.pos += 2;
        if (text !== '') parts.push(text);
        text = '';
        this.skip(true);
        parts.push(this.expr());
        this.skip(true);
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

/** The statements of one Bicep or `.bicepparam` file. */
export function parseBicep(file: string, source: string): BicepStatement[] {
  return new BicepParser(file, source).statements();
}
