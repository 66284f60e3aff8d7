import { describe, expect, it } from 'vitest';
import { previewOf } from './code-preview';

describe('previewOf', () => {
  it('keeps short texts whole', () => {
    expect(previewOf('a\nb\n', 5)).toEqual({ text: 'a\nb\n', shownLines: 2, totalLines: 2 });
    expect(previewOf('a\nb', 5)).toEqual({ text: 'a\nb', shownLines: 2, totalLines: 2 });
    expect(previewOf('a\nb\nc\n', 3)).toEqual({ text: 'a\nb\nc\n', shownLines: 3, totalLines: 3 });
  });
  it('cuts long texts after whole lines and counts them all', () => {
    expect(previewOf('1\n2\n3\n4\n5\n', 2)).toEqual({ text: '1\n2\n', shownLines: 2, totalLines: 5 });
    expect(previewOf('1\n2\n3\n4\n5', 2)).toEqual({ text: '1\n2\n', shownLines: 2, totalLines: 5 });
  });
});
