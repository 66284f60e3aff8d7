/**
 * Fuzzing every plan field that reaches an export with random strings: option-like (`--access=Allow`,
 * `-x`), control characters, shell metacharacters, template syntax and Unicode. Each plan is either
 * refused by validation, or exported with the value inert: ARM parses and holds it as a literal, Bicep
 * holds it in a string literal, Terraform parses, `bash -n` accepts deploy.sh, and a fake `az` running
 * the script receives it exactly once, as the value of its option, never as an option or in pieces.
 * A refused plan exported anyway (`--force`, "Export anyway") is refused by the exporters or inert too.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plan } from '../domain/plan';
import { planWith, privateInput, publicInput, strictNsg, SUB_A, type Edit } from '../rules/fixtures';
import { evaluate } from '../rules/index';
import { lexBicep } from './bicep-lex';
import { commentText } from './escape';
import { fakeAzDir, type AzCall } from './testing/fake-az';
import { EXPORT_FORMATS } from './index';
import { ExportRefusedError } from './safe-values';
import type { ExportFile } from './types';

interface Field {
  label: string;
  base: 'private' | 'public';
  edits: (value: string) => Edit[];
  /**
   * The az command and option that receive the value as given; null when no command line does.
   * `call` picks the one call among several of that command (by another option's value).
   */
  az: { command: string; option: string; call?: [option: string, value: string] } | null;
  /** true: some string literal is the value itself; false: a literal holds it inside a longer text. */
  whole: boolean;
  /** Whether the value reaches the Terraform files outside comments. */
  inTerraform: boolean;
  /** Values validation accepts (mostly), so that the export path is exercised too. */
  valid: fc.Arbitrary<string>;
  /** One value validation accepts. */
  example: string;
}

const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,12}[A-Za-z0-9_]$/);
/** Free text without control characters: shell metacharacters, quotes, template syntax, Unicode. */
const text = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom('$(touch pwned)', '`id`', '; rm -rf ~', ' | cat', ' && x', '"', "'", '\\', '*', '~', '#'),
      fc.constantFrom('${file("x")}', '%{ if x }', "[concat('a')]", '{a:b}', 'a=b', 'x=@f'),
      fc.constantFrom('日本', '😀', 'e\u0301', '\u1100\u1161', '\u{2f800}', 'ß', '\u202e'),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => `x${parts.join('')}`);

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 16 }),
  fc.constantFrom(
    '--access=Allow',
    '-x',
    '--',
    '-',
    '@/etc/passwd',
    "'quoted'",
    '??',
    'null',
    'x\u0000y',
    'x\u0001',
    'line\nbreak',
    'x\u000b',
    'x\u009f',
    'x\ud800',
    '\u202eevil',
    ' ',
    '',
  ),
  fc
    .tuple(
      fc.constantFrom('--access=Allow ', '-', '@', "'", ''),
      text,
      fc.constantFrom('', '\u0000', '\n', '\u001b[2J'),
    )
    .map(([a, b, c]) => a + b + c),
);

const NSG = 'access.delegatedSubnet.nsg';
/** strictNsg lets in only the app subnet: the plan declares the other two clients kept out. */
const withNsg = (edits: Edit[]): Edit[] => [
  [NSG, strictNsg],
  ['clients.1.intent', 'mustNotReach'],
  ['clients.2.intent', 'mustNotReach'],
  ...edits,
];

/** A route table on the app subnet of the server VNet (privateInput's vnet-a) with one route to the Internet. */
const routeTable = ({ name = 'rt-app', route = 'to-internet', prefix = '203.0.113.0/24' }): Edit[] => [
  [
    'access.routeTables',
    [{ name, vnet: 'vnet-a', subnets: ['snet-app'], routes: [{ name: route, prefix, nextHop: 'Internet' }] }],
  ],
];

const FIELDS: Field[] = [
  {
    label: 'plan name',
    example: 'Orders plan',
    base: 'private',
    edits: (v) => [['name', v]],
    az: null,
    whole: false,
    inTerraform: false,
    valid: text,
  },
  {
    label: 'NSG rule description',
    example: 'Deny the rest',
    base: 'private',
    edits: (v) => withNsg([[`${NSG}.rules.1.description`, v]]),
    az: { command: 'network nsg rule create', option: '--description', call: ['--name', 'allow-app-in'] },
    whole: true,
    inTerraform: true,
    valid: text,
  },
  {
    label: 'NSG rule name',
    example: 'allow-app-in-2',
    base: 'private',
    edits: (v) => withNsg([[`${NSG}.rules.1.name`, v]]),
    az: { command: 'network nsg rule create', option: '--name' },
    whole: true,
    inTerraform: true,
    valid: name,
  },
  {
    label: 'NSG source address',
    // Not VirtualNetwork: that would let in the two clients the plan keeps out (PGN-008).
    example: '10.2.0.0/16',
    base: 'private',
    edits: (v) => withNsg([[`${NSG}.rules.1.sourceAddresses`, [v, '10.0.1.0/24']]]),
    az: { command: 'network nsg rule create', option: '--source-address-prefixes', call: ['--name', 'allow-app-in'] },
    whole: true,
    inTerraform: true,
    valid: fc.constantFrom('VirtualNetwork', '10.2.0.0/16', 'Storage.westeurope', 'AzureCloud.EastUS', '192.168.1.7'),
  },
  {
    label: 'NSG destination port',
    example: '6432',
    base: 'private',
    edits: (v) => withNsg([[`${NSG}.rules.1.destinationPorts`, ['5432', v]]]),
    az: { command: 'network nsg rule create', option: '--destination-port-ranges', call: ['--name', 'allow-app-in'] },
    whole: true,
    inTerraform: true,
    valid: fc.oneof(
      fc.integer({ min: 0, max: 65535 }).map(String),
      fc.tuple(fc.nat(30000), fc.nat(30000)).map(([a, b]) => `${a}-${a + b}`),
    ),
  },
  {
    label: 'NSG name',
    example: 'nsg-pg',
    base: 'private',
    edits: (v) => withNsg([[`${NSG}.name`, v]]),
    az: { command: 'network nsg create', option: '--name' },
    whole: true,
    inTerraform: true,
    valid: name,
  },
  {
    label: 'VNet name',
    example: 'vnet-main',
    base: 'private',
    // The peerings name it too (privateInput: vnet-a ↔ vnet-b).
    edits: (v) => [
      ['access.vnet.name', v],
      ['access.peerings.0.from', v],
      ['access.peerings.1.to', v],
    ],
    az: { command: 'network vnet create', option: '--name' },
    whole: true,
    inTerraform: true,
    valid: name,
  },
  {
    label: 'subnet name',
    example: 'snet-web',
    base: 'private',
    edits: (v) => [
      ['access.vnet.subnets.0.name', v],
      ['clients.0.subnet', v],
    ],
    az: { command: 'network vnet subnet create', option: '--name' },
    whole: true,
    inTerraform: true,
    valid: name,
  },
  {
    label: 'peered VNet name',
    example: 'vnet-spoke',
    base: 'private',
    edits: (v) => [
      ['access.peeredVnets.0.name', v],
      ['clients.1.vnet', v],
      ['access.peerings.0.to', v],
      ['access.peerings.1.from', v],
    ],
    az: { command: 'network vnet show', option: '--name' },
    whole: true,
    inTerraform: true,
    valid: name,
  },
  {
    label: 'route table name',
    example: 'rt-app',
    base: 'private',
    edits: (v) => routeTable({ name: v }),
    az: { command: 'network route-table create', option: '--name' },
    whole: true,
    inTerraform: true,
    valid: name,
  },
  {
    label: 'route name',
    example: 'to-internet',
    base: 'private',
    edits: (v) => routeTable({ route: v }),
    az: { command: 'network route-table route create', option: '--name' },
    whole: true,
    inTerraform: true,
    valid: name,
  },
  {
    label: 'route destination',
    example: '203.0.113.0/24',
    base: 'private',
    edits: (v) => routeTable({ prefix: v }),
    az: { command: 'network route-table route create', option: '--address-prefix' },
    whole: true,
    inTerraform: true,
    valid: fc.constantFrom('0.0.0.0/0', '198.51.100.0/24', 'AzureActiveDirectory', 'Storage.WestEurope'),
  },
  {
    label: 'private DNS zone name',
    example: 'orders.postgres.database.azure.com',
    base: 'private',
    edits: (v) => [['access.privateDnsZone.name', v]],
    az: { command: 'network private-dns zone create', option: '--name' },
    whole: true,
    inTerraform: true,
    valid: fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/).map((l) => `${l}.postgres.database.azure.com`),
  },
  {
    label: 'resource group',
    example: 'rg-data',
    base: 'private',
    edits: (v) => [['servers.0.resourceGroup', v]],
    az: { command: 'postgres flexible-server create', option: '--resource-group' },
    whole: true,
    inTerraform: true,
    valid: fc
      .array(fc.constantFrom(...'aZ9_().-ä日ß'), { minLength: 1, maxLength: 12 })
      .map((cs) => `rg${cs.join('')}x`),
  },
  {
    label: 'subscription',
    example: '11111111-1111-1111-1111-111111111111',
    base: 'private',
    edits: (v) => [['servers.0.subscription', v]],
    az: { command: 'account set', option: '--subscription' },
    whole: false,
    inTerraform: true,
    valid: fc.oneof(fc.uuid(), text),
  },
  {
    label: 'peered VNet subscription',
    example: '22222222-2222-2222-2222-222222222222',
    base: 'private',
    edits: (v) => [['access.peeredVnets.0.subscription', v]],
    az: { command: 'network vnet show', option: '--subscription' },
    whole: false,
    inTerraform: true,
    valid: fc.oneof(fc.uuid(), text),
  },
  {
    label: 'firewall rule name',
    example: 'office-2',
    base: 'public',
    edits: (v) => [['access.firewallRules.0.name', v]],
    // The fake az reports 2.87.0, where the rule is `--name` (and the server `--server-name`).
    az: { command: 'postgres flexible-server firewall-rule create', option: '--name' },
    whole: true,
    inTerraform: true,
    valid: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{1,20}[A-Za-z0-9_]$/),
  },
  {
    label: 'firewall rule start address',
    example: '203.0.113.1',
    base: 'public',
    edits: (v) => [['access.firewallRules.0.startIp', v]],
    az: { command: 'postgres flexible-server firewall-rule create', option: '--start-ip-address' },
    whole: true,
    inTerraform: true,
    valid: fc.integer({ min: 0, max: 15 }).map((n) => `203.0.113.${n}`),
  },
  {
    label: 'region',
    example: 'norwayeast',
    base: 'public',
    edits: (v) => [['servers.0.region', v]],
    // deploy.sh keeps only its letters and digits, in $LOCATION.
    az: null,
    whole: true,
    inTerraform: true,
    // Programmatic names: a display name (WestEurope) is read as its programmatic name (PGN-010), not as given.
    valid: fc.constantFrom('westeurope', 'eastus2', 'swedencentral', 'norwayeast'),
  },
];

const planOf = (field: Field, value: string): Plan =>
  planWith(field.base === 'private' ? privateInput : publicInput, ...field.edits(value));

const isRefused = (plan: Plan) => evaluate(plan).some((f) => f.severity === 'error');

/** Every string of a JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const ARM_FUNCTIONS = /^\[(parameters|resourceId|format|reference|subscription|resourceGroup)\(/;

/** The literal values of an ARM template: plain strings (`[[` unescaped) and the literals inside expressions. */
function armLiterals(files: readonly ExportFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    for (const s of strings(JSON.parse(f.contents))) {
      if (s.startsWith('[[')) out.push(s.slice(1));
      else if (s.startsWith('[')) {
        // An expression: always one the exporter wrote, its literals quoted with '' for '.
        expect(s).toMatch(ARM_FUNCTIONS);
        for (const m of s.slice(1, -1).matchAll(/'((?:[^']|'')*)'/g)) out.push((m[1] as string).replace(/''/g, "'"));
      } else out.push(s);
    }
  }
  return out;
}

const holds = (literals: readonly string[], value: string, whole: boolean) =>
  whole ? literals.includes(value) : literals.some((l) => l.includes(value));

function exportAll(plan: Plan, options: Parameters<(typeof EXPORT_FORMATS)[number]['files']>[1]) {
  return Object.fromEntries(EXPORT_FORMATS.map((f) => [f.id, f.files(plan, options)])) as Record<
    (typeof EXPORT_FORMATS)[number]['id'],
    ExportFile[]
  >;
}

/** ARM and Bicep carry the value as data ('' is "not given": nothing to find). */
function checkTemplates(files: ReturnType<typeof exportAll>, field: Field, value: string): void {
  if (value === '') return;
  expect(holds(armLiterals(files.arm), value, field.whole), `ARM holds ${JSON.stringify(value)}`).toBe(true);
  const tokens = files.bicep.flatMap((f) => lexBicep(f.contents));
  // In a comment the value appears as `commentText` writes it (control characters become spaces).
  const inComment = commentText(value);
  const held = tokens.some((t) =>
    t.kind === 'string'
      ? holds([t.value], value, field.whole)
      : !field.whole && t.kind === 'comment' && t.value.includes(inComment),
  );
  expect(held, `Bicep holds ${JSON.stringify(value)}`).toBe(true);
}

/** The HCL strings of every .tf file, `$${` and `%%{` escapes decoded; no interpolation but the exporter's own. */
async function terraformStrings(files: readonly ExportFile[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files.filter((file) => file.path.endsWith('.tf'))) {
    for (const s of strings(await parse(f.path, f.contents))) {
      for (const m of s.matchAll(/(?<!\$)\$\{([^}]*)/g)) {
        // References to resources, providers, variables and locals, variable types (`type = string`), and the
        // server attributes a lifecycle block's ignore_changes names.
        expect(m[1]).toMatch(
          /^(azurerm(_[a-z_]+)?\.|var\.|local\.|data\.|string$|number$|bool$|zone$|high_availability\[0\]\.standby_availability_zone$)/,
        );
      }
      expect(s).not.toMatch(/(?<!%)%\{/);
      out.push(s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
    }
  }
  return out;
}

/** Commands and option names of each call: what a value must never change. */
const shape = (calls: readonly AzCall[]) => calls.map((c) => [c.command, ...c.options.map((o) => o.name)].join(' '));

const az = fakeAzDir();
afterAll(() => az.dispose());

describe('fuzz: every field that reaches an export', () => {
  it('each field with its example value makes a clean plan, so a refusal comes from the fuzzed value', () => {
    for (const field of FIELDS) {
      expect(
        evaluate(planOf(field, field.example)).filter((f) => f.severity === 'error'),
        field.label,
      ).toEqual([]);
    }
  });

  it(
    'refused by validation, or ARM and Bicep hold the value as data; exports anyway refuse or stay inert',
    {
      timeout: 120_000,
    },
    () => {
      const examples = FIELDS.flatMap((f, i) =>
        [f.example, 'x$(touch pwned)', '--access=Allow'].map((v): [[number, string]] => [[i, v]]),
      );
      fc.assert(
        fc.property(
          fc
            .integer({ min: 0, max: FIELDS.length - 1 })
            .chain((i) => fc.tuple(fc.constant(i), fc.oneof(FIELDS[i]!.valid, hostile))),
          ([i, value]) => {
            const field = FIELDS[i]!;
            const plan = planOf(field, value);
            const errors = evaluate(plan).filter((f) => f.severity === 'error');
            let files: ReturnType<typeof exportAll>;
            try {
              files = exportAll(plan, { errors });
            } catch (e) {
              // Only a plan validation refuses may be refused by the exporters, and only with their error.
              expect(errors.length, `${field.label} ${JSON.stringify(value)}: ${String(e)}`).toBeGreaterThan(0);
              expect(e).toBeInstanceOf(ExportRefusedError);
              return;
            }
            checkTemplates(files, field, value);
          },
        ),
        { numRuns: 400, examples },
      );
    },
  );

  /** A field and a value, mostly one validation accepts: these properties check the export path. */
  const acceptedMostly = fc
    .integer({ min: 0, max: FIELDS.length - 1 })
    .chain((i) =>
      fc.tuple(fc.constant(i), fc.oneof({ arbitrary: FIELDS[i]!.valid, weight: 3 }, { arbitrary: hostile, weight: 1 })),
    );
  const everyExample = FIELDS.map((f, i): [[number, string]] => [[i, f.example]]);

  it('Terraform parses and holds each accepted value as a string, with no interpolation of its own', async () => {
    // hcl2json is slow (tens of milliseconds a file): fewer runs than the checks above.
    await fc.assert(
      fc.asyncProperty(acceptedMostly, async ([i, value]) => {
        const field = FIELDS[i]!;
        const plan = planOf(field, value);
        if (isRefused(plan)) return;
        const tf = await terraformStrings(exportAll(plan, {}).terraform);
        if (field.inTerraform && value !== '')
          expect(holds(tf, value, field.whole), `Terraform holds ${JSON.stringify(value)}`).toBe(true);
      }),
      { numRuns: 30, examples: everyExample },
    );
  }, 240_000);

  it('bash -n passes, and a fake az receives each accepted value exactly once, as a value', () => {
    const baseline = new Map<Field, string[]>();
    const shapeOf = (field: Field) =>
      shape(az.runScript(exportAll(planOf(field, field.example), {}).azcli[0]!.contents).calls);
    fc.assert(
      fc.property(acceptedMostly, ([i, value]) => {
        const field = FIELDS[i]!;
        const plan = planOf(field, value);
        if (isRefused(plan)) return;
        const run = az.runScript(exportAll(plan, {}).azcli[0]!.contents);
        expect(run.syntax).toEqual({ status: 0, stderr: '' });
        expect(run.run).toEqual({ status: 0, stderr: '' });
        expect(existsSync(join(az.dir, 'pwned')), 'a value ran as a command').toBe(false);
        // '' means "not given" (the deployment's resource group, the current subscription), and a
        // subscription equal to the servers' one is the current one: the script then leaves it out.
        if (value === '' || (field.label.includes('subscription') && value === SUB_A)) return;
        // The value never adds, removes or renames an option: same commands and options as the example.
        const exampleShape = baseline.get(field) ?? shapeOf(field);
        baseline.set(field, exampleShape);
        expect(shape(run.calls)).toEqual(exampleShape);
        if (field.az === null) return;
        const { command, option, call } = field.az;
        const [pickBy, pickValue] = call ?? [option, value];
        const carrying = run.calls.filter(
          (c) => c.command === command && c.options.some((o) => o.name === pickBy && o.values.includes(pickValue)),
        );
        expect(carrying, `${field.label} ${JSON.stringify(value)}`).toHaveLength(1);
        const values = carrying[0]!.options.filter((o) => o.name === option).flatMap((o) => o.values);
        expect(values.filter((v) => v === value)).toHaveLength(1);
      }),
      { numRuns: 50, examples: everyExample },
    );
  }, 240_000);
});
