/**
 * A Bicep lexer just deep enough to check generated files: string literals (with their escapes and
 * `${…}` interpolations), comments, and everything else. Used by the tests to prove that user text
 * only ever lands inside string literals or comments.
 */
export interface BicepToken {
  kind: 'string' | 'comment' | 'code';
  /** For strings: the decoded value; for comments: the text; for code: the raw text. */
  value: string;
}

const ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", n: '\n', r: '\r', t: '\t', $: '$' };

export function lexBicep(source: string): BicepToken[] {
  const tokens: BicepToken[] = [];
  let i = 0;
  let code = '';
  const flush = () => {
    if (code.trim() !== '') tokens.push({ kind: 'code', value: code });
    code = '';
  };
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '/' && source[i + 1] === '/') {
      flush();
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      tokens.push({ kind: 'comment', value: source.slice(i + 2, stop) });
      i = stop;
    } else if (c === "'") {
      flush();
      let value = '';
      i += 1;
      for (;;) {
        const d = source[i];
        if (d === undefined || d === '\n') throw new Error(`unterminated string at ${i}`);
        if (d === "'") break;
        if (d === '$' && source[i + 1] === '{') throw new Error(`interpolation in a generated string at ${i}`);
        if (d === '\\') {
          const e = source[i + 1] as string;
          if (e === 'u' && source[i + 2] === '{') {
            const close = source.indexOf('}', i);
            value += String.fromCodePoint(parseInt(source.slice(i + 3, close), 16));
            i = close + 1;
            continue;
          }
          const decoded = ESCAPES[e];
          if (decoded === undefined) throw new Error(`bad escape \\${e} at ${i}`);
          value += decoded;
          i += 2;
          continue;
        }
        value += d;
        i += 1;
      }
      tokens.push({ kind: 'string', value });
      i += 1;
    } else {
      code += c;
      i += 1;
    }
  }
  flush();
  return tokens;
}
