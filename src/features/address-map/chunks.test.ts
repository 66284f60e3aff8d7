import { describe, expect, it } from 'vitest';
import { buildAddressMap, splitBlock, type MapSubnet, type SpaceMap } from '../../domain/address-map';
import { chunksOf, SUBNETS_PER_CHUNK } from './chunks';

/** A /16 with `n` /27 subnets, every other /27 left free. */
function mapOf(n: number, splits: ReadonlySet<string> = new Set()): SpaceMap {
  const subnets: MapSubnet[] = Array.from({ length: n }, (_, i) => {
    const at = i * 64;
    return { name: `s${i}`, prefix: `10.0.${Math.floor(at / 256)}.${at % 256}/27`, delegated: false, path: `p.${i}` };
  });
  const [space] = buildAddressMap({ addressSpaces: ['10.0.0.0/16'], subnets, others: [], splits }).spaces;
  if (space === undefined) throw new Error('no space');
  return space;
}

describe('chunksOf', () => {
  it('keeps every block in order, and starts a run at every 40th subnet', () => {
    const space = mapOf(130);
    const runs = chunksOf(space.blocks);
    expect(runs.flatMap((r) => r.blocks)).toEqual(space.blocks);
    for (const [i, run] of runs.entries()) {
      const subnets = run.blocks.filter((b) => b.kind === 'subnet').length;
      if (i < runs.length - 1) expect(subnets).toBe(SUBNETS_PER_CHUNK);
      if (i > 0) expect(run.blocks[0]?.kind).toBe('subnet');
    }
    expect(new Set(runs.map((r) => r.key)).size).toBe(runs.length);
  });

  it('a split changes the run that holds the block and no other', () => {
    const before = chunksOf(mapOf(130).blocks);
    const free = before[1]?.blocks.find((b) => b.kind === 'free' && b.canSplit);
    if (free === undefined) throw new Error('no free block to split');
    const after = chunksOf(mapOf(130, splitBlock(new Set(), free.cidr)).blocks);
    expect(after.map((r) => r.key)).toEqual(before.map((r) => r.key));
    const keys = (run: { blocks: readonly { key: string }[] } | undefined) => run?.blocks.map((b) => b.key);
    for (const i of before.keys()) {
      if (i === 1) expect(after[i]?.blocks.length).toBe((before[i]?.blocks.length ?? 0) + 1);
      else expect(keys(after[i])).toEqual(keys(before[i]));
    }
  });

  it('is one run for a map with no subnets, and none for no blocks', () => {
    expect(chunksOf(mapOf(0).blocks)).toHaveLength(1);
    expect(chunksOf([])).toEqual([]);
  });
});
