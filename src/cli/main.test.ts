import { describe, expect, it } from 'vitest';
import { main } from './main';
import { memoryIo } from './testing';

const plan = JSON.stringify({
  formatVersion: 1,
  servers: [{ name: 'pg-a', region: 'westeurope' }],
  access: { mode: 'public' },
});

describe('CLI', () => {
  it('prints usage with --help (exit 0) and without a command (exit 2)', async () => {
    const a = memoryIo({});
    expect(await main(['--help'], a.io)).toBe(0);
    expect(a.out.join('')).toContain('validate PLAN.json');
    expect(await main([], memoryIo({}).io)).toBe(2);
  });
  it('rejects unknown commands and options with one line', async () => {
    const a = memoryIo({});
    expect(await main(['explode'], a.io)).toBe(2);
    expect(a.err).toHaveLength(1);
    const b = memoryIo({ 'p.json': plan });
    expect(await main(['validate', 'p.json', '--colour', 'red'], b.io)).toBe(2);
    expect(b.err[0]).toMatch(/Unknown option --colour/);
    const c = memoryIo({ 'p.json': plan });
    expect(await main(['validate', 'p.json', '--format', 'xml'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/--format must be one of text, json/);
  });
  it('reports bad input as one line, exit 2', async () => {
    const cases: Record<string, string> = {
      'nojson.json': '{ nope',
      'array.json': '[]',
      'newer.json': '{"formatVersion": 99}',
    };
    for (const [file, expected] of [
      ['missing.json', 'missing.json: no such file.'],
      ['nojson.json', 'nojson.json: not valid JSON'],
      ['array.json', 'array.json: A plan is a JSON object'],
      ['newer.json', 'newer.json: formatVersion 99 is newer than this planner understands'],
    ] as const) {
      const a = memoryIo(cases);
      expect(await main(['validate', file], a.io)).toBe(2);
      expect(a.err).toHaveLength(1);
      expect(a.err[0]).toContain(expected);
      expect(a.err[0]).not.toMatch(/\n\s+at /);
    }
  });
  it('validate --format json prints an array of findings', async () => {
    const a = memoryIo({ 'p.json': plan });
    const code = await main(['validate', 'p.json', '--format', 'json'], a.io);
    const findings = JSON.parse(a.out.join('')) as { ruleId: string; severity: string }[];
    expect(Array.isArray(findings)).toBe(true);
    expect(code).toBe(findings.some((f) => f.severity === 'error') ? 1 : 0);
  });
});
