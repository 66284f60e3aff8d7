import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { largePlan } from '../../domain/samples';
import { decodePlanLink } from '../../share/link';
import { parsePlanFile, serializePlanFile } from '../../share/plan-file';
import { main } from '../main';
import { COMMANDS } from './index';
import { DEFAULT_SHARE_BASE } from '../command';
import { memoryIo } from '../testing';
import { exampleText } from '../../domain/testing/examples';

const eight = exampleText('eight-subnets');

describe('share', () => {
  it('is a registered command', () => {
    expect(COMMANDS.map((c) => c.name)).toContain('share');
  });

  it('prints base#fragment that opens as the same plan; exit 0, nothing on stderr', async () => {
    const t = memoryIo({ 'p.json': eight });
    expect(await main(['share', 'p.json'], t.io)).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out).toHaveLength(1);
    const link = t.out[0]!;
    expect(link.startsWith(`${DEFAULT_SHARE_BASE}#p1.`)).toBe(true);
    const opened = decodePlanLink(link);
    const expected = parsePlanFile(eight);
    expect(opened.ok && expected.ok && opened.plan).toEqual(expected.ok ? expected.plan : null);
    expect(link.length - DEFAULT_SHARE_BASE.length).toBeLessThan(432);
  });

  it('a plan file of format 1 gives a link of the plan migrated to format 2', async () => {
    const v1 = readFileSync(new URL('../../share/fixtures/v1-hub-and-spoke.plan.json', import.meta.url), 'utf8');
    const t = memoryIo({ 'p.json': v1 });
    expect(await main(['share', 'p.json'], t.io)).toBe(0);
    const opened = decodePlanLink(t.out[0]!);
    const migrated = parsePlanFile(v1);
    expect(opened.ok && opened.plan.formatVersion).toBe(2);
    expect(opened.ok && migrated.ok && opened.plan).toEqual(migrated.ok ? migrated.plan : null);
  });

  it('uses --base, in both spellings', async () => {
    for (const argv of [['--base', 'https://planner.example/tools/'], ['--base=https://planner.example/tools/']]) {
      const t = memoryIo({ 'p.json': eight });
      expect(await main(['share', 'p.json', ...argv], t.io)).toBe(0);
      expect(t.out[0]).toMatch(/^https:\/\/planner\.example\/tools\/#p1\.[A-Za-z0-9_-]+$/);
    }
  });

  it('warns on stderr when the link passes 8,000 characters, and still prints it', async () => {
    const t = memoryIo({ 'big.json': serializePlanFile(largePlan()) });
    expect(await main(['share', 'big.json'], t.io)).toBe(0);
    expect(t.out[0]!.length).toBeGreaterThan(8000);
    expect(t.err).toHaveLength(1);
    expect(t.err[0]).toMatch(/^warning: the link is [\d,]+ characters long; .* Share the plan file instead\.$/);
  });

  it('exit 2 with one line for bad input', async () => {
    const cases: [string[], Record<string, string>, string][] = [
      [['share'], {}, 'No plan file given (a path, or - for standard input).'],
      [['share', 'missing.json'], {}, 'missing.json: no such file.'],
      [['share', 'p.json'], { 'p.json': '{ "formatVersion": 1,' }, 'p.json: not valid JSON at line 1, column 22'],
      [['share', 'p.json'], { 'p.json': '{"formatVersion": 1, "servers": []}' }, 'p.json: servers:'],
      [['share', 'p.json', '--base', 'not a url'], { 'p.json': eight }, '--base must be an absolute address'],
      [['share', 'p.json', '--base', 'https://x.example/#top'], { 'p.json': eight }, '--base must not contain "#"'],
      [
        ['share', 'p.json', '--base', 'javascript:alert(1)'],
        { 'p.json': eight },
        '--base must be an http, https or file address',
      ],
      [['share', 'p.json', '--short', 'yes'], { 'p.json': eight }, 'Unknown option --short'],
      [['share', 'a.json', 'b.json'], { 'a.json': eight, 'b.json': eight }, 'One plan file at a time'],
    ];
    for (const [argv, files, expected] of cases) {
      const t = memoryIo(files);
      expect(await main(argv, t.io), argv.join(' ')).toBe(2);
      expect(t.out).toEqual([]);
      expect(t.err).toHaveLength(1);
      expect(t.err[0]).toContain(expected);
      expect(t.err[0]).not.toMatch(/\n\s+at /);
    }
  });
});
