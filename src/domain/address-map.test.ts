import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildAddressMap,
  buildCloseUp,
  formatRange,
  subnetCapacity,
  suggestFreeBlock,
  type AddressBar,
} from './address-map';
import { cidrsOverlap, formatCidr, parseCidr, type Cidr } from './ipv4';

const cidr = (text: string): Cidr => {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const onlyBar = (bars: readonly AddressBar[]): AddressBar => {
  expect(bars).toHaveLength(1);
  return bars[0] as AddressBar;
};

describe('buildAddressMap', () => {
  it('cuts a /24 into subnets, the delegated subnet and free space, in address order', () => {
    const bar = onlyBar(
      buildAddressMap({
        addressSpaces: ['10.0.0.0/24'],
        subnets: [
          { name: 'app', prefix: '10.0.0.0/26' },
          { name: 'web', prefix: '10.0.0.128/27' },
        ],
        delegated: { name: 'snet-postgres', prefix: '10.0.0.64/28' },
      }).bars,
    );
    expect(bar.segments.map((s) => [s.kind, s.range, s.size, s.offset, s.width])).toEqual([
      ['subnet', '10.0.0.0/26', 64, 0, 25],
      ['delegated', '10.0.0.64/28', 16, 25, 6.25],
      ['free', '10.0.0.80 – 10.0.0.127', 48, 31.25, 18.75],
      ['subnet', '10.0.0.128/27', 32, 50, 12.5],
      ['free', '10.0.0.160 – 10.0.0.255', 96, 62.5, 37.5],
    ]);
    expect(bar.freeCount).toBe(144);
    expect(bar.segments[1]?.label).toBe('snet-postgres (delegated subnet): 10.0.0.64/28 (16 addresses)');
    expect(bar.segments[2]?.label).toBe('Free: 10.0.0.80 – 10.0.0.127 (48 addresses)');
  });

  it('segments tile the whole space without gaps', () => {
    const bar = onlyBar(
      buildAddressMap({
        addressSpaces: ['10.1.0.0/16'],
        subnets: [{ name: 'a', prefix: '10.1.4.0/22' }],
        delegated: { name: 'pg', prefix: '10.1.255.240/28' },
      }).bars,
    );
    let next = bar.start;
    for (const s of bar.segments) {
      expect(s.start).toBe(next);
      next = s.end + 1;
    }
    expect(next).toBe(bar.end + 1);
    expect(bar.segments.reduce((sum, s) => sum + s.width, 0)).toBeCloseTo(100, 9);
  });

  it('marks overlapping subnets as an overlap segment naming both', () => {
    const bar = onlyBar(
      buildAddressMap({
        addressSpaces: ['10.0.0.0/24'],
        subnets: [{ name: 'app', prefix: '10.0.0.0/25' }],
        delegated: { name: 'pg', prefix: '10.0.0.96/28' },
      }).bars,
    );
    expect(bar.segments.map((s) => [s.kind, s.range])).toEqual([
      ['subnet', '10.0.0.0 – 10.0.0.95'],
      ['overlap', '10.0.0.96/28'],
      ['subnet', '10.0.0.112/28'],
      ['free', '10.0.0.128/25'],
    ]);
    expect(bar.segments[1]?.names).toEqual(['app', 'pg']);
    expect(bar.segments[1]?.label).toBe('Overlap of app, pg: 10.0.0.96/28 (16 addresses)');
  });

  it('keeps two adjacent subnets apart even when they have the same name', () => {
    const bar = onlyBar(
      buildAddressMap({
        addressSpaces: ['10.0.0.0/24'],
        subnets: [
          { name: 'x', prefix: '10.0.0.0/25' },
          { name: 'x', prefix: '10.0.0.128/25' },
        ],
        delegated: null,
      }).bars,
    );
    expect(bar.segments.map((s) => s.range)).toEqual(['10.0.0.0/25', '10.0.0.128/25']);
  });

  it('draws one bar per address space and clips a subnet to each space it touches', () => {
    const map = buildAddressMap({
      addressSpaces: ['10.0.0.0/24', '10.0.1.0/24'],
      subnets: [{ name: 'wide', prefix: '10.0.0.0/23' }],
      delegated: null,
    });
    expect(map.bars.map((b) => b.segments.map((s) => [s.kind, s.range]))).toEqual([
      [['subnet', '10.0.0.0/24']],
      [['subnet', '10.0.1.0/24']],
    ]);
  });

  it('lists invalid spaces and subnets that cannot be drawn, with the reason', () => {
    const map = buildAddressMap({
      addressSpaces: ['10.0.0.0/16', '10.1.2.3/16', ''],
      subnets: [
        { name: 'far', prefix: '192.168.0.0/24' },
        { name: 'bad', prefix: '10.0.0.0/33' },
        { name: 'new', prefix: '' },
      ],
      delegated: { name: '', prefix: '' },
    });
    expect(map.bars.map((b) => b.space)).toEqual(['10.0.0.0/16']);
    expect(map.invalidSpaces).toEqual([
      { name: 'Address space 2', prefix: '10.1.2.3/16', reason: expect.stringContaining('Use 10.1.0.0/16') },
    ]);
    expect(map.unplaced.map((u) => [u.name, u.reason])).toEqual([
      ['far', 'Outside every address space of the VNet.'],
      ['bad', expect.stringContaining('invalid prefix length')],
      ['new', 'No prefix yet.'],
    ]);
    // The delegated subnet without a prefix is simply not drawn yet.
    expect(onlyBar(map.bars).segments.map((s) => s.kind)).toEqual(['free']);
  });
});

describe('buildCloseUp', () => {
  it('shows a /28 inside its /24, with the neighbouring subnets', () => {
    const bar = buildCloseUp({
      addressSpaces: ['10.0.0.0/16'],
      subnets: [
        { name: 'app', prefix: '10.0.0.0/24' },
        { name: 'db', prefix: '10.0.1.0/28' },
      ],
      delegated: { name: 'pg', prefix: '10.0.1.16/28' },
    });
    expect(bar?.space).toBe('10.0.1.0/24');
    expect(bar?.segments.map((s) => [s.kind, s.range, s.offset, s.width])).toEqual([
      ['subnet', '10.0.1.0/28', 0, 6.25],
      ['delegated', '10.0.1.16/28', 6.25, 6.25],
      ['free', '10.0.1.32 – 10.0.1.255', 12.5, 87.5],
    ]);
  });

  it('is null when the space is already small enough, or the prefix is not drawn', () => {
    const base = { addressSpaces: ['10.0.0.0/24'], subnets: [] };
    expect(buildCloseUp({ ...base, delegated: { name: 'pg', prefix: '10.0.0.0/28' } })).toBeNull();
    expect(buildCloseUp({ ...base, delegated: { name: 'pg', prefix: '10.0.0.3/28' } })).toBeNull();
    expect(buildCloseUp({ ...base, delegated: { name: 'pg', prefix: '192.168.0.0/28' } })).toBeNull();
    expect(buildCloseUp({ ...base, delegated: null })).toBeNull();
  });
});

describe('formatRange', () => {
  it('writes an exact block as a CIDR and anything else as first – last', () => {
    expect(formatRange({ start: cidr('10.0.0.16/28').start, end: cidr('10.0.0.16/28').start + 15 })).toBe(
      '10.0.0.16/28',
    );
    expect(formatRange({ start: cidr('10.0.0.16/28').start, end: cidr('10.0.0.16/28').start + 16 })).toBe(
      '10.0.0.16 – 10.0.0.32',
    );
  });
});

describe('suggestFreeBlock', () => {
  it('returns the first free aligned /28 after the existing subnets', () => {
    expect(suggestFreeBlock(28, ['10.0.0.0/16'], ['10.0.0.0/24', '10.0.1.0/28'])).toBe('10.0.1.16/28');
  });

  it('skips invalid texts and looks in the next address space when the first is full', () => {
    expect(suggestFreeBlock(26, ['oops', '10.0.0.0/26', '10.5.0.0/24'], ['10.0.0.0/26', 'bad'])).toBe('10.5.0.0/26');
  });

  it('returns null when no block of that size is free', () => {
    expect(suggestFreeBlock(24, ['10.0.0.0/24'], ['10.0.0.0/28'])).toBeNull();
    expect(suggestFreeBlock(28, [], [])).toBeNull();
  });

  it('never returns a block that overlaps a subnet or leaves the address space', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 24, max: 29 })), { maxLength: 12 }),
        fc.constantFrom(28, 27, 26, 25, 24),
        (subnets, size) => {
          const taken = subnets.map(([third, len]) =>
            formatCidr({ start: (0x0a000000 + third * 256) >>> 0, prefixLength: len }),
          );
          const found = suggestFreeBlock(size, ['10.0.0.0/16'], taken);
          if (found === null) return;
          const block = cidr(found);
          expect(block.prefixLength).toBe(size);
          expect(cidrsOverlap(block, cidr('10.0.0.0/16')) && block.start >= cidr('10.0.0.0/16').start).toBe(true);
          for (const t of taken) expect(cidrsOverlap(block, cidr(t))).toBe(false);
        },
      ),
    );
  });
});

describe('subnetCapacity', () => {
  it('counts 11 usable addresses in a /28 and 4 per HA server, 1 per server without HA', () => {
    const c = subnetCapacity('10.0.0.0/28', [{ highAvailability: 'ZoneRedundant' }, { highAvailability: 'Disabled' }]);
    expect(c).toEqual({
      size: 16,
      usable: 11,
      haServers: 1,
      otherServers: 1,
      needed: 5,
      free: 6,
      fits: true,
      moreHaServers: 1,
      belowMinimum: false,
    });
  });

  it('says when the servers do not fit and when the block is below /28', () => {
    const three = subnetCapacity('10.0.0.0/28', [
      { highAvailability: 'SameZone' },
      { highAvailability: 'SameZone' },
      { highAvailability: 'SameZone' },
    ]);
    expect(three?.needed).toBe(12);
    expect(three?.fits).toBe(false);
    expect(three?.moreHaServers).toBe(0);
    const small = subnetCapacity('10.0.0.0/29', [{ highAvailability: 'Disabled' }]);
    expect(small?.usable).toBe(3);
    expect(small?.belowMinimum).toBe(true);
  });

  it('returns null for a prefix that is not a valid aligned block', () => {
    expect(subnetCapacity('10.0.0.1/28', [])).toBeNull();
    expect(subnetCapacity('', [])).toBeNull();
  });
});
