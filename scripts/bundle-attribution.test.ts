import { describe, expect, it } from 'vitest';
import { attribute, decodeSegment, GLUE, groupOf } from './bundle-attribution.mjs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 VLQ, as the source-map format writes it (the test's own encoder, to build maps). */
function encode(fields: number[]): string {
  return fields
    .map((field) => {
      let value = field < 0 ? (-field << 1) | 1 : field << 1;
      let out = '';
      do {
        let digit = value & 31;
        value >>>= 5;
        if (value > 0) digit |= 32;
        out += BASE64[digit];
      } while (value > 0);
      return out;
    })
    .join('');
}

describe('decodeSegment', () => {
  it('reads the format: sign in the lowest bit, five bits a digit, continuation in the sixth', () => {
    expect(decodeSegment('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeSegment('CADgB')).toEqual([1, 0, -1, 16]);
    expect(decodeSegment(encode([123456, -7, 0, 31, 32]))).toEqual([123456, -7, 0, 31, 32]);
    expect(() => decodeSegment('A!')).toThrow('Bad source-map character "!"');
  });
});

describe('groupOf', () => {
  it('names the npm package, scoped or not, and the innermost node_modules', () => {
    expect(groupOf('../../node_modules/react-dom/cjs/react-dom-client.production.js')).toBe('react-dom');
    expect(groupOf('../../node_modules/@hookform/resolvers/dist/resolvers.mjs')).toBe('@hookform/resolvers');
    expect(groupOf('../../node_modules/a/node_modules/zod/v4/mini.js')).toBe('zod');
    expect(groupOf('..\\..\\node_modules\\zustand\\esm\\index.mjs')).toBe('zustand');
  });

  it("names the app's folder, a file at the top of src, the examples, the bundler's own modules, and the rest", () => {
    expect(groupOf('../../src/rules/pgn-001.ts')).toBe('app: src/rules/');
    expect(groupOf('../../src/main.tsx')).toBe('app: src/main.tsx');
    expect(groupOf('../../examples/hub-and-spoke.json')).toBe('examples (plan files)');
    expect(groupOf('\0rolldown/runtime.js')).toBe(GLUE);
    expect(groupOf('../../lib/helper.js')).toBe('other: ../../lib/helper.js');
  });
});

describe('attribute', () => {
  const sources = ['../../node_modules/react/index.js', '../../src/app/app.tsx', '../../src/app/root.tsx'];

  it('gives each byte to the source its segment maps to, across lines, and unmapped bytes to the glue', () => {
    // Line 1: "var r=1;" from react, then "app();" from app.tsx. Line 2: "/*x*/" unmapped, "root()" from root.tsx,
    // then ";" with a one-field segment (no source).
    const code = 'var r=1;app();\n/*x*/root();';
    const mappings = [
      [encode([0, 0, 0, 0]), encode([8, 1, 0, 0])].join(','),
      [encode([5, 1, 0, 0]), encode([6])].join(','),
    ].join(';');
    const parts = attribute(code, { mappings, sources });
    expect(Object.fromEntries(parts)).toEqual({
      react: 'var r=1;',
      'app: src/app/': 'app();root()',
      [GLUE]: '\n/*x*/;',
    });
    expect([...parts.values()].join('').length).toBe(code.length);
  });

  it('gives a chunk without a map to the glue', () => {
    expect(Object.fromEntries(attribute('export{}', null))).toEqual({ [GLUE]: 'export{}' });
  });
});
