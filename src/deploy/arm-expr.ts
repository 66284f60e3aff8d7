/**
 * The part of the ARM template expression language the dry run evaluates: literals, function calls, property
 * access and indexing. Values known only when Azure runs the deployment (`reference()` of a resource, a secure
 * parameter) are kept as markers, so that a reader can tell "carried over from the live resource" from a guess.
 */

export type ExprNode =
  | { k: 'str'; value: string }
  | { k: 'num'; value: number }
  | { k: 'call'; name: string; args: ExprNode[] }
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

/** Parses the inside of `[...]`. */
export function parseExpr(text: string): ExprNode {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i += 1;
  };
  const fail = (what: string): never => {
    throw new ExprSyntaxError(`${what} at character ${i + 1} of "${text}"`);
  };
  const expect = (ch: string) => {
    ws();
    if (text[i] !== ch) fail(`expected "${ch}"`);
    i += 1;
  };
  const primary = (): ExprNode => {
    ws();
    const ch = text[i];
    if (ch === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) fail('unterminated string');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += text[i];
        i += 1;
      }
      return { k: 'str', value };
    }
    const num = /^-?\d+/.exec(text.slice(i));
    if (num) {
      i += num[0].length;
      return { k: 'num', value: Number(num[0]) };
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (!ident) return fail('expected a value');
    i += ident[0].length;
    ws();
    if (text[i] !== '(') return fail(`expected "(" after ${ident[0]}`);
    i += 1;
    const args: ExprNode[] = [];
    ws();
    if (text[i] === ')') i += 1;
    else {
      for (;;) {
        args.push(expr());
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        expect(')');
        break;
      }
    }
    return { k: 'call', name: ident[0], args };
  };
  const expr = (): ExprNode => {
    let node = primary();
    for (;;) {
      ws();
      if (text[i] === '.') {
        i += 1;
        ws();
        const ident = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i));
        if (!ident) return fail('expected a property name');
        i += ident[0].length;
        node = { k: 'prop', target: node, name: ident[0] };
      } else if (text[i] === '[') {
        i += 1;
        const index = expr();
        expect(']');
        node = { k: 'index', target: node, index };
      } else return node;
    }
  };
  const node = expr();
  ws();
  if (i < text.length) fail('unexpected text');
  return node;
}

/** A template string: an expression (`[...]`), an escaped literal (`[[...`) or a plain literal. */
export function classify(s: string): { expr: string } | { literal: string } {
  if (s.startsWith('[[')) return { literal: s.slice(1) };
  if (s.startsWith('[') && s.endsWith(']')) return { expr: s.slice(1, -1) };
  return { literal: s };
}
