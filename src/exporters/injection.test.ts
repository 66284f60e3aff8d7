/**
 * The injections issue 14 found (items 1, 2 and the NUL byte of item 6): validation refuses each
 * plan, and the exports, which `export --force` and "Export anyway" reach without validation, never
 * let the value act as anything but data.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plan } from '../domain/plan';
import { evaluate } from '../rules/index';
import { nsgRule, privatePlan, publicPlan, type Edit } from '../rules/fixtures';
import { armTemplate } from './arm/index';
import { azcliFiles } from './azcli/index';
import { bicepFiles } from './bicep/index';
import { fakeAzDir } from './testing/fake-az';
import { EXPORT_FORMATS } from './index';
import { ExportRefusedError } from './safe-values';

const az = fakeAzDir();
afterAll(() => az.dispose());

const errorsOf = (plan: Plan) => evaluate(plan).filter((f) => f.severity === 'error');

/** The edits that rename the fixture's server VNet, in its peerings with vnet-b too. */
const serverVnetNamed = (name: string): Edit[] => [
  ['access.vnet.name', name],
  ['access.peerings.0.from', name],
  ['access.peerings.1.to', name],
];

function refusal(plan: Plan, formatId: string): unknown {
  const format = EXPORT_FORMATS.find((f) => f.id === formatId);
  try {
    format?.files(plan, { errors: errorsOf(plan) });
  } catch (e) {
    return e;
  }
  return null;
}

/** An NSG that denies every client: the plan declares them kept out, so the NSG is its only subject. */
const denyRule = (extra: Record<string, unknown>) =>
  privatePlan(
    [
      'access.delegatedSubnet.nsg',
      { name: 'nsg-pg', rules: [nsgRule('deny-all', 4000, 'Inbound', 'Deny', { protocol: '*', ...extra })] },
    ],
    ['clients.0.intent', 'mustNotReach'],
    ['clients.1.intent', 'mustNotReach'],
    ['clients.2.intent', 'mustNotReach'],
  );

describe('item 1: argument injection into deploy.sh', () => {
  it.each([
    ['destinationPorts', ['*', '--access=Allow']],
    ['sourceAddresses', ['*', '--access=Allow']],
  ])('%s %j: refused by PGN-125 and by every exporter', (field, values) => {
    const plan = denyRule({ [field]: values });
    expect(errorsOf(plan).map((f) => [f.ruleId, f.path])).toEqual([
      ['PGN-125', `access.delegatedSubnet.nsg.rules.0.${field}.1`],
    ]);
    for (const format of EXPORT_FORMATS) {
      const e = refusal(plan, format.id);
      expect(e, format.id).toBeInstanceOf(ExportRefusedError);
      expect((e as Error).message).toContain('"--access=Allow" cannot be written safely: it starts with "-"');
    }
  });

  it('a name starting with "-" is refused by PGN-009 and by every exporter', () => {
    const plan = privatePlan(...serverVnetNamed('-vnet'));
    expect(errorsOf(plan).map((f) => [f.ruleId, f.path])).toEqual([['PGN-009', 'access.vnet.name']]);
    for (const format of EXPORT_FORMATS) expect(refusal(plan, format.id), format.id).toBeInstanceOf(ExportRefusedError);
  });

  it('a valid Deny rule reaches az as --access=Deny, with every address and port a value of its own option', () => {
    const plan = denyRule({ sourceAddresses: ['10.1.0.0/16', 'VirtualNetwork'], destinationPorts: ['5432', '6432'] });
    expect(errorsOf(plan)).toEqual([]);
    const run = az.runScript(azcliFiles(plan)[0]!.contents);
    expect(run.run).toEqual({ status: 0, stderr: '' });
    const rules = run.calls.filter((c) => c.command === 'network nsg rule create');
    expect(rules).toHaveLength(1);
    const options = Object.fromEntries(rules[0]!.options.map((o) => [o.name, o.values]));
    expect(options['--access']).toEqual(['Deny']);
    expect(options['--source-address-prefixes']).toEqual(['10.1.0.0/16', 'VirtualNetwork']);
    expect(options['--destination-port-ranges']).toEqual(['5432', '6432']);
    expect(rules[0]!.options.filter((o) => o.name === '--access')).toHaveLength(1);
  });
});

describe('item 2: copy-paste command injection through the suggested deploy command', () => {
  const rg = 'rg-orders-data; touch pwned; #';
  const plan = publicPlan(['servers.0.resourceGroup', rg]);

  it('validation refuses the resource group (PGN-009)', () => {
    expect(errorsOf(plan).map((f) => [f.ruleId, f.path])).toEqual([['PGN-009', 'servers.0.resourceGroup']]);
  });

  /** Runs a suggested command the way a user pastes it into bash, placeholders filled in. */
  function paste(command: string) {
    const run = az.runScript(`set -eu\n${command.replace('<password>', 'secret')}\n`);
    expect(run.run?.status).toBe(0);
    expect(existsSync(join(az.dir, 'pwned'))).toBe(false);
    expect(run.calls).toHaveLength(1);
    return run.calls[0]!;
  }

  it('ARM metadata.deploy quotes it: pasted, az gets the whole name as resource group, nothing else runs', () => {
    const deploy = (armTemplate(plan, { errors: errorsOf(plan) }).metadata as { deploy: string }).deploy;
    expect(deploy).toContain(`--resource-group 'rg-orders-data; touch pwned; #' --template-file azuredeploy.json`);
    const call = paste(deploy);
    expect(call.command).toBe('deployment group create');
    expect(call.options.find((o) => o.name === '--resource-group')?.values).toEqual([rg]);
    expect(call.options.find((o) => o.name === '--template-file')?.values).toEqual(['azuredeploy.json']);
  });

  it('the Bicep "// Deploy:" line quotes it the same way', () => {
    const main = bicepFiles(plan, { errors: errorsOf(plan) }).find((f) => f.path === 'main.bicep')!.contents;
    const line = /^\/\/ Deploy: (.*) \(set PGADMIN_PASSWORD first\)$/m.exec(main)?.[1] ?? '';
    const call = paste(line);
    expect(call.options.find((o) => o.name === '--resource-group')?.values).toEqual([rg]);
    expect(call.options.find((o) => o.name === '--template-file')?.values).toEqual(['main.bicep']);
  });

  it('a resource group that looks like another file name is not rewritten in the Bicep line', () => {
    const main = bicepFiles(publicPlan(['servers.0.resourceGroup', 'azuredeploy.json'])).find(
      (f) => f.path === 'main.bicep',
    )!.contents;
    expect(main).toContain("// Deploy: az deployment group create --resource-group 'azuredeploy.json' --template-file");
  });
});

describe('item 6: a NUL byte never reaches deploy.sh', () => {
  const plan = privatePlan(...serverVnetNamed('nul\u0000byte'));

  it('validation names the character (PGN-009), on the VNet and where its peerings name it', () => {
    const errors = errorsOf(plan);
    expect(errors.find((f) => f.path === 'access.vnet.name')).toMatchObject({
      ruleId: 'PGN-009',
      message:
        'VNet name "nul\\u0000byte" is not valid: it contains the control character U+0000. Use 2–64 letters, ' +
        'digits, _, . and -, starting with a letter or digit and ending with a letter, digit or _, e.g. "nul-byte".',
    });
    expect(errors.map((f) => f.path).sort()).toEqual([
      'access.peerings.0.from',
      'access.peerings.1.to',
      'access.vnet.name',
    ]);
    for (const f of errors) expect(f.message).toContain('the control character U+0000');
  });

  it('every exporter refuses the plan instead of writing a file bash would read as "nulbyte"', () => {
    for (const format of EXPORT_FORMATS) {
      const e = refusal(plan, format.id);
      expect(e, format.id).toBeInstanceOf(ExportRefusedError);
      expect((e as Error).message).toBe(
        'Not exported: the VNet name "nul\\u0000byte" cannot be written safely: it contains the control character ' +
          'U+0000. Fix the plan first; validating it shows the rule and the field.',
      );
    }
  });
});
