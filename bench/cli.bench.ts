/**
 * CLI `validate` of an example, whole process, against spec/budgets.md: ≤ 2× `node -e 0` measured side by
 * side. Builds the bundle (`npm run build:cli`), then starts `node bin/pgflex-netplan.mjs validate
 * examples/hub-and-spoke.json` and `node -e 0` in turn (interleaved, so a busy moment of the machine
 * falls on both), and compares the medians of the wall-clock times.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMs, median, percentile, printTable } from './harness';

const RUNS = 25;
const WARMUP = 3;
const BUDGET_RATIO = 2;

const repo = fileURLToPath(new URL('..', import.meta.url));

/** Wall-clock milliseconds of one process from spawn to exit; throws when it fails. */
function timeProcess(args: readonly string[], expectedCode: number): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  if (r.status !== expectedCode) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${String(r.stderr)}`);
  return ms;
}

export default function bench(): void {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
  const cli = [join(repo, 'bin', 'pgflex-netplan.mjs'), 'validate', join(repo, 'examples', 'hub-and-spoke.json')];
  const bare = ['-e', '0'];
  const times = { cli: [] as number[], bare: [] as number[] };
  for (let i = 0; i < WARMUP + RUNS; i += 1) {
    // Alternate which goes first, so neither always runs right after the other.
    const order = i % 2 === 0 ? (['bare', 'cli'] as const) : (['cli', 'bare'] as const);
    for (const which of order) {
      const ms = which === 'cli' ? timeProcess(cli, 0) : timeProcess(bare, 0);
      if (i >= WARMUP) times[which].push(ms);
    }
  }
  const cliMs = median(times.cli);
  const bareMs = median(times.bare);
  const ratio = cliMs / bareMs;
  printTable(`CLI, whole process (${RUNS} interleaved runs each, medians)`, [
    { what: 'node -e 0', value: formatMs(bareMs), budget: '', verdict: '' },
    {
      what: 'pgflex-netplan validate examples/hub-and-spoke.json',
      value: `${formatMs(cliMs)} (p95 ${formatMs(percentile(times.cli, 95))})`,
      budget: '',
      verdict: '',
    },
    {
      what: 'ratio validate / node -e 0',
      value: `${ratio.toFixed(2)}×`,
      budget: `≤ ${BUDGET_RATIO}×`,
      verdict: ratio <= BUDGET_RATIO ? 'ok' : 'OVER BUDGET',
    },
  ]);
  const [one, five, fifteen] = loadavg();
  console.log(
    `(load average ${one?.toFixed(1)} / ${five?.toFixed(1)} / ${fifteen?.toFixed(1)} on this machine while measuring)`,
  );
}
