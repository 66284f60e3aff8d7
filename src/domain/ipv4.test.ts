import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  azureReservedAddresses,
  azureUsableCount,
  cidrContains,
  cidrEnd,
  cidrRange,
  cidrsOverlap,
  findOverlaps,
  formatCidr,
  formatIPv4,
  insideAnyOf,
  mergeRanges,
  nextFreeBlock,
  paintRanges,
  paintedAt,
  quickIPv4,
  parseCidr,
  parseIPv4,
  parseIPv4OrCidr,
  rangeAsCidr,
  rangesOverlap,
  rangeToCidrs,
  sortIndicesByKey,
  specialUseOverlaps,
  type Cidr,
} from './ipv4';

const cidr = (text: string): Cidr => {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('parseIPv4', () => {
  it('parses dotted quads', () => {
    expect(parseIPv4('10.0.0.1')).toEqual({ ok: true, value: 0x0a000001 });
    expect(parseIPv4('255.255.255.255')).toEqual({ ok: true, value: 0xffffffff });
    expect(parseIPv4('0.0.0.0')).toEqual({ ok: true, value: 0 });
  });
  it('names the octet that is out of range', () => {
    const r = parseIPv4('10.0.0.256');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('octet-range');
      expect(r.error.message).toContain('256 is above 255');
    }
  });
  it('refuses leading zeros and suggests the plain form', () => {
    const r = parseIPv4('010.0.0.1');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('leading-zero');
      expect(r.error.suggestion).toBe('10.0.0.1');
    }
  });
  it('recognises IPv6 where IPv4 is required', () => {
    const r = parseIPv4('2001:db8::1');
    expect(r.ok || r.error.code).toBe('ipv6');
  });
  it('refuses spaces, CIDRs, empty and garbage with specific codes', () => {
    const code = (s: string) => {
      const r = parseIPv4(s);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code(' 10.0.0.1')).toBe('whitespace');
    expect(code('10.0.0.0/8')).toBe('cidr-not-allowed');
    expect(code('')).toBe('empty');
    expect(code('1.2.3')).toBe('malformed');
    expect(code('a.b.c.d')).toBe('malformed');
  });
});

describe('parseCidr', () => {
  it('parses aligned blocks', () => {
    expect(parseCidr('10.1.0.0/16')).toEqual({ ok: true, value: { start: 0x0a010000, prefixLength: 16 } });
    expect(parseCidr('0.0.0.0/0')).toEqual({ ok: true, value: { start: 0, prefixLength: 0 } });
  });
  it('says which network an unaligned block would be', () => {
    const r = parseCidr('10.1.2.3/16');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('not-aligned');
      expect(r.error.message).toBe(
        '10.1.2.3/16 is not a network address: 10.1.2.3 lies inside 10.1.0.0/16. Use 10.1.0.0/16.',
      );
      expect(r.error.suggestion).toBe('10.1.0.0/16');
    }
  });
  it('accepts unaligned input when asked', () => {
    expect(parseCidr('10.1.2.3/16', { aligned: false })).toEqual({
      ok: true,
      value: { start: 0x0a010000, prefixLength: 16 },
    });
  });
  it('refuses bad prefixes, IPv6 blocks and missing prefixes', () => {
    const code = (s: string) => {
      const r = parseCidr(s);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code('10.0.0.0/33')).toBe('prefix');
    expect(code('10.0.0.0/08')).toBe('prefix');
    expect(code('10.0.0.0/')).toBe('prefix');
    expect(code('10.0.0.0')).toBe('prefix');
    expect(code('2001:db8::/32')).toBe('ipv6');
    expect(code('10.0.0.256/24')).toBe('octet-range');
    expect(code('010.0.0.0/24')).toBe('leading-zero');
  });
  it('parseIPv4OrCidr treats a single address as a /32', () => {
    expect(parseIPv4OrCidr('192.0.2.7')).toEqual({ ok: true, value: { start: 0xc0000207, prefixLength: 32 } });
  });
});

describe('sizes and Azure reserved addresses', () => {
  it('counts usable addresses as size − 5', () => {
    expect(azureUsableCount(cidr('10.0.3.0/28'))).toBe(11);
    expect(azureUsableCount(cidr('10.0.3.0/29'))).toBe(3);
    expect(azureUsableCount(cidr('10.0.0.0/24'))).toBe(251);
    expect(azureUsableCount(32)).toBe(0);
  });
  it('lists the five reserved addresses by value', () => {
    expect(azureReservedAddresses(cidr('10.0.3.0/28')).map((r) => r.address)).toEqual([
      '10.0.3.0',
      '10.0.3.1',
      '10.0.3.2',
      '10.0.3.3',
      '10.0.3.15',
    ]);
  });
  it('formats addresses and blocks', () => {
    expect(formatIPv4(0xc0a80101)).toBe('192.168.1.1');
    expect(formatCidr(cidr('172.16.0.0/12'))).toBe('172.16.0.0/12');
    expect(cidrEnd(cidr('10.0.0.0/8'))).toBe(0x0affffff);
  });
});

describe('containment, overlap, ranges', () => {
  it('contains and overlaps', () => {
    expect(cidrContains(cidr('10.0.0.0/16'), cidr('10.0.3.0/28'))).toBe(true);
    expect(cidrContains(cidr('10.0.3.0/28'), cidr('10.0.0.0/16'))).toBe(false);
    expect(cidrsOverlap(cidr('10.0.0.0/16'), cidr('10.0.255.0/24'))).toBe(true);
    expect(cidrsOverlap(cidr('10.0.0.0/16'), cidr('10.1.0.0/16'))).toBe(false);
  });
  it('converts ranges to the fewest CIDR blocks', () => {
    const blocks = rangeToCidrs({ start: 0x0a000001, end: 0x0a00000a }).map(formatCidr);
    expect(blocks).toEqual(['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/30', '10.0.0.8/31', '10.0.0.10/32']);
    expect(rangeToCidrs({ start: 0, end: 0xffffffff }).map(formatCidr)).toEqual(['0.0.0.0/0']);
    expect(rangeAsCidr({ start: 0xcb007100, end: 0xcb00710f })).toEqual(cidr('203.0.113.0/28'));
    expect(rangeAsCidr({ start: 1, end: 2 })).toBeNull();
  });
  it('flags special-use blocks', () => {
    expect(specialUseOverlaps(cidrRange(cidr('10.0.0.0/8')))).toEqual(['private']);
    expect(specialUseOverlaps(cidrRange(cidr('0.0.0.0/0')))).toEqual(['private', 'loopback', 'link-local']);
    expect(specialUseOverlaps(cidrRange(cidr('203.0.113.0/24')))).toEqual([]);
  });
  it('merges ranges', () => {
    expect(
      mergeRanges([
        { start: 10, end: 20 },
        { start: 0, end: 5 },
        { start: 6, end: 8 },
        { start: 15, end: 30 },
      ]),
    ).toEqual([
      { start: 0, end: 8 },
      { start: 10, end: 30 },
    ]);
  });
});

describe('findOverlaps (sort and sweep)', () => {
  it('reports each element that collides, with its partner', () => {
    const items = ['10.0.0.0/24', '10.0.1.0/24', '10.0.0.128/25', '10.0.2.0/24', '10.0.1.16/28'];
    const pairs = findOverlaps(items, (t) => cidrRange(cidr(t))).map((o) => [o.a, o.b]);
    expect(pairs).toEqual([
      ['10.0.0.0/24', '10.0.0.128/25'],
      ['10.0.1.0/24', '10.0.1.16/28'],
    ]);
  });
  it('agrees with the pairwise definition (property)', () => {
    const block = fc.record({ start: fc.integer({ min: 0, max: 4095 }), size: fc.integer({ min: 0, max: 6 }) });
    fc.assert(
      fc.property(fc.array(block, { maxLength: 60 }), (raw) => {
        const ranges = raw.map(({ start, size }) => ({ start: start * 64, end: start * 64 + 2 ** size * 8 - 1 }));
        const reported = new Set(findOverlaps(ranges, (r) => r).map((o) => o.b));
        const pairwise = ranges.some((a, i) => ranges.some((b, j) => i !== j && rangesOverlap(a, b)));
        // Something is reported exactly when some pair overlaps, and every reported element overlaps another.
        expect(reported.size > 0).toBe(pairwise);
        for (const r of reported) expect(ranges.some((o) => o !== r && rangesOverlap(o, r))).toBe(true);
      }),
    );
  });
  it('sorts keys stably with the radix sort (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 0, maxLength: 700 }), (keys) => {
        const order = Array.from(sortIndicesByKey(Uint32Array.from(keys)));
        const expected = keys
          .map((k, i) => ({ k, i }))
          .sort((a, b) => a.k - b.k || a.i - b.i)
          .map((e) => e.i);
        expect(order).toEqual(expected);
      }),
    );
  });
});

describe('paintRanges and paintedAt: the first range that holds an address', () => {
  it('gives every address the lowest order among the ranges that hold it', () => {
    const segments = paintRanges([
      { start: 10, end: 20, order: 2 },
      { start: 15, end: 30, order: 1 },
      { start: 40, end: 40, order: 0 },
    ]);
    expect(segments).toEqual([
      { start: 10, end: 14, order: 2 },
      { start: 15, end: 30, order: 1 },
      { start: 40, end: 40, order: 0 },
    ]);
    expect(paintedAt(segments, 9)).toBeUndefined();
    expect(paintedAt(segments, 12)?.order).toBe(2);
    expect(paintedAt(segments, 20)?.order).toBe(1);
    expect(paintedAt(segments, 35)).toBeUndefined();
    expect(paintedAt(segments, 40)?.order).toBe(0);
  });
  it('agrees with a scan of every range (property)', () => {
    const range = fc
      .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 40 }))
      .map(([start, size]) => ({ start, end: start + size }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 260 })), (ranges, probes) => {
        const segments = paintRanges(ranges.map((r, order) => ({ ...r, order })));
        for (const address of [...probes, 0, 250]) {
          const first = ranges.findIndex((r) => r.start <= address && address <= r.end);
          expect(paintedAt(segments, address)?.order ?? -1).toBe(first);
        }
      }),
    );
  });
});

describe('quickIPv4', () => {
  it('reads only what parseIPv4 reads, to the same value (property)', () => {
    const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('01', '', 'a', ' 1'));
    const text = fc.oneof(
      fc.tuple(octet, octet, octet, octet).map((o) => o.join('.')),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (t) => {
        const quick = quickIPv4(t);
        const precise = parseIPv4(t);
        if (quick !== null) expect(precise).toEqual({ ok: true, value: quick });
        else if (/^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/.test(t)) expect(precise.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('insideAnyOf', () => {
  it('agrees with a scan of every block (property)', () => {
    const block = fc
      .tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 16, max: 32 }))
      .map(([a, p]) => ({ start: 0x0a000000 + (a - (a % 2 ** (32 - p))), prefixLength: p }));
    fc.assert(
      fc.property(fc.array(block, { maxLength: 30 }), fc.array(block, { maxLength: 30 }), (blocks, probes) => {
        const inside = insideAnyOf(blocks);
        for (const probe of probes) expect(inside(probe)).toBe(blocks.some((b) => cidrContains(b, probe)));
      }),
    );
  });
});

describe('nextFreeBlock', () => {
  it('finds the first free aligned /28 in the 8-subnet VNet', () => {
    const spaces = [cidr('10.0.0.0/16')];
    const taken = ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24', '10.0.4.0/22'].map(cidr);
    expect(formatCidr(nextFreeBlock(28, spaces, taken)!)).toBe('10.0.3.0/28');
  });
  it('returns null when nothing fits and skips spaces that are too small', () => {
    expect(nextFreeBlock(24, [cidr('10.0.0.0/25')], [])).toBeNull();
    expect(nextFreeBlock(28, [cidr('10.0.0.0/28')], [cidr('10.0.0.0/28')])).toBeNull();
    expect(formatCidr(nextFreeBlock(28, [cidr('10.0.0.0/28'), cidr('10.9.0.0/24')], [cidr('10.0.0.0/28')])!)).toBe(
      '10.9.0.0/28',
    );
  });
  const aligned = (prefix: number) =>
    fc
      .integer({ min: 0, max: 2 ** (prefix - 16) - 1 })
      .map((i) => ({ start: 0x0a000000 + i * 2 ** (32 - prefix), prefixLength: prefix }));
  it('never overlaps what it must avoid and stays inside the space (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 20, max: 30 }).chain(aligned), { maxLength: 40 }),
        fc.integer({ min: 22, max: 29 }),
        (avoid, prefixLength) => {
          const space = cidr('10.0.0.0/16');
          const found = nextFreeBlock(prefixLength, [space], avoid);
          if (found === null) return;
          expect(found.prefixLength).toBe(prefixLength);
          expect(found.start % 2 ** (32 - prefixLength)).toBe(0);
          expect(cidrContains(space, found)).toBe(true);
          for (const a of avoid) expect(cidrsOverlap(found, a)).toBe(false);
        },
      ),
    );
  });
  it('containment is transitive (property)', () => {
    const anyCidr = fc
      .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
      .map(([a, p]) => ({
        start: Number(BigInt(a) & ((0xffffffffn << BigInt(32 - p)) & 0xffffffffn)),
        prefixLength: p,
      }));
    fc.assert(
      fc.property(anyCidr, anyCidr, anyCidr, (a, b, c) => {
        if (cidrContains(a, b) && cidrContains(b, c)) expect(cidrContains(a, c)).toBe(true);
      }),
    );
  });
  it('a range converted to CIDRs and back is the same range (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (x, y) => {
        const range = { start: Math.min(x, y), end: Math.max(x, y) };
        const blocks = rangeToCidrs(range);
        expect(blocks[0]!.start).toBe(range.start);
        expect(cidrEnd(blocks[blocks.length - 1]!)).toBe(range.end);
        for (let i = 1; i < blocks.length; i += 1) expect(blocks[i]!.start).toBe(cidrEnd(blocks[i - 1]!) + 1);
        for (const b of blocks) expect(b.start % 2 ** (32 - b.prefixLength)).toBe(0);
        expect(blocks.length).toBeLessThanOrEqual(62);
      }),
    );
  });
});

describe('looksLikeIpv6 (for the wording of the error only)', () => {
  it('recognises the forms IPv6 addresses are written in', async () => {
    const { looksLikeIpv6 } = await import('./ipv4');
    for (const s of [
      '2001:db8::1',
      '::1',
      '::',
      'fe80::1%eth0',
      '2001:0db8:0000:0000:0000:ff00:0042:8329',
      '::ffff:192.0.2.1',
      '2001:db8::',
    ]) {
      expect(looksLikeIpv6(s), s).toBe(true);
    }
    for (const s of [
      '10.0.0.1',
      '10.0.0.1:5432',
      '1:2',
      '2001:db8:::1',
      '2001::db8::1',
      'g::1',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7',
      'abc',
    ]) {
      expect(looksLikeIpv6(s), s).toBe(false);
    }
  });
});
