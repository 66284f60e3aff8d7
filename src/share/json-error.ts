/**
 * Finds where JSON text goes wrong, with line and column, the same way in every browser and in
 * Node (JSON.parse's messages differ between engines and some carry no position). Only runs after
 * JSON.parse has failed. Iterative, so deeply nested input cannot overflow the stack.
 */

export interface JsonSyntaxError {
  /** 0-based offset in the text. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  message: string;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

function describe(text: string, i: number): string {
  const c = text[i];
  if (c === undefined) return 'the end of the file';
  if (c === '\n' || c === '\r') return 'a line break';
  const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i, i + 40));
  return word ? `“${word[0]}”` : `“${c}”`;
}

type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'afterValue';

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const n = text.length;
  const stack: string[] = [];
  let i = 0;
  let expect: Expect = 'value';
  const fail = (offset: number, message: string): JsonSyntaxError => ({
    offset,
    ...lineAndColumn(text, offset),
    message,
  });

  const scanString = (): JsonSyntaxError | null => {
    const start = i;
    i += 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i += 1;
        return null;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!HEX4.test(text.slice(i + 2, i + 6))) return fail(i, 'a “\\u” escape needs four hexadecimal digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return fail(i, `“\\${e ?? ''}” is not a valid escape in a JSON string`);
      } else if (c < 32) {
        return fail(
          i,
          c === 10 || c === 13
            ? 'a string goes past the end of its line (missing closing quote?)'
            : 'a control character inside a string must be escaped',
        );
      } else i += 1;
    }
    return fail(start, 'a string is never closed (missing closing quote)');
  };

  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i += 1;
    if (i >= n) {
      if (expect === 'afterValue' && stack.length === 0) return null;
      if (stack.length > 0)
        return fail(
          i,
          `the file ends before the ${stack[stack.length - 1] === '[' ? 'list (“[”)' : 'object (“{”)'} is closed`,
        );
      return fail(i, 'the file ends where a value was expected');
    }
    const c = text[i] as string;
    switch (expect) {
      case 'valueOrClose':
      case 'value': {
        if (c === ']' && expect === 'valueOrClose') {
          stack.pop();
          i += 1;
          expect = 'afterValue';
        } else if (c === '{') {
          stack.push('{');
          i += 1;
          expect = 'keyOrClose';
        } else if (c === '[') {
          stack.push('[');
          i += 1;
          expect = 'valueOrClose';
        } else if (c === '"') {
          const e = scanString();
          if (e) return e;
          expect = 'afterValue';
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          const m = NUMBER.exec(text);
          if (m === null) return fail(i, 'a number is malformed');
          i += m[0].length;
          expect = 'afterValue';
        } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
          i += 4;
          expect = 'afterValue';
        } else if (text.startsWith('false', i)) {
          i += 5;
          expect = 'afterValue';
        } else if (c === ']' || c === '}') {
          return fail(i, `unexpected “${c}” where a value was expected (a trailing comma?)`);
        } else if (c === "'") {
          return fail(i, 'strings must use double quotes (")');
        } else {
          return fail(i, `unexpected ${describe(text, i)} where a value was expected`);
        }
        break;
      }
      case 'keyOrClose':
      case 'key': {
        if (c === '}' && expect === 'keyOrClose') {
          stack.pop();
          i += 1;
          expect = 'afterValue';
        } else if (c === '"') {
          const e = scanString();
          if (e) return e;
          expect = 'colon';
        } else if (c === '}') {
          return fail(i, 'unexpected “}” after a comma (a trailing comma?)');
        } else {
          return fail(i, `expected a property name in double quotes, found ${describe(text, i)}`);
        }
        break;
      }
      case 'colon': {
        if (c !== ':') return fail(i, `expected “:” after the property name, found ${describe(text, i)}`);
        i += 1;
        expect = 'value';
        break;
      }
      case 'afterValue': {
        const top = stack[stack.length - 1];
        if (top === undefined) return fail(i, `unexpected ${describe(text, i)} after the end of the JSON value`);
        const close = top === '[' ? ']' : '}';
        if (c === ',') {
          i += 1;
          expect = top === '[' ? 'value' : 'key';
        } else if (c === close) {
          stack.pop();
          i += 1;
          expect = 'afterValue';
        } else {
          return fail(i, `expected “,” or “${close}”, found ${describe(text, i)} (a missing comma?)`);
        }
        break;
      }
    }
  }
}
