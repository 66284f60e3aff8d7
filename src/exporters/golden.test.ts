import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexBicep } from './bicep-lex';
import { GOLDEN_DIR, goldenCases } from './golden';
import { EXPORT_FORMATS } from './index';
import { examplePlan } from './test-plans';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [relative(GOLDEN_DIR, join(dir, e.name))],
  );
}

describe('golden files', () => {
  const cases = goldenCases();
  it.each(cases.map((c) => [c.dir, c] as const))(
    '%s matches (regenerate: npx tsx src/exporters/update-golden.ts)',
    (_dir, c) => {
      for (const f of c.files) {
        const path = join(GOLDEN_DIR, c.dir, f.path);
        expect(existsSync(path), `${c.dir}/${f.path} missing`).toBe(true);
        expect(f.contents).toBe(readFileSync(path, 'utf8'));
      }
    },
  );

  it('no stale golden file is left behind', () => {
    const expected = cases.flatMap((c) => c.files.map((f) => `${c.dir}/${f.path}`)).sort();
    expect(
      listFiles(GOLDEN_DIR)
        .map((p) => p.split('\\').join('/'))
        .sort(),
    ).toEqual(expected);
  });
});

describe('every format', () => {
  it('lists the four formats in order', () => {
    expect(EXPORT_FORMATS.map((f) => [f.id, f.label])).toEqual([
      ['arm', 'ARM'],
      ['terraform', 'Terraform'],
      ['bicep', 'Bicep'],
      ['azcli', 'Azure CLI'],
    ]);
  });

  it('starts every file with the error list when the plan has errors (ARM: metadata)', () => {
    const errors = [
      {
        ruleId: 'PGN-101',
        severity: 'error' as const,
        message: 'Subnet too small',
        path: 'access.delegatedSubnet.prefix',
        docs: '',
      },
    ];
    for (const format of EXPORT_FORMATS) {
      for (const f of format.files(examplePlan('eight-subnets'), { errors })) {
        if (f.path.endsWith('.json')) {
          if (f.path === 'azuredeploy.json') expect(f.contents).toContain('"errors": [');
          continue;
        }
        const firstComment = f.contents
          .split('\n')
          .find((l) => (l.startsWith('#') && !l.startsWith('#!')) || l.startsWith('//'));
        expect(firstComment, `${format.id} ${f.path}`).toMatch(
          /WARNING: exported although the plan has 1 error finding/,
        );
        expect(f.contents).toContain('PGN-101 access.delegatedSubnet.prefix: Subnet too small');
      }
    }
  });

  it('warnings and infos are not listed as errors', () => {
    const findings = [{ ruleId: 'PGN-201', severity: 'warning' as const, message: 'w', path: 'x', docs: '' }];
    for (const format of EXPORT_FORMATS) {
      for (const f of format.files(examplePlan('public-office'), { errors: findings }))
        expect(f.contents).not.toContain('WARNING: exported');
    }
  });

  it('Bicep files lex cleanly and the Azure CLI script passes bash -n', () => {
    for (const c of goldenCases()) {
      for (const f of c.files) {
        if (f.path.endsWith('.bicep') || f.path.endsWith('.bicepparam'))
          expect(() => lexBicep(f.contents)).not.toThrow();
        if (f.path.endsWith('.sh')) {
          const run = spawnSync('bash', ['-n'], { input: f.contents, encoding: 'utf8' });
          expect(run.stderr).toBe('');
          expect(run.status).toBe(0);
          expect(f.contents).toContain('set -euo pipefail');
        }
      }
    }
  });

  it('no password literal anywhere', () => {
    for (const c of goldenCases())
      for (const f of c.files) expect(f.contents).not.toMatch(/password\s*[:=]\s*['"][^'"$<]/i);
  });
});
