import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalFormProblem } from './text-safety';

describe('normalFormProblem', () => {
  it('finds a problem exactly when the text is not in normalization form C', () => {
    // Characters below U+0300 (the quick path), combining marks, Hangul jamo and anything else, mixed.
    const char = fc.oneof(
      fc.integer({ min: 0x20, max: 0x2ff }),
      fc.integer({ min: 0x300, max: 0x36f }),
      fc.integer({ min: 0x1100, max: 0x11ff }),
      fc.integer({ min: 0x20, max: 0xd7ff }),
    );
    const text = fc.array(char, { maxLength: 12 }).map((codes) => String.fromCodePoint(...codes));
    fc.assert(
      fc.property(text, (t) => {
        expect(normalFormProblem(t) === null).toBe(t.normalize('NFC') === t);
      }),
      { numRuns: 2000 },
    );
  });

  it('names the form C spelling of decomposed text and accepts plain names', () => {
    expect(normalFormProblem('rg-data_01.x')).toBeNull();
    expect(normalFormProblem('Caf\u00e9')).toBeNull();
    expect(normalFormProblem('Cafe\u0301')).toMatch(/write "Caf\u00e9"$/);
  });
});
