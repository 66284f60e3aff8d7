/**
 * Benchmark helpers. Medians over several runs after warm-up; never asserted by unit tests
 * (shared machines are noisy), only printed against the budgets of spec/budgets.md.
 */
import type { Plan } from '../src/domain/plan';

/**
 * A copy of `plan` that shares no cached work with it: what depends on a plan is kept by plan object, and what
 * depends on its access settings alone (the name index, the parsed network, the findings of the rules that read
 * only them) by the access settings' object. A run on such a copy pays for everything a newly opened plan does.
 */
export const freshPlan = (plan: Plan): Plan => ({ ...plan, access: { ...plan.access } });

export interface Measurement {
  medianMs: number;
  p95Ms: number;
  runs: number;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}

/** Runs `fn` repeatedly; each sample times enough iterations to last at least `minSampleMs`. */
export function measure(
  fn: () => unknown,
  options: { samples?: number; warmupMs?: number; minSampleMs?: number } = {},
): Measurement {
  const samples = options.samples ?? 15;
  const minSampleMs = options.minSampleMs ?? 20;
  const warmEnd = performance.now() + (options.warmupMs ?? 200);
  let iterations = 0;
  while (performance.now() < warmEnd || iterations < 3) {
    fn();
    iterations += 1;
  }
  const times: number[] = [];
  for (let s = 0; s < samples; s += 1) {
    let n = 0;
    const start = performance.now();
    let elapsed: number;
    do {
      fn();
      n += 1;
      elapsed = performance.now() - start;
    } while (elapsed < minSampleMs);
    times.push(elapsed / n);
  }
  return { medianMs: median(times), p95Ms: percentile(times, 95), runs: samples };
}

export type Verdict = 'ok' | 'OVER BUDGET' | 'n/a';

export function verdict(value: number, budget: number | undefined): Verdict {
  if (budget === undefined) return 'n/a';
  return value <= budget ? 'ok' : 'OVER BUDGET';
}

export function formatMs(ms: number): string {
  return ms < 0.01 ? `${(ms * 1000).toFixed(2)} µs` : ms < 10 ? `${ms.toFixed(3)} ms` : `${ms.toFixed(1)} ms`;
}

export interface Row {
  what: string;
  value: string;
  budget: string;
  verdict: string;
}

export function printTable(title: string, rows: readonly Row[]): void {
  const widths = [4, 5, 6, 7].map((w, i) =>
    Math.max(w, ...rows.map((r) => [r.what, r.value, r.budget, r.verdict][i]!.length)),
  );
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n## ${title}`);
  console.log(line(['what', 'value', 'budget', 'verdict']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line([r.what, r.value, r.budget, r.verdict]));
}

/** A benchmark file's default export. */
export type Bench = () => Promise<void> | void;
