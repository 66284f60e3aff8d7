/**
 * A small tokenizer for the export preview: comments, strings, numbers, keywords and the rest,
 * for JSON, HCL, Bicep and shell. Not a parser; enough to colour a read-only preview.
 */
type TokenKind = 'comment' | 'string' | 'number' | 'keyword' | 'text';
export interface Token {
  kind: TokenKind;
  text: string;
}
export type Language = 'json' | 'hcl' | 'bicep' | 'shell';

const KEYWORDS: Record<Language, Set<string>> = {
  json: new Set(['true', 'false', 'null']),
  hcl: new Set([
    'resource',
    'variable',
    'output',
    'provider',
    'terraform',
    'locals',
    'import',
    'true',
    'false',
    'null',
  ]),
  bicep: new Set([
    'param',
    'resource',
    'module',
    'output',
    'using',
    'true',
    'false',
    'null',
    'string',
    'int',
    'existing',
  ]),
  shell: new Set(['set', 'az', 'export', 'if', 'then', 'fi']),
};

export function languageOf(path: string): Language {
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.bicep') || path.endsWith('.bicepparam')) return 'bicep';
  if (path.endsWith('.sh')) return 'shell';
  return 'hcl';
}

/** Tokenizes the first `limit` characters; the rest is one plain token (large previews stay fast). */
export function tokenize(source: string, language: Language, limit = 200_000): Token[] {
  const head = source.slice(0, limit);
  const tokens: Token[] = [];
  const push = (kind: TokenKind, text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind) last.text += text;
    else tokens.push({ kind, text });
  };
  const quote = language === 'bicep' || language === 'shell' ? "'" : '"';
  let i = 0;
  while (i < head.length) {
    const c = head[i] as string;
    const lineComment =
      (language === 'hcl' || language === 'shell') && c === '#'
        ? true
        : language === 'bicep' && c === '/' && head[i + 1] === '/';
    if (lineComment) {
      const end = head.indexOf('\n', i);
      const stop = end < 0 ? head.length : end;
      push('comment', head.slice(i, stop));
      i = stop;
    } else if (c === quote || (language === 'shell' && c === '"')) {
      let j = i + 1;
      while (j < head.length && head[j] !== c && head[j] !== '\n')
        j += head[j] === '\\' && c !== "'" ? 2 : head[j] === '\\' && language === 'bicep' ? 2 : 1;
      push('string', head.slice(i, Math.min(j + 1, head.length)));
      i = j + 1;
    } else if (/[0-9]/.test(c) && !/[A-Za-z_]/.test(head[i - 1] ?? '')) {
      let j = i;
      while (j < head.length && /[0-9.]/.test(head[j] as string)) j += 1;
      push('number', head.slice(i, j));
      i = j;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < head.length && /[A-Za-z0-9_-]/.test(head[j] as string)) j += 1;
      const word = head.slice(i, j);
      push(KEYWORDS[language].has(word) ? 'keyword' : 'text', word);
      i = j;
    } else {
      push('text', c);
      i += 1;
    }
  }
  if (source.length > limit) push('text', source.slice(limit));
  return tokens;
}
