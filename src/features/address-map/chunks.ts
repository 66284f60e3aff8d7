/** The address map's block list in runs, for the browser to lay out and paint only near the screen. */
import type { MapBlock } from '../../domain/address-map';

/** Subnets per run of the block list (see `SpaceView`). */
export const SUBNETS_PER_CHUNK = 40;

/**
 * The block list in runs, each starting at every 40th subnet (the free blocks before a subnet go with it). Split
 * and join change only free blocks, so every run but the edited one keeps its rows, and React moves none.
 */
export function chunksOf(blocks: readonly MapBlock[]): { key: string; blocks: MapBlock[] }[] {
  const runs: { key: string; blocks: MapBlock[] }[] = [];
  let current: { key: string; blocks: MapBlock[] } = { key: 'start', blocks: [] };
  let subnets = 0;
  for (const b of blocks) {
    if (b.kind === 'subnet') {
      if (subnets > 0 && subnets % SUBNETS_PER_CHUNK === 0) {
        runs.push(current);
        current = { key: b.key, blocks: [] };
      }
      subnets += 1;
    }
    current.blocks.push(b);
  }
  if (current.blocks.length > 0) runs.push(current);
  return runs;
}
