/** CIDR overlap detection at 1,000 / 10,000 / 100,000 prefixes (sort and sweep, n log n). */
import { cidrRange, findOverlaps, type Cidr } from '../src/domain/ipv4';
import { formatMs, measure, printTable, type Row } from './harness';

/**
 * Deterministic pseudo-random prefixes (mulberry32), /22 … /29, spread over an address span that
 * grows with n (4,096 addresses per prefix), so the share of overlapping prefixes stays the same at
 * every size and the growth ratio measures the algorithm, not a denser input.
 */
export function randomPrefixes(count: number, seed = 42): Cidr[] {
  let a = seed;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: Cidr[] = [];
  for (let i = 0; i < count; i += 1) {
    const prefixLength = 22 + Math.floor(rand() * 8);
    const size = 2 ** (32 - prefixLength);
    const span = Math.min(2 ** 32, count * 4096);
    const start = Math.floor((rand() * span) / size) * size;
    out.push({ start, prefixLength });
  }
  return out;
}

export default function bench(): void {
  const sizes = [1_000, 10_000, 100_000];
  const results = sizes.map((n) => {
    const prefixes = randomPrefixes(n);
    return { n, m: measure(() => findOverlaps(prefixes, cidrRange), { samples: 9, minSampleMs: 30 }) };
  });
  const rows: Row[] = results.map(({ n, m }, i) => {
    const prev = results[i - 1];
    const growth = prev ? m.medianMs / prev.m.medianMs : undefined;
    return {
      what: `overlap detection, ${n.toLocaleString('en-US')} prefixes`,
      value: formatMs(m.medianMs),
      budget: growth === undefined ? 'growth ≤ 15× per 10×' : `growth ${growth.toFixed(1)}×`,
      verdict: growth === undefined ? '' : growth <= 15 ? 'ok' : 'OVER BUDGET',
    };
  });
  printTable('CIDR overlap detection (sort and sweep)', rows);
}
