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

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/*
 * The parser looks at character codes, never at one-character strings or regular expressions: it runs over every
 * character of a large export (about half a megabyte for the large plan) on each dry run.
 */
const NL = 10;
const QUOTE = 34;
const DOLLAR = 36;
const PERCENT = 37;
const LPAREN = 40;
const RPAREN = 41;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const COLON = 58;
const LT = 60;
const EQ = 61;
const GT = 62;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
/**
 * What the parser reads past the end of the source: no character's code, as `charCodeAt`'s NaN, but a small integer
 * like the codes (with a NaN among them, the engine handles every code as a floating-point number, measurably slower).
 */
const END = -1;

const encoder = new TextEncoder();
/**
 * The bytes of the last ASCII source parsed: one buffer, grown to the largest source, rather than a new half
 * megabyte for each parse of a large export. A parse runs to its end before the next one starts, so no two parsers
 * use it at once.
 */
let asciiCodes = new Uint8Array(0);

/**
 * The array itself, or a copy of just its length when it holds something: an array filled by `push` keeps room for
 * 16 more items, and the syntax tree of a large export holds tens of thousands of small arrays for the whole read.
 */
const exact = <T>(items: T[]): T[] => (items.length === 0 ? items : items.slice());

/**
 * Where the parser collects the items of what it is reading (a block's body, a list, a traversal's path, …): one
 * stack for the whole file, each reader taking its own items off it as an array of just their length, rather than
 * an array grown item by item for each of the tens of thousands of them.
 */
class Collector<T> {
  private readonly items: T[] = [];
  /** The number of items collected and not yet taken. */
  top = 0;

  push(item: T): void {
    this.items[this.top] = item;
    this.top += 1;
  }

  /** The items collected since the stack held `base`, taken off it. */
  take(base: number): T[] {
    const taken = this.items.slice(base, this.top);
    this.top = base;
    return taken;
  }
}

/** A character that starts an operator outside the subset: `+ * / % ! & |`. */
const isOperator = (c: number): boolean =>
  c === 43 || c === 42 || c === 47 || c === PERCENT || c === 33 || c === 38 || c === 124;

class HclParser extends SourceScanner {
  private readonly itemStack = new Collector<HclItem>();
  private readonly exprStack = new Collector<HclExpr>();
  /** Block labels and traversal steps. */
  private readonly nameStack = new Collector<string | number>();
  /** The two callbacks of `conditional`, made once per parser rather than once per expression. */
  private readonly comparisonOperand = (): HclExpr => this.comparison();
  private readonly makeCond = (cond: HclExpr, then: HclExpr, otherwise: HclExpr, line: number): HclExpr => ({
    k: 'cond',
    cond,
    then,
    else: otherwise,
    line,
  });

  /**
   * The source's character codes, which the parser reads instead of `charCodeAt`: it reads every character of a
   * large export (about half a megabyte) once or more, and a read from a typed array is two to three times faster
   * than `charCodeAt`, which looks at how the string is stored each time (an export's text is a concatenation, one
   * more step). An ASCII source (what the exporter writes) is encoded into `asciiCodes` by the engine in one pass;
   * another is copied code by code.
   */
  private readonly codes: Uint8Array | Uint16Array;

  constructor(file: string, src: string) {
    super(file, src, true);
    if (asciiCodes.length < src.length) asciiCodes = new Uint8Array(src.length);
    const { read, written } = encoder.encodeInto(src, asciiCodes);
    if (read === src.length && written === src.length) this.codes = asciiCodes;
    else {
      // Not all ASCII: a UTF-8 byte is no longer a character.
      this.codes = new Uint16Array(src.length);
      for (let i = 0; i < src.length; i += 1) this.codes[i] = src.charCodeAt(i);
    }
  }

  /**
   * The code of the character at `pos`, `END` past the end. The loops over runs of characters (blanks, names, a
   * string's text) read `codes` themselves, with the end in a local: the engine then keeps both in registers.
   */
  private at(pos: number): number {
    return pos < this.src.length ? (this.codes[pos] as number) : END;
  }

  protected isIdentPart(c: number): boolean {
    return isIdentStart(c) || isDigit(c) || c === MINUS; /* [A-Za-z0-9_-] */
  }

  /**
   * The scanner's `skip`, with blanks and new lines read here first, from the character codes and in a local
   * position written back once: the exporter indents every line and aligns each `=` with a run of spaces, a fifth of
   * the characters of a large export. Comments (rare) are left to the scanner.
   */
  protected override skip(newlines: boolean): void {
    const { codes } = this;
    const end = this.src.length;
    let pos = this.pos;
    let c = END;
    for (; pos < end; pos += 1) {
      c = codes[pos] as number;
      // ' ', '\t', '\r'
      if (c === 32 || c === 9 || c === 13) continue;
      if (c !== NL || !newlines) break;
      this.lineNo += 1;
    }
    if (pos === end) c = END;
    this.pos = pos;
    // '#', '/' (a comment, or an operator the caller refuses)
    if (c === 35 || c === 47) super.skip(newlines);
  }

  body(closing: boolean): HclItem[] {
    const items = this.itemStack;
    const base = items.top;
    const src = this.src;
    for (;;) {
      this.skip(true);
      if (this.pos >= src.length) {
        if (closing) this.fail('a block is not closed ("}" missing)');
        return items.take(base);
      }
      if (this.at(this.pos) === RBRACE) {
        if (!closing) this.fail('"}" without a block to close');
        this.pos += 1;
        return items.take(base);
      }
      const line = this.lineNo;
      const name = this.name();
      this.skip(false);
      if (this.at(this.pos) === EQ && this.at(this.pos + 1) !== EQ) {
        this.pos += 1;
        this.skip(false);
        const value = this.expr();
        this.skip(false);
        const c = this.at(this.pos);
        if (c !== NL && this.pos < src.length && !(closing && c === RBRACE)) {
          this.fail(
            `expected the end of the attribute ${name}, found ${this.describe()} (outside the HCL subset read)`,
          );
        }
        items.push({ kind: 'attr', name, value, line });
        continue;
      }
      const labels = this.nameStack;
      const labelsBase = labels.top;
      while (this.at(this.pos) === QUOTE) {
        labels.push(this.literal('a block label'));
        this.skip(false);
      }
      if (this.at(this.pos) !== LBRACE) {
        this.fail(`expected "=" or a block after ${name}, found ${this.describe()}`);
      }
      this.pos += 1;
      const taken = labels.take(labelsBase) as string[];
      items.push({ kind: 'block', type: name, labels: taken, body: this.body(true), line });
    }
  }

  /**
   * A name (`[A-Za-z_][A-Za-z0-9_-]*`), sliced from the source. Keeping each name once (a table over the names'
   * characters) saved strings but cost more than it saved: hashing and comparing each name's characters in the
   * parser, where a slice is one copy (or none) made by the engine.
   */
  private name(): string {
    const src = this.src;
    const start = this.pos;
    if (!isIdentStart(this.at(start))) return this.ident(); // which says what is there instead
    const { codes } = this;
    const end = src.length;
    let pos = start + 1;
    while (pos < end && this.isIdentPart(codes[pos] as number)) pos += 1;
    this.pos = pos;
    return src.slice(start, pos);
  }

  /** An expression: `cond ? a : b` over comparisons over operands (`a.b[0]`, calls, literals). */
  private expr(): HclExpr {
    return this.conditional(this.comparisonOperand, this.makeCond);
  }

  private comparison(): HclExpr {
    let e = this.primary();
    for (;;) {
      this.skip(false);
      const line = this.lineNo;
      const c = this.at(this.pos);
      const equals = this.at(this.pos + 1) === EQ;
      // `==`, `!=`, `>=`, `<=`, `>`, `<`
      let op: string;
      if (c === EQ && equals) op = '==';
      else if (c === 33 && equals) op = '!=';
      else if (c === GT) op = equals ? '>=' : '>';
      else if (c === LT) op = equals ? '<=' : '<';
      else break;
      this.pos += op.length;
      this.skip(true);
      e = { k: 'compare', op, left: e, right: this.primary(), line };
    }
    const c = this.at(this.pos);
    if (isOperator(c)) {
      const next = this.at(this.pos + 1);
      if (!(c === 47 && (next === 47 || next === 42)))
        this.fail(`an operator "${String.fromCharCode(c)}" (outside the HCL subset read)`);
    }
    if (c === MINUS) this.fail('an operator "-" (outside the HCL subset read)');
    return e;
  }

  /** The steps after a traversal's root: `.a`, `.0`, `[0]`. */
  private traversal(): (string | number)[] {
    const path = this.nameStack;
    const base = path.top;
    for (;;) {
      const c = this.at(this.pos);
      if (c === DOT) {
        this.pos += 1;
        if (this.at(this.pos) === 42) this.fail('a splat expression (outside the HCL subset read)');
        path.push(isDigit(this.at(this.pos)) ? Number(this.digits()) : this.name());
      } else if (c === LBRACKET) {
        this.pos += 1;
        this.skip(true);
        if (!isDigit(this.at(this.pos))) this.fail('an index that is not a number (outside the HCL subset read)');
        path.push(Number(this.digits()));
        this.skip(true);
        this.expect(']');
      } else return path.take(base);
    }
  }

  private digits(): string {
    const start = this.pos;
    while (isDigit(this.at(this.pos))) this.pos += 1;
    return this.src.slice(start, this.pos);
  }

  /** The end of the number at `pos` (`-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`), or -1 when none is there. */
  private numberEnd(): number {
    let p = this.pos;
    if (this.at(p) === MINUS) p += 1;
    if (!isDigit(this.at(p))) return -1;
    while (isDigit(this.at(p))) p += 1;
    if (this.at(p) === DOT && isDigit(this.at(p + 1))) {
      p += 1;
      while (isDigit(this.at(p))) p += 1;
    }
    const e = this.at(p);
    if (e === 101 || e === 69) {
      let q = p + 1;
      const sign = this.at(q);
      if (sign === 43 || sign === MINUS) q += 1;
      if (isDigit(this.at(q))) {
        while (isDigit(this.at(q))) q += 1;
        p = q;
      }
    }
    return p;
  }

  private primary(): HclExpr {
    const src = this.src;
    const line = this.lineNo;
    const c = this.at(this.pos);
    if (c === QUOTE) return this.template();
    if (c === LT && this.at(this.pos + 1) === LT) this.fail('a heredoc string (outside the HCL subset read)');
    if (c === MINUS || isDigit(c)) {
      const end = this.numberEnd();
      if (end < 0) this.fail(`expected a number, found ${this.describe()}`);
      const value = Number(src.slice(this.pos, end));
      this.pos = end;
      return { k: 'num', value, line };
    }
    if (c === LBRACKET) return this.list(line);
    if (c === LBRACE) return this.object(line);
    if (c === LPAREN) this.fail('a parenthesised expression (outside the HCL subset read)');
    if (!isIdentStart(c)) this.fail(`expected a value, found ${this.describe()}`);
    const name = this.name();
    if (name === 'true' || name === 'false') return { k: 'bool', value: name === 'true', line };
    if (name === 'null') return { k: 'null', line };
    if (name === 'for' && /\s/.test(this.peek())) this.fail('a for expression (outside the HCL subset read)');
    if (this.at(this.pos) === LPAREN) {
      this.pos += 1;
      const args = this.exprStack;
      const base = args.top;
      this.skip(true);
      while (this.at(this.pos) !== RPAREN) {
        args.push(this.expr());
        this.skip(true);
        const d = this.at(this.pos);
        if (d === DOT && src.startsWith('...', this.pos)) this.fail('argument expansion "..."');
        if (d === COMMA) {
          this.pos += 1;
          this.skip(true);
        } else if (d !== RPAREN) this.fail(`expected "," or ")" in ${name}(…), found ${this.describe()}`);
      }
      this.pos += 1;
      return { k: 'call', fn: name, args: args.take(base), line };
    }
    return { k: 'ref', root: name, path: this.traversal(), line };
  }

  private list(line: number): HclExpr {
    const src = this.src;
    this.pos += 1;
    const items = this.exprStack;
    const base = items.top;
    this.skip(true);
    while (this.at(this.pos) !== RBRACKET) {
      if (this.pos >= src.length) this.fail('a list is not closed ("]" missing)');
      items.push(this.expr());
      this.skip(true);
      const c = this.at(this.pos);
      if (c === COMMA) {
        this.pos += 1;
        this.skip(true);
      } else if (c !== RBRACKET) this.fail(`expected "," or "]" in a list, found ${this.describe()}`);
    }
    this.pos += 1;
    return { k: 'list', items: items.take(base), line };
  }

  private object(line: number): HclExpr {
    const src = this.src;
    this.pos += 1;
    const entries: { key: string; value: HclExpr }[] = [];
    for (;;) {
      this.skip(true);
      if (this.at(this.pos) === RBRACE) break;
      if (this.pos >= src.length) this.fail('an object is not closed ("}" missing)');
      const key = this.at(this.pos) === QUOTE ? this.literal('an object key') : this.name();
      this.skip(false);
      const sep = this.at(this.pos);
      if (sep !== EQ && sep !== COLON) this.fail(`expected "=" after the key ${key}`);
      this.pos += 1;
      this.skip(false);
      entries.push({ key, value: this.expr() });
      this.skip(false);
      const c = this.at(this.pos);
      if (c === COMMA) this.pos += 1;
      else if (c !== NL && c !== RBRACE) {
        this.fail(`expected a new line, "," or "}" in an object, found ${this.describe()}`);
      }
    }
    this.pos += 1;
    return { k: 'obj', entries, line };
  }

  /** A quoted string without interpolation. */
  private literal(what: string): string {
    const text = this.quoted();
    if (typeof text !== 'string') this.fail(`${what} with an interpolation`);
    return text;
  }

  /** A quoted string with escapes and `${…}` interpolations. */
  private template(): HclExpr & { k: 'str' } {
    const line = this.lineNo;
    const text = this.quoted();
    return { k: 'str', parts: typeof text === 'string' ? [text] : text, line };
  }

  /**
   * The text of the quoted string at `pos`, or its parts when it has interpolations (a label or key is read without
   * the string's syntax node).
   */
  private quoted(): string | (string | HclExpr)[] {
    const src = this.src;
    this.pos += 1;
    /** Made at the first interpolation: most strings are one plain text. */
    let parts: (string | HclExpr)[] | null = null;
    let text = '';
    for (;;) {
      // A run of plain characters at once.
      const start = this.pos;
      const { codes } = this;
      const end = src.length;
      let pos = start;
      let c = END;
      for (; pos < end; pos += 1) {
        c = codes[pos] as number;
        // '"', '\\', '$', '%', '\n'
        if (c === QUOTE || c === BACKSLASH || c === DOLLAR || c === PERCENT || c === NL) break;
      }
      if (pos === end) c = END;
      this.pos = pos;
      if (pos > start) text += src.slice(start, pos);
      if (c === END || c === NL) this.fail('an unterminated string');
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        const e = this.peek(1);
        if (e === 'u' || e === 'U') {
          const len = e === 'u' ? 4 : 8;
          const hex = src.slice(this.pos + 2, this.pos + 2 + len);
          if (!new RegExp(`^[0-9A-Fa-f]{${len}}$`).test(hex)) this.fail(`a bad \\${e} escape`);
          const code = parseInt(hex, 16);
          // Unicode ends at U+10FFFF: `\U00110000` and above name no character (and fromCodePoint would throw).
          if (code > 0x10ffff) this.fail(`a bad \\${e} escape (\\${e}${hex} is past U+10FFFF)`);
          text += String.fromCodePoint(code);
          this.pos += 2 + len;
          continue;
        }
        const decoded = ESCAPES[e];
        if (decoded === undefined) this.fail(`a bad escape \\${e}`);
        text += decoded;
        this.pos += 2;
        continue;
      }
      // '$' or '%'
      const next = this.at(this.pos + 1);
      if (next === c && this.at(this.pos + 2) === LBRACE) {
        text += c === DOLLAR ? '${' : '%{';
        this.pos += 3;
        continue;
      }
      if (next === LBRACE) {
        if (c === PERCENT) this.fail('a %{…} template directive (outside the HCL subset read)');
        this.pos += 2;
        if (this.at(this.pos) === 126) this.fail('a strip marker "~" (outside the HCL subset read)');
        parts ??= [];
        if (text !== '') parts.push(text);
        text = '';
        this.skip(false);
        parts.push(this.expr());
        this.skip(false);
        this.expect('}');
        continue;
      }
      text += c === DOLLAR ? '$' : '%';
      this.pos += 1;
    }
    this.pos += 1;
    if (parts === null) return text;
    if (text !== '') parts.push(text);
    return exact(parts);
  }
}

/** The top-level items of one HCL file. */
export function parseHcl(file: string, source: string): HclItem[] {
  return new HclParser(file, source).body(false);
}
