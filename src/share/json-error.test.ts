import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-error';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('findJsonSyntaxError', () => {
  it('agrees with JSON.parse on what is valid', () => {
    const nearlyJson = fc.oneof(
      fc.json(),
      fc
        .json()
        .chain((j) =>
          fc
            .tuple(fc.nat(j.length), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n', '\\'))
            .map(([i, c]) => j.slice(0, i) + c + j.slice(i + 1)),
        ),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(nearlyJson, (text) => {
        expect(findJsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { seed: 5, numRuns: 3000 },
    );
  });

  it('says where and what, with 1-based line and column', () => {
    expect(findJsonSyntaxError('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({
      line: 3,
      column: 3,
      message: expect.stringContaining('missing comma'),
    });
    expect(findJsonSyntaxError('{"a": [1, 2,]}')).toMatchObject({
      line: 1,
      column: 13,
      message: expect.stringContaining('trailing comma'),
    });
    expect(findJsonSyntaxError("{'a': 1}")).toMatchObject({ line: 1, column: 2 });
    expect(findJsonSyntaxError('{"a": tru}')).toMatchObject({ line: 1, column: 7 });
    expect(findJsonSyntaxError('{"a": "x\n"}')).toMatchObject({
      line: 1,
      column: 9,
      message: expect.stringContaining('closing quote'),
    });
    expect(findJsonSyntaxError('[1, 2')).toMatchObject({
      line: 1,
      column: 6,
      message: expect.stringContaining('ends before'),
    });
    expect(findJsonSyntaxError('{} x')).toMatchObject({ column: 4, message: expect.stringContaining('after the end') });
  });

  it('handles deep nesting without overflowing the stack', () => {
    expect(findJsonSyntaxError('['.repeat(200_000))).toMatchObject({ message: expect.stringContaining('ends before') });
  });
});
