import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url, firstInvalidBase64UrlChar, isCanonicalBase64Url } from './base64url';
import { crc32 } from './crc32';

describe('base64url', () => {
  it('matches RFC 4648 test vectors (url alphabet, no padding)', () => {
    const enc = (s: string) => encodeBase64Url(new TextEncoder().encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual([
      '',
      'Zg',
      'Zm8',
      'Zm9v',
      'Zm9vYg',
      'Zm9vYmE',
      'Zm9vYmFy',
    ]);
    expect(encodeBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });
  it('round-trips any bytes and writes only canonical text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(firstInvalidBase64UrlChar(text)).toBe(-1);
        expect(isCanonicalBase64Url(text)).toBe(true);
        expect([...decodeBase64Url(text)]).toEqual([...bytes]);
      }),
      { seed: 3, numRuns: 300 },
    );
  });
  it('finds characters outside the alphabet and non-canonical endings', () => {
    expect(firstInvalidBase64UrlChar('abc+def')).toBe(3);
    expect(firstInvalidBase64UrlChar('abcé')).toBe(3);
    expect(isCanonicalBase64Url('Zh')).toBe(false); // low bits of the last character set
    expect(isCanonicalBase64Url('Zm9vY')).toBe(false); // a lone character
  });
});

describe('crc32', () => {
  it('gives the standard check value and continues over split input', () => {
    const bytes = new TextEncoder().encode('123456789');
    expect(crc32(bytes)).toBe(0xcbf43926);
    expect(crc32(bytes.subarray(4), crc32(bytes.subarray(0, 4)))).toBe(0xcbf43926);
  });
});
