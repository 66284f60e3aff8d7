/**
 * A strict parser for the Bicep subset the Bicep exporter writes: decorators, `param`, `var`, `resource` (also
 * `existing`), `module`, `output`, `targetScope`, and in `.bicepparam` files `using` and `param x = value`.
 * Expressions: strings with `${…}` interpolation, integers, bools, null, arrays, objects (with `...` spread),
 * identifiers, function calls, property access and indexes. Operators, conditions, loops, lambdas, multi-line
 * strings, `import`, `type` and `func` are outside the subset: each is a `DryRunReadError` naming file and line.
 */
import { isDigit, isIdentStart, SourceScanner } from './source-scanner';

/**
 * A value written out in full: a string without `${…}`, an integer, a bool, null, or an object or array of only
 * those (and a `format()` of such values). The parser makes it once, and the reader hands that same value out
 * wherever the expression is evaluated: nothing changes a value once it is made (every object or array the reader
 * builds is a new one). Much of a large export is such values (security rules, address prefixes, resource names);
 * as one node each, the syntax tree of the large sample plan has 40 % fewer objects, and the reader builds none.
 */
type BicepLiteral = string | number | boolean | null | BicepLiteral[] | { [key: string]: BicepLiteral };

export type BicepExpr =
  | { k: 'literal'; value: BicepLiteral; line: number }
  /** A string with `${…}` (a literal otherwise). */
  | { k: 'str'; parts: (string | BicepExpr)[]; line: number }
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

// Character codes the expression parser looks at.
const NEWLINE = 10;
const BANG = 33;
const DOLLAR = 36;
const PERCENT = 37;
const AMP = 38;
const QUOTE = 39;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const STAR = 42;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const COLON = 58;
const LESS = 60;
const EQUALS = 61;
const GREATER = 62;
const QUESTION = 63;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const BAR = 124;
const CLOSE_BRACE = 125;

/** `[A-Za-z0-9_]`. */
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c);

/** The operators outside the subset: `+-*%<>=!&|` (`==` and `!=` are read). */
const isOperator = (c: number): boolean =>
  c === PLUS ||
  c === MINUS ||
  c === STAR ||
  c === PERCENT ||
  c === LESS ||
  c === GREATER ||
  c === EQUALS ||
  c === BANG ||
  c === AMP ||
  c === BAR;

/**
 * What `format(fmt, …)` writes, `{n}` being `args[first + n]` (the only placeholder the exporter writes), or the
 * problem with it. The parser folds a `format()` of literals with it (the names of most resources); the reader
 * evaluates the others.
 */
export function formatText(
  fmt: string,
  args: readonly unknown[],
  first: number,
): { text: string; problem?: undefined } | { problem: string } {
  let out = '';
  let i = 0;
  for (;;) {
    const open = fmt.indexOf('{', i);
    if (open < 0) return { text: out + fmt.slice(i) };
    const close = fmt.indexOf('}', open);
    let n = close > open + 1 ? 0 : -1;
    for (let j = open + 1; j < close && n >= 0; j += 1) {
      const c = fmt.charCodeAt(j);
      n = c >= 48 && c <= 57 ? n * 10 + (c - 48) : -1;
    }
    if (close < 0 || n < 0) return { problem: 'format() with a placeholder other than {n}' };
    const v = args[first + n];
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      return { problem: `format() has no usable argument {${fmt.slice(open + 1, close)}}` };
    }
    out += fmt.slice(i, open) + String(v);
    i = close + 1;
  }
}

type ObjectEntry = { key: string; value: BicepExpr } | { spread: BicepExpr };

class BicepParser extends SourceScanner {
  /**
   * The items of the arrays, calls and objects being read, from `exprTop` / `entryTop` down: each list is copied
   * out at its exact length when it ends, instead of growing an array of its own item by item.
   */
  private readonly exprStack: BicepExpr[] = [];
  private exprTop = 0;
  private readonly entryStack: ObjectEntry[] = [];
  private entryTop = 0;
  /**
   * What the next `object()` or `array()` must keep as a node, not fold into a literal: a resource or module body
   * (`'body'`), and the arrays directly in it (`'entry'`). The reader looks into those entry by entry (the first
   * `name`, each `dependsOn` item with its line); a literal keeps neither duplicate keys nor the lines of its items.
   */
  private keep: 'body' | 'entry' | null = null;

  constructor(file: string, src: string) {
    super(file, src, false);
  }

  private pushExpr(e: BicepExpr): void {
    this.exprStack[this.exprTop] = e;
    this.exprTop += 1;
  }

  /** The expressions pushed since `base`, taken off the stack. */
  private popExprs(base: number): BicepExpr[] {
    const out = this.exprStack.slice(base, this.exprTop);
    this.exprTop = base;
    return out;
  }

  protected isIdentPart(c: number): boolean {
    return isIdentPart(c);
  }

  /**
   * The scanner's `ident`, over a local position: names and keys are a third of a large export's characters, and the
   * scanner's loop asks the subclass for each character and writes `pos` back for each.
   */
  protected override ident(): string {
    const src = this.src;
    const start = this.pos;
    if (!isIdentStart(src.charCodeAt(start))) this.fail(`expected a name, found ${this.describe()}`);
    let pos = start + 1;
    while (isIdentPart(src.charCodeAt(pos))) pos += 1;
    this.pos = pos;
    return src.slice(start, pos);
  }

  /**
   * The scanner's `skip`, with blanks and new lines read in a loop of its own over a local position first: the
   * exporter indents every line, and a loop that writes `pos` back once per run is several times faster than the
   * scanner's, which writes it per character. Comments (rare) are left to the scanner.
   */
  protected override skip(newlines: boolean): void {
    const src = this.src;
    let pos = this.pos;
    let c = src.charCodeAt(pos);
    for (;;) {
      // ' ', '\t', '\r'
      if (c === 32 || c === 9 || c === 13) c = src.charCodeAt(++pos);
      else if (c === NEWLINE && newlines) {
        this.lineNo += 1;
        c = src.charCodeAt(++pos);
      } else break;
    }
    this.pos = pos;
    // '/' (a comment, or a character the caller refuses)
    if (c === 47) super.skip(newlines);
  }

  /** The end of a statement: a new line or the end of the file. */
  private endOfStatement(): void {
    this.skip(false);
    if (this.peek() !== '\n' && this.pos < this.src.length) {
      this.fail(`expected the end of the line, found ${this.describe()} (outside the Bicep subset read)`);
    }
  }

  private literalString(): string {
    const s = this.string();
    if (s.k !== 'literal') this.fail('an interpolation where a literal string is needed');
    return s.value as string;
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
          this.keep = 'body';
          const body = this.expr();
          this.keep = null;
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

  /**
   * An expression: `cond ? a : b` over comparisons (`==`, `!=`) over operands with `.x` and `[i]`. The scanner's
   * `conditional()` read inline: it runs for every value of the file, and through it each value took two calls more.
   */
  private expr(): BicepExpr {
    const line = this.lineNo;
    const cond = this.comparison();
    // comparison() stops past the blanks after its operand (where `conditional()` would skip them).
    if (this.src.charCodeAt(this.pos) !== QUESTION) return cond;
    this.pos += 1;
    this.skip(true);
    const then = this.expr();
    this.skip(true);
    this.expect(':');
    this.skip(true);
    return { k: 'ternary', cond, then, else: this.expr(), line };
  }

  private comparison(): BicepExpr {
    const src = this.src;
    let e = this.operand();
    for (;;) {
      this.skip(false);
      const c = src.charCodeAt(this.pos);
      if ((c === EQUALS || c === BANG) && src.charCodeAt(this.pos + 1) === EQUALS) {
        const line = this.line();
        this.pos += 2;
        this.skip(true);
        e = { k: 'compare', op: c === EQUALS ? '==' : '!=', left: e, right: this.operand(), line };
        continue;
      }
      if (isOperator(c)) this.fail(`an operator "${String.fromCharCode(c)}" (outside the Bicep subset read)`);
      return e;
    }
  }

  private operand(): BicepExpr {
    const src = this.src;
    let e = this.primary();
    for (;;) {
      const c = src.charCodeAt(this.pos);
      if (c === DOT && src.charCodeAt(this.pos + 1) !== DOT) {
        const line = this.line();
        this.pos += 1;
        if (src.charCodeAt(this.pos) === QUESTION) this.fail('a safe-dereference ".?" (outside the Bicep subset read)');
        e = { k: 'prop', target: e, name: this.ident(), line };
      } else if (c === OPEN_BRACKET) {
        const line = this.line();
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
    const src = this.src;
    const line = this.line();
    const c = src.charCodeAt(this.pos);
    if (c === QUOTE) return this.string();
    if (isDigit(c)) {
      const start = this.pos;
      while (isDigit(src.charCodeAt(this.pos))) this.pos += 1;
      if (src.charCodeAt(this.pos) === DOT) this.fail('a non-integer number');
      return { k: 'literal', value: Number(src.slice(start, this.pos)), line };
    }
    if (c === OPEN_BRACKET) return this.array(line);
    if (c === OPEN_BRACE) return this.object(line);
    if (c === OPEN_PAREN) {
      this.pos += 1;
      this.skip(true);
      if (src.charCodeAt(this.pos) === CLOSE_PAREN) {
        this.fail('a lambda with a parameter list (outside the Bicep subset read)');
      }
      const inner = this.expr();
      this.skip(true);
      this.expect(')');
      return inner;
    }
    if (c === BANG || c === MINUS) this.fail(`an operator "${String.fromCharCode(c)}" (outside the Bicep subset read)`);
    const name = this.ident();
    if (name === 'true' || name === 'false') return { k: 'literal', value: name === 'true', line };
    if (name === 'null') return { k: 'literal', value: null, line };
    const afterName = this.pos;
    this.skip(false);
    if (src.charCodeAt(this.pos) === EQUALS && src.charCodeAt(this.pos + 1) === GREATER) {
      this.pos += 2;
      this.skip(true);
      return { k: 'lambda', param: name, body: this.expr(), line };
    }
    this.pos = afterName;
    if (src.charCodeAt(this.pos) === OPEN_PAREN) {
      this.pos += 1;
      const base = this.exprTop;
      this.skip(true);
      while (src.charCodeAt(this.pos) !== CLOSE_PAREN) {
        this.pushExpr(this.expr());
        this.skip(true);
        const next = src.charCodeAt(this.pos);
        if (next === COMMA) {
          this.pos += 1;
          this.skip(true);
        } else if (next !== CLOSE_PAREN) this.fail(`expected "," or ")" in ${name}(…), found ${this.describe()}`);
      }
      this.pos += 1;
      if (name === 'format') {
        const text = this.formatOfLiterals(base);
        if (text !== null) return { k: 'literal', value: text, line };
      }
      return { k: 'call', fn: name, args: this.popExprs(base), line };
    }
    return { k: 'ident', name, line };
  }

  private array(line: number): BicepExpr {
    const src = this.src;
    const kept = this.keep !== null;
    this.keep = null;
    this.pos += 1;
    const base = this.exprTop;
    this.skip(true);
    if (src.startsWith('for ', this.pos)) this.fail('a for loop (outside the Bicep subset read)');
    while (src.charCodeAt(this.pos) !== CLOSE_BRACKET) {
      if (this.pos >= src.length) this.fail('an array is not closed ("]" missing)');
      this.pushExpr(this.expr());
      this.skip(false);
      const next = src.charCodeAt(this.pos);
      if (next === COMMA) this.pos += 1;
      else if (next !== NEWLINE && next !== CLOSE_BRACKET) {
        this.fail(`expected a new line, "," or "]" in an array, found ${this.describe()}`);
      }
      this.skip(true);
    }
    this.pos += 1;
    if (!kept) {
      const value = this.literalItems(base);
      if (value !== null) return { k: 'literal', value, line };
    }
    return { k: 'array', items: this.popExprs(base), line };
  }

  /**
   * What a `format()` of the literals pushed since `base` writes (taken off the stack), as the reader would evaluate
   * it; null when an argument is not a literal, or the reader would refuse the call (it then does, at its line).
   */
  private formatOfLiterals(base: number): string | null {
    const values = this.literalItems(base, false);
    const fmt = values?.[0];
    if (typeof fmt !== 'string') return null;
    const formatted = formatText(fmt, values as BicepLiteral[], 1);
    if (formatted.problem !== undefined) return null;
    this.exprTop = base;
    return formatted.text;
  }

  /** The values of the expressions pushed since `base` (taken off the stack) when each is a literal; else null. */
  private literalItems(base: number, take = true): BicepLiteral[] | null {
    const stack = this.exprStack;
    for (let i = base; i < this.exprTop; i += 1) if ((stack[i] as BicepExpr).k !== 'literal') return null;
    const out = new Array<BicepLiteral>(this.exprTop - base);
    for (let i = base; i < this.exprTop; i += 1) out[i - base] = (stack[i] as BicepExpr & { k: 'literal' }).value;
    if (take) this.exprTop = base;
    return out;
  }

  private object(line: number): BicepExpr {
    const src = this.src;
    const body = this.keep === 'body';
    this.keep = null;
    // Whether every entry so far is `key: literal`.
    let literal = !body;
    this.pos += 1;
    const base = this.entryTop;
    for (;;) {
      this.skip(true);
      const c = src.charCodeAt(this.pos);
      if (c === CLOSE_BRACE) break;
      if (this.pos >= src.length) this.fail('an object is not closed ("}" missing)');
      if (c === DOT && src.charCodeAt(this.pos + 1) === DOT && src.charCodeAt(this.pos + 2) === DOT) {
        this.pos += 3;
        const spread = this.expr();
        this.entryStack[this.entryTop] = { spread };
        this.entryTop += 1;
        literal = false;
      } else {
        const key = c === QUOTE ? this.literalString() : this.ident();
        this.skip(false);
        if (src.charCodeAt(this.pos) === COLON) this.pos += 1;
        else this.expect(':');
        this.skip(false);
        if (body) this.keep = 'entry';
        const value = this.expr();
        this.keep = null;
        this.entryStack[this.entryTop] = { key, value };
        this.entryTop += 1;
        if (value.k !== 'literal') literal = false;
      }
      this.skip(false);
      const next = src.charCodeAt(this.pos);
      if (next === COMMA) this.pos += 1;
      else if (next !== NEWLINE && next !== CLOSE_BRACE) {
        this.fail(`expected a new line, "," or "}" in an object, found ${this.describe()}`);
      }
    }
    this.pos += 1;
    if (literal) {
      // As the reader evaluates an object: each key set in turn (a later one wins).
      const value: { [key: string]: BicepLiteral } = {};
      for (let i = base; i < this.entryTop; i += 1) {
        const entry = this.entryStack[i] as { key: string; value: BicepExpr & { k: 'literal' } };
        value[entry.key] = entry.value.value;
      }
      this.entryTop = base;
      return { k: 'literal', value, line };
    }
    const entries = this.entryStack.slice(base, this.entryTop);
    this.entryTop = base;
    return { k: 'object', entries, line };
  }

  /** A string: a literal, or a `str` node when it holds `${…}`. */
  private string(): BicepExpr & { k: 'literal' | 'str' } {
    const src = this.src;
    const line = this.line();
    const at = this.pos;
    if (src.charCodeAt(at) === QUOTE && src.charCodeAt(at + 1) === QUOTE && src.charCodeAt(at + 2) === QUOTE) {
      this.fail("a multi-line ''' string (outside the Bicep subset read)");
    }
    this.pos += 1;
    // Only an interpolation makes a string more than one part.
    let parts: (string | BicepExpr)[] | null = null;
    let text = '';
    for (;;) {
      // A run of plain characters at once.
      const start = this.pos;
      let pos = start;
      let c = src.charCodeAt(pos);
      // "'", '\\', '$', '\n', end of input (NaN)
      while (c !== QUOTE && c !== BACKSLASH && c !== DOLLAR && c !== NEWLINE && c === c) c = src.charCodeAt(++pos);
      this.pos = pos;
      if (pos > start) text = text === '' ? src.slice(start, pos) : text + src.slice(start, pos);
      if (c !== c || c === NEWLINE) this.fail('an unterminated string');
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        const e = this.peek(1);
        if (e === 'u' && this.peek(2) === '{') {
          const close = src.indexOf('}', this.pos);
          const hex = src.slice(this.pos + 3, close);
          if (close < 0 || !/^[0-9A-Fa-f]{1,6}$/.test(hex)) this.fail('a bad \\u{…} escape');
          const code = parseInt(hex, 16);
          // Unicode ends at U+10FFFF: `\u{110000}` and above name no character (and fromCodePoint would throw).
          if (code > 0x10ffff) this.fail(`a bad \\u{…} escape (\\u{${hex}} is past U+10FFFF)`);
          text += String.fromCodePoint(code);
          this.pos = close + 1;
          continue;
        }
        const decoded = ESCAPES[e];
        if (decoded === undefined) this.fail(`a bad escape \\${e}`);
        text += decoded;
        this.pos += 2;
        continue;
      }
      if (src.charCodeAt(this.pos + 1) === OPEN_BRACE) {
        this.pos += 2;
        parts ??= [];
        if (text !== '') parts.push(text);
        text = '';
        this.skip(true);
        parts.push(this.expr());
        this.skip(true);
        this.expect('}');
        continue;
      }
      text += '$';
      this.pos += 1;
    }
    this.pos += 1;
    if (parts === null) return { k: 'literal', value: text, line };
    if (text !== '') parts.push(text);
    return { k: 'str', parts, line };
  }
}

/** The statements of one Bicep or `.bicepparam` file. */
export function parseBicep(file: string, source: string): BicepStatement[] {
  return new BicepParser(file, source).statements();
}
