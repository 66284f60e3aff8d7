/**
 * Hostile names through every exporter: each output must still parse in its language and carry the
 * text as inert data (a string literal or a comment), never as code. Values no output can carry
 * safely (control characters, a leading `-`, `@` or quote) are refused by every exporter instead.
 */
import { parse } from '@cdktf/hcl2json';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plan } from '../domain/plan';
import { armFiles } from './arm/index';
import { azcliFiles } from './azcli/index';
import { bicepFiles } from './bicep/index';
import { lexBicep } from './bicep-lex';
import { fakeAzDir } from './testing/fake-az';
import { EXPORT_FORMATS } from './index';
import { ExportRefusedError } from './safe-values';
import { terraformFiles } from './terraform/index';
import { examplePlan, planOf } from './test-plans';

const HOSTILE = [
  'x"; rm -rf /',
  '${file("/etc/passwd")}',
  "[concat('a')]",
  "a'$(id)'b",
  '%{ if true }x%{ endif }',
  'back\\slash`uname`',
];

/** Values that no export writes: each format throws ExportRefusedError naming the problem. */
const REFUSED: [string, string][] = [
  ['line1\nline2', 'it contains the control character U+000A'],
  ['nul\u0000byte', 'it contains the control character U+0000'],
  ['--access=Allow', 'it starts with "-", which a command line reads as an option'],
  ['@/etc/passwd', 'it starts with "@", which the Azure CLI reads as a file to load'],
  ["'$(id)'", 'it starts with a single quote, which the Azure CLI reads as quoting'],
];

function hostilePlans(name: string): Plan[] {
  const priv = examplePlan('hub-and-spoke');
  const pub = examplePlan('public-office');
  if (priv.access.mode !== 'private' || pub.access.mode !== 'public') throw new Error('examples changed');
  const a = priv.access;
  return [
    planOf({
      ...priv,
      name,
      servers: [{ ...priv.servers[0]!, name, resourceGroup: name }],
      access: {
        ...a,
        vnet: { ...a.vnet, name, resourceGroup: name, subnets: [{ name, prefix: '10.20.1.0/24' }] },
        delegatedSubnet: {
          ...a.delegatedSubnet,
          name,
          nsg: {
            name,
            rules: [{ ...a.delegatedSubnet.nsg!.rules[0]!, name, description: name }],
          },
        },
        privateDnsZone: { ...a.privateDnsZone!, name, resourceGroup: name, subscription: name },
        peeredVnets: [{ ...a.peeredVnets[0]!, name, resourceGroup: name, subscription: name }],
        onPremises: [{ ...a.onPremises[0]!, gatewayVnet: name }],
      },
    }),
    planOf({
      ...pub,
      name,
      servers: [{ ...pub.servers[0]!, name, resourceGroup: name, subscription: name }],
      access: { mode: 'public', firewallRules: [{ name, startIp: name, endIp: '1.2.3.4' }], allowAzureServices: true },
    }),
  ];
}

const ERR = (name: string) => [
  { ruleId: 'PGN-001', severity: 'error' as const, message: name, path: 'servers.0.name', docs: '' },
];

/** All string values in a JSON document. */
function jsonStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => jsonStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => jsonStrings(v, out));
  return out;
}

/** The literal strings inside ARM expressions, decoded (`''` → `'`). */
function armExpressionLiterals(expr: string): string[] {
  return [...expr.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
}

function hclStrings(value: unknown, out: string[] = []): string[] {
  return jsonStrings(value, out);
}

const az = fakeAzDir();
afterAll(() => az.dispose());

describe.each(HOSTILE)('hostile name %j', (name) => {
  it('ARM: valid JSON; the name is a literal, never an expression', () => {
    for (const plan of hostilePlans(name)) {
      const files = armFiles(plan, { errors: ERR(name) });
      for (const f of files) {
        const json = JSON.parse(f.contents) as unknown;
        const strings = jsonStrings(json);
        const literals = strings.flatMap((s) =>
          s.startsWith('[') && !s.startsWith('[[')
            ? armExpressionLiterals(s.slice(1, -1))
            : [s.startsWith('[[') ? s.slice(1) : s],
        );
        if (f.path === 'azuredeploy.json') expect(literals.some((l) => l === name || l.includes(name))).toBe(true);
        // No expression is made of the user's text: every expression starts with a known function.
        for (const s of strings) {
          if (s.startsWith('[') && !s.startsWith('[['))
            expect(s).toMatch(/^\[(parameters|resourceId|format|reference|subscription|resourceGroup)\(/);
        }
      }
    }
  });

  it('Terraform: parses as HCL and the name comes back as the same string', async () => {
    for (const plan of hostilePlans(name)) {
      for (const major of [4, 5] as const) {
        const files = terraformFiles(plan, { providerMajor: major, errors: ERR(name) });
        const strings: string[] = [];
        for (const f of files) {
          if (!f.path.endsWith('.tf')) continue;
          hclStrings(await parse(f.path, f.contents), strings);
        }
        // hcl2json keeps `$${` / `%%{` escapes as written; decode them to compare with the input.
        const decoded = strings.map((s) => s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
        expect(decoded.some((s) => s === name || s.includes(name))).toBe(true);
        // Nothing from the name became a live interpolation.
        for (const s of strings) expect(s).not.toMatch(/(^|[^$])\$\{file\(/);
      }
    }
  }, 60_000);

  it('Bicep: every string literal is well formed, and the name is one of them', () => {
    for (const plan of hostilePlans(name)) {
      for (const f of bicepFiles(plan, { errors: ERR(name) })) {
        const tokens = lexBicep(f.contents);
        for (const t of tokens.filter((t) => t.kind === 'code')) {
          expect(t.value).not.toContain(name.split('\n')[0]!.length > 3 ? name.split('\n')[0] : '\u0000');
        }
        if (f.path === 'main.bicep')
          expect(tokens.some((t) => t.kind === 'string' && t.value.includes(name))).toBe(true);
      }
    }
  });

  it('Azure CLI: bash -n accepts the script, and az receives the name as one whole value', () => {
    for (const plan of hostilePlans(name)) {
      const [script] = azcliFiles(plan, { errors: ERR(name) });
      const result = az.runScript(script!.contents);
      expect(result.syntax).toEqual({ status: 0, stderr: '' });
      expect(result.run).toEqual({ status: 0, stderr: '' });
      const values = result.calls.flatMap((c) => c.options.flatMap((o) => o.values));
      expect(values).toContain(name);
      // Never a word of its own that argparse could take for an option: wherever a word starting with
      // "-" holds the name, it is the exporter's own `--option=` followed by the value.
      for (const word of result.calls.flatMap((c) => c.argv)) {
        if (word.startsWith('-') && word.includes(name)) expect(word).toMatch(/^--[a-z-]+=/);
      }
    }
  }, 60_000);
});

describe.each(REFUSED)('a value no export writes: %j', (value, problem) => {
  it.each(EXPORT_FORMATS.map((f) => [f.id, f] as const))('%s refuses it, naming the problem', (_id, format) => {
    for (const plan of hostilePlans(value)) {
      let thrown: unknown;
      try {
        format.files(plan, { errors: ERR(value) });
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ExportRefusedError);
      expect((thrown as Error).message).toContain(`cannot be written safely: ${problem}.`);
    }
  });
});
