import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildAddressMap,
  formatRange,
  joinBlock,
  minPrefixLengthFor,
  splitBlock,
  subnetCapacity,
  subnetRole,
  suggestFreeBlock,
  type AddressMapInput,
  type FreeBlock,
  type MapSubnet,
  type SpaceMap,
  type SubnetBlock,
} from './address-map';
import { cidrRange, cidrsOverlap, formatCidr, parseCidr, type Cidr } from './ipv4';

const cidr = (text: string): Cidr => {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const sub = (name: string, prefix: string, i: number, delegated = false): MapSubnet => ({
  name,
  prefix,
  delegated,
  path: delegated ? 'access.delegatedSubnet' : `access.vnet.subnets.${i}`,
});

const input = (over: Partial<AddressMapInput>): AddressMapInput => ({
  addressSpaces: ['10.0.0.0/24'],
  subnets: [],
  others: [],
  splits: new Set(),
  ...over,
});

const onlySpace = (spaces: readonly SpaceMap[]): SpaceMap => {
  expect(spaces).toHaveLength(1);
  return spaces[0] as SpaceMap;
};

const rows = (space: SpaceMap) => space.blocks.map((b) => `${b.kind} ${b.cidr}`);

describe('buildAddressMap', () => {
  it('lists subnets and the free space as the largest aligned blocks, in address order', () => {
    const space = onlySpace(
      buildAddressMap(
        input({
          subnets: [sub('web', '10.0.0.128/27', 0), sub('app', '10.0.0.0/26', 1), sub('pg', '10.0.0.64/28', 0, true)],
        }),
      ).spaces,
    );
    expect(rows(space)).toEqual([
      'subnet 10.0.0.0/26',
      'subnet 10.0.0.64/28',
      'free 10.0.0.80/28',
      'free 10.0.0.96/27',
      'subnet 10.0.0.128/27',
      'free 10.0.0.160/27',
      'free 10.0.0.192/26',
    ]);
    expect(space.freeCount).toBe(256 - 64 - 16 - 32);
    const app = space.blocks[0] as SubnetBlock;
    expect([app.size, app.usable, app.offset, app.width]).toEqual([64, 59, 0, 25]);
    const pg = space.blocks[1] as SubnetBlock;
    expect(pg.role?.label).toBe('Delegated to Microsoft.DBforPostgreSQL/flexibleServers');
    expect(pg.usable).toBe(11);
  });

  it('blocks tile the whole space without gaps when no subnets overlap', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { maxLength: 20 }), (slots) => {
        const subnets = slots.map((k, i) =>
          sub(`s${i}`, formatCidr({ start: 0x0a000000 + k * 64, prefixLength: 26 }), i),
        );
        const space = onlySpace(buildAddressMap(input({ addressSpaces: ['10.0.0.0/20'], subnets })).spaces);
        let next = space.start;
        for (const b of space.blocks) {
          expect(b.start).toBe(next);
          next = b.end + 1;
        }
        expect(next).toBe(space.end + 1);
        expect(space.blocks.filter((b) => b.kind === 'subnet')).toHaveLength(slots.length);
      }),
    );
  });

  it('flags overlapping subnets, sizes below Azure minimums and special subnets by name', () => {
    const space = onlySpace(
      buildAddressMap(
        input({
          subnets: [
            sub('a', '10.0.0.0/25', 0),
            sub('b', '10.0.0.64/26', 1),
            sub('GatewaySubnet', '10.0.0.128/28', 2),
            sub('AzureBastionSubnet', '10.0.0.192/26', 3),
            sub('tiny', '10.0.0.160/30', 4),
          ],
        }),
      ).spaces,
    );
    const byName = (n: string) => space.blocks.find((b) => b.kind === 'subnet' && b.subnet.name === n) as SubnetBlock;
    expect(byName('a').subnetOverlaps).toEqual(['b']);
    expect(byName('b').subnetOverlaps).toEqual(['a']);
    expect(byName('GatewaySubnet').sizeProblem).toBe(
      '/28 is too small. Microsoft recommends /27 or larger for a gateway subnet.',
    );
    expect(byName('AzureBastionSubnet').sizeProblem).toBeNull();
    expect(byName('AzureBastionSubnet').role?.label).toBe('AzureBastionSubnet: Azure Bastion');
    expect(byName('tiny').sizeProblem).toBe("/30 is smaller than /29, Azure's smallest subnet.");
  });

  it('flags blocks that overlap a peered VNet or an on-premises range, and lists those parts of the space', () => {
    const space = onlySpace(
      buildAddressMap(
        input({
          addressSpaces: ['10.0.0.0/16'],
          subnets: [sub('app', '10.0.1.0/24', 0)],
          others: [
            { owner: 'on-premises hq', prefix: '10.0.1.128/25' },
            { owner: 'VNet vnet-hub', prefix: '10.0.128.0/17' },
            { owner: 'VNet far', prefix: '192.168.0.0/16' },
            { owner: 'on-premises broken', prefix: 'not a cidr' },
          ],
        }),
      ).spaces,
    );
    const app = space.blocks.find((b) => b.cidr === '10.0.1.0/24') as SubnetBlock;
    expect(app.otherOverlaps).toEqual(['on-premises hq (10.0.1.128/25)']);
    const high = space.blocks.find((b) => b.cidr === '10.0.128.0/17') as FreeBlock;
    expect(high.kind).toBe('free');
    expect(high.otherOverlaps).toEqual(['VNet vnet-hub (10.0.128.0/17)']);
    expect(space.blocks.find((b) => b.cidr === '10.0.0.0/24')?.otherOverlaps).toEqual([]);
    expect(space.otherOverlaps.map((o) => [o.range, o.owner, o.offset, o.width])).toEqual([
      ['10.0.1.128/25', 'on-premises hq (10.0.1.128/25)', (384 / 65536) * 100, (128 / 65536) * 100],
      ['10.0.128.0/17', 'VNet vnet-hub (10.0.128.0/17)', 50, 50],
    ]);
  });

  it('reports invalid spaces and subnets it cannot draw, with the reason', () => {
    const map = buildAddressMap(
      input({
        addressSpaces: ['10.0.0.0/24', '10.0.1.5/24', ''],
        subnets: [sub('', '', 0), sub('bad', '10.0.0.1/28', 1), sub('far', '172.16.0.0/24', 2)],
      }),
    );
    expect(map.invalidSpaces.map((u) => u.name)).toEqual(['Address space 2']);
    expect(map.unplaced.map((u) => [u.name, u.reason.slice(0, 30)])).toEqual([
      ['Subnet 1 (no name yet)', 'No prefix yet.'],
      ['bad', '10.0.0.1/28 is not a network a'],
      ['far', 'Outside every address space of'],
    ]);
  });
});

describe('splitBlock and joinBlock', () => {
  it('splits a free block in halves down to /29 and joins the halves back', () => {
    const base = input({ addressSpaces: ['10.0.0.0/24'] });
    expect(rows(onlySpace(buildAddressMap(base).spaces))).toEqual(['free 10.0.0.0/24']);
    let splits = splitBlock(base.splits, '10.0.0.0/24');
    splits = splitBlock(splits, '10.0.0.128/25');
    const space = onlySpace(buildAddressMap({ ...base, splits }).spaces);
    expect(rows(space)).toEqual(['free 10.0.0.0/25', 'free 10.0.0.128/26', 'free 10.0.0.192/26']);
    const joinable = space.blocks.map((b) => (b.kind === 'free' ? b.joinsInto : null));
    // 10.0.0.0/25 and 10.0.0.128/26 are not halves of one block; the two /26 are.
    expect(joinable).toEqual([null, '10.0.0.128/25', null]);
    const joined = joinBlock(splits, '10.0.0.0/24');
    expect(joined.size).toBe(0);
    expect(rows(onlySpace(buildAddressMap({ ...base, splits: joined }).spaces))).toEqual(['free 10.0.0.0/24']);
  });

  it('refuses to split a /29, Azure smallest subnet, and marks free slivers below /29 as too small', () => {
    expect(splitBlock(new Set(), '10.0.0.0/29').size).toBe(0);
    const space = onlySpace(
      buildAddressMap(input({ addressSpaces: ['10.0.0.0/28'], subnets: [sub('odd', '10.0.0.4/30', 0)] })).spaces,
    );
    const free = space.blocks.filter((b): b is FreeBlock => b.kind === 'free');
    expect(free.map((b) => [b.cidr, b.tooSmall, b.canSplit])).toEqual([
      ['10.0.0.0/30', true, false],
      ['10.0.0.8/29', false, false],
    ]);
  });

  it('a split of space that a subnet now uses is ignored', () => {
    const splits = splitBlock(new Set(), '10.0.0.0/24');
    const space = onlySpace(buildAddressMap(input({ subnets: [sub('all', '10.0.0.0/24', 0)], splits })).spaces);
    expect(rows(space)).toEqual(['subnet 10.0.0.0/24']);
  });
});

describe('suggestFreeBlock', () => {
  const base = {
    addressSpaces: ['10.0.0.0/24'],
    subnets: [sub('a', '10.0.0.0/26', 0), sub('b', '10.0.0.128/28', 1), sub('pg', '10.0.0.64/29', 0, true)],
    others: [],
  };

  it('takes the smallest free block that holds the size (best fit), not the first', () => {
    // Free: 10.0.0.72/29, .80/28, .96/27, .144/28, .160/27, .192/26. A /28 fits best in .80/28.
    expect(suggestFreeBlock(base, 'elsewhere', 28)).toBe('10.0.0.80/28');
    // Placing the delegated subnet itself frees 10.0.0.64/29: .64/26 is whole again, .144/28 fits best.
    expect(suggestFreeBlock(base, 'access.delegatedSubnet', 28)).toBe('10.0.0.144/28');
    expect(suggestFreeBlock(base, 'access.vnet.subnets.1', 27)).toBe('10.0.0.96/27');
  });

  it("ignores the placed subnet's own prefix and avoids other networks' ranges", () => {
    expect(suggestFreeBlock(base, 'access.vnet.subnets.0', 26)).toBe('10.0.0.0/26');
    const others = [{ owner: 'on-premises hq', prefix: '10.0.0.0/26' }];
    expect(suggestFreeBlock({ ...base, others }, 'access.vnet.subnets.0', 26)).toBe('10.0.0.192/26');
  });

  it('returns null when no block of that size is free', () => {
    expect(suggestFreeBlock(base, 'access.vnet.subnets.0', 24)).toBeNull();
    expect(suggestFreeBlock({ ...base, addressSpaces: ['nope'] }, 'access.delegatedSubnet', 28)).toBeNull();
  });

  it('never returns a block that overlaps another subnet or leaves the address spaces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 24, max: 29 })), { maxLength: 12 }),
        fc.integer({ min: 22, max: 29 }),
        (raw, length) => {
          const subnets = raw.map(([k, len], i) => {
            const size = 2 ** (32 - len);
            return sub(
              `s${i}`,
              formatCidr({ start: 0x0a000000 + ((k * 64) % 1024) - (((k * 64) % 1024) % size), prefixLength: len }),
              i,
            );
          });
          const got = suggestFreeBlock({ addressSpaces: ['10.0.0.0/22'], subnets, others: [] }, 'none', length);
          if (got === null) return;
          const block = cidr(got);
          expect(block.prefixLength).toBe(length);
          expect(cidrRange(block).end).toBeLessThanOrEqual(cidrRange(cidr('10.0.0.0/22')).end);
          expect(block.start).toBeGreaterThanOrEqual(cidr('10.0.0.0/22').start);
          for (const s of subnets) expect(cidrsOverlap(block, cidr(s.prefix))).toBe(false);
        },
      ),
    );
  });
});

describe('subnetRole', () => {
  it('knows the special names case-insensitively, DNS resolver subnets by name, and the delegated subnet', () => {
    expect(subnetRole('gatewaysubnet', false)?.minPrefixLength).toBe(27);
    expect(subnetRole('AzureFirewallSubnet', false)?.minPrefixLength).toBe(26);
    expect(subnetRole('AzureFirewallManagementSubnet', false)?.minPrefixLength).toBe(26);
    expect(subnetRole('snet-dns-inbound', false)?.maxPrefixLength).toBe(24);
    expect(subnetRole('snet-dns-inbound', false)?.label).toContain('Microsoft.Network/dnsResolvers');
    expect(subnetRole('snet-app', false)).toBeNull();
    expect(subnetRole('GatewaySubnet', true)?.minPrefixLength).toBe(28);
  });

  it('gives the smallest block a subnet may get: /29, /28 for the delegated subnet, /26 for Bastion', () => {
    expect(minPrefixLengthFor(null)).toBe(29);
    expect(minPrefixLengthFor(subnetRole('pg', true))).toBe(28);
    expect(minPrefixLengthFor(subnetRole('AzureBastionSubnet', false))).toBe(26);
  });
});

describe('formatRange', () => {
  it('writes an exact block as a CIDR and anything else as first – last', () => {
    expect(formatRange({ start: 0x0a000000, end: 0x0a0000ff })).toBe('10.0.0.0/24');
    expect(formatRange({ start: 0x0a000010, end: 0x0a00002f })).toBe('10.0.0.16 – 10.0.0.47');
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
