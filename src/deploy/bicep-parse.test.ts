import { describe, expect, it } from 'vitest';
import { formatText, parseBicep, type BicepExpr, type BicepStatement } from './bicep-parse';

const valueOf = (source: string): BicepExpr => {
  const [statement] = parseBicep('main.bicep', source);
  if (statement?.k !== 'var') throw new Error('fixture');
  return statement.value;
};

const resourceBody = (source: string): BicepExpr => {
  const statement = parseBicep('main.bicep', source).find(
    (s): s is BicepStatement & { k: 'resource' } => s.k === 'resource',
  );
  if (!statement) throw new Error('fixture');
  return statement.body;
};

describe('parseBicep: literals', () => {
  it('reads a value written out in full as one literal, each key set in turn', () => {
    expect(valueOf("var x = {\n  a: 'b'\n  c: [\n    1\n    true\n    null\n  ]\n  a: 'again'\n}\n")).toEqual({
      k: 'literal',
      value: { a: 'again', c: [1, true, null] },
      line: 1,
    });
  });

  it('keeps a node for what refers to anything, with literals inside it', () => {
    expect(valueOf("var x = {\n  a: y\n  b: 'c'\n}\n")).toEqual({
      k: 'object',
      entries: [
        { key: 'a', value: { k: 'ident', name: 'y', line: 2 } },
        { key: 'b', value: { k: 'literal', value: 'c', line: 3 } },
      ],
      line: 1,
    });
    expect(valueOf("var x = '${y}-z'\n")).toMatchObject({ k: 'str', parts: [{ k: 'ident', name: 'y' }, '-z'] });
  });

  it('keeps a resource body and the arrays directly in it as nodes, with the line of each item', () => {
    const body = resourceBody(
      [
        "resource r 'A.B/c@2020-01-01' = {",
        "  name: 'n'",
        "  name: 'm'",
        '  dependsOn: [',
        "    'x'",
        '  ]',
        '  p: {',
        '    q: [',
        '      1',
        '    ]',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(body).toEqual({
      k: 'object',
      entries: [
        { key: 'name', value: { k: 'literal', value: 'n', line: 2 } },
        { key: 'name', value: { k: 'literal', value: 'm', line: 3 } },
        { key: 'dependsOn', value: { k: 'array', items: [{ k: 'literal', value: 'x', line: 5 }], line: 4 } },
        { key: 'p', value: { k: 'literal', value: { q: [1] }, line: 7 } },
      ],
      line: 1,
    });
  });
});

describe('parseBicep: format() of literals', () => {
  it('is the text the reader would make of it, at the line of the call', () => {
    expect(valueOf("var x = format('{0}/{1}-{0}', 'a', 2)\n")).toEqual({ k: 'literal', value: 'a/2-a', line: 1 });
  });

  it('stays a call where an argument is not a literal, or the reader refuses it', () => {
    expect(valueOf("var x = format('{0}', y)\n")).toMatchObject({ k: 'call', fn: 'format' });
    for (const call of ["format('{x}', 'a')", "format('{1}', 'a')", "format('{0}', ['a'])", "format(1, 'a')"]) {
      expect(valueOf(`var x = ${call}\n`)).toMatchObject({ k: 'call', fn: 'format' });
    }
  });
});

describe('formatText', () => {
  it('writes {n} as argument first + n, and names what it cannot write', () => {
    expect(formatText('{0}.{01}.{1}', ['fmt', 'a', true], 1)).toEqual({ text: 'a.true.true' });
    expect(formatText('{}', ['a'], 0)).toEqual({ problem: 'format() with a placeholder other than {n}' });
    expect(formatText('{0', ['a'], 0)).toEqual({ problem: 'format() with a placeholder other than {n}' });
    expect(formatText('{2}', ['a'], 0)).toEqual({ problem: 'format() has no usable argument {2}' });
  });
});

describe('parseBicep: escapes', () => {
  it('reads \\u{…} up to U+10FFFF and refuses a code past it with its line, as a read error', () => {
    expect(valueOf("var x = '\\u{1F600}'\n")).toMatchObject({ k: 'literal', value: '😀' });
    expect(() => parseBicep('main.bicep', "var a = 1\nvar x = '\\u{110000}'\n")).toThrow(
      /^main\.bicep: line 2: a bad \\u\{…\} escape \(\\u\{110000\} is past U\+10FFFF\)/,
    );
  });
});
