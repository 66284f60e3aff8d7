import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { V1_MIGRATED_PEERINGS } from '../share/testing/v1-fixtures';
import { editedExample, exampleText, memoryIo } from './testing';

const packageVersion = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Examples with known findings: no error finding in these examples (examples/README.md lists them). */
const clean = {
  'eight.json': exampleText('eight-subnets'),
  'hub.json': exampleText('hub-and-spoke'),
  'office.json': exampleText('public-office'),
  'endpoint.json': exampleText('private-endpoint-hub'),
};
/** public-office with an invalid server name: one error finding, PGN-001. */
const badName = editedExample('public-office', (doc) => {
  doc.servers[0]!.name = '-Bad_Name-';
});
const files = { ...clean, 'bad.json': badName, 'broken.json': '{ "formatVersion": 1,', 'array.json': '[]' };

async function run(argv: string[], stdin = '') {
  const t = memoryIo(files, stdin);
  const code = await main(argv, t.io);
  return { code, out: t.out.join('\n'), err: t.err, written: t.written };
}

describe('CLI: commands, options, help and version', () => {
  it('prints usage with --help or -h (exit 0); no command is exit 2 in one line', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await run([flag]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('pgflex-netplan validate PLAN.json… [--format text|json]');
      expect(r.out).toContain('A plan argument of - reads the plan from standard input.');
    }
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.out).toBe('');
    expect(none.err).toEqual([
      'pgflex-netplan: no command given. Commands: validate, export, dry-run, check-client, inventory-script, ' +
        'import, diff, share; ' +
        '--help explains them.',
    ]);
  });

  it('--version prints the version of package.json', async () => {
    const r = await run(['--version']);
    expect(r).toMatchObject({ code: 0, out: packageVersion, err: [] });
    expect(packageVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('COMMAND --help lists its options, exit 0; help COMMAND does the same', async () => {
    const a = await run(['export', '--help']);
    expect(a.code).toBe(0);
    expect(a.out).toContain('Usage: pgflex-netplan export PLAN.json --format arm|terraform|bicep|azcli --out DIR');
    expect(a.out).toMatch(/^ {2}--out DIR +The folder to write into; made if missing\.$/m);
    expect(a.out).toMatch(/^ {2}-h, --help +Print this help\.$/m);
    const b = await run(['help', 'export']);
    expect(b).toMatchObject({ code: 0, out: a.out });
  });

  it('an unknown option is exit 2 with one line naming it, before any plan is read', async () => {
    const cases: [string[], string][] = [
      [['validate', 'hub.json', '-x'], 'pgflex-netplan validate: Unknown option -x. Options: --format, --help.'],
      [['validate', '--colour', 'red', 'hub.json'], 'pgflex-netplan validate: Unknown option --colour.'],
      [['-x', 'validate', 'hub.json'], 'pgflex-netplan: Unknown option -x. Options: --help, --version.'],
      [['share', 'hub.json', '--short'], 'pgflex-netplan share: Unknown option --short. Options: --base, --help.'],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toContain(message);
    }
  });

  it('an unknown command or format value is exit 2 with one line', async () => {
    const a = await run(['explode']);
    expect(a).toMatchObject({ code: 2, out: '' });
    expect(a.err).toEqual([
      'pgflex-netplan: unknown command "explode". Commands: validate, export, dry-run, check-client, ' +
        'inventory-script, import, diff, share.',
    ]);
    const b = await run(['validate', 'hub.json', '--format', 'xml']);
    expect(b.code).toBe(2);
    expect(b.err).toEqual(['pgflex-netplan validate: --format must be one of text, json; got "xml".']);
  });

  it('-- ends the options: a file named like an option is read as a file', async () => {
    const t = memoryIo({ '-x.json': exampleText('hub-and-spoke') });
    expect(await main(['validate', '--', '-x.json'], t.io)).toBe(0);
    expect(t.out.join('\n')).toMatch(/^-x\.json: INFO PGN-002 /);
  });
});

describe('CLI validate: exit codes of known plans', () => {
  it.each(Object.keys(clean))('%s: exit 0, every line names the file', async (file) => {
    const r = await run(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    const lines = r.out.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines)
      expect(line).toMatch(new RegExp(`^${file.replace('.', '\\.')}: (WARNING|INFO) PGN-\\d{3} `));
  });

  it('a plan file of format 1 is migrated: validate and check-client say what they say of it in format 2', async () => {
    // The hub-and-spoke example as released in format 1 (each other VNet's `peering` flags, the hub's gateway
    // flags implied by the office's gatewayVnet), and the same plan written in format 2 by hand.
    const v1 = readFileSync(new URL('../share/fixtures/v1-hub-and-spoke.plan.json', import.meta.url), 'utf8');
    const doc = JSON.parse(v1) as { formatVersion: number; access: { peeredVnets: object[]; peerings?: unknown } };
    expect(doc.formatVersion).toBe(1);
    doc.formatVersion = 2;
    doc.access.peeredVnets = doc.access.peeredVnets.map(({ peering: _flags, ...vnet }: { peering?: unknown }) => vnet);
    doc.access.peerings = V1_MIGRATED_PEERINGS['v1-hub-and-spoke'];
    const t = memoryIo({ 'plan.json': v1, 'v2.json': JSON.stringify(doc) });
    const code = await main(['validate', 'plan.json'], t.io);
    const fromV1 = t.out.splice(0).join('\n');
    expect(fromV1).toMatch(/^plan\.json: /);
    expect(await main(['validate', 'v2.json'], t.io)).toBe(code);
    expect(t.out.splice(0).join('\n')).toBe(fromV1.replaceAll(/^plan\.json: /gm, 'v2.json: '));
    const check = (file: string) => main(['check-client', file, '--client', 'reporting-app', '--format', 'json'], t.io);
    expect(await check('plan.json')).toBe(await check('v2.json'));
    const [checkV1, checkV2] = t.out.splice(0);
    expect(checkV1).toBe(checkV2);
    expect(t.err).toEqual([]);
  });

  it('a plan with an error finding: exit 1, the error first', async () => {
    const r = await run(['validate', 'bad.json']);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toMatch(/^bad\.json: ERROR PGN-001 servers\.0\.name: Server name "-Bad_Name-" /);
  });

  it.each([
    ['missing.json', 'pgflex-netplan validate: missing.json: no such file.'],
    ['broken.json', 'pgflex-netplan validate: broken.json: not valid JSON at line 1, column 22'],
    ['array.json', 'pgflex-netplan validate: array.json: A plan is a JSON object'],
  ])('%s is not a plan: exit 2, one line that says where', async (file, message) => {
    const r = await run(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain(message);
    expect(r.err[0]).not.toMatch(/\n\s+at /);
  });

  it('no plan argument: exit 2', async () => {
    const r = await run(['validate', '--format', 'json']);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toEqual(['pgflex-netplan validate: No plan file given (a path, or - for standard input).']);
  });
});

describe('CLI validate: several files', () => {
  it('checks every file; the exit code is the worst of them', async () => {
    expect((await run(['validate', 'eight.json', 'hub.json', 'office.json'])).code).toBe(0);
    expect((await run(['validate', 'eight.json', 'bad.json', 'hub.json'])).code).toBe(1);
    expect((await run(['validate', 'bad.json', 'broken.json'])).code).toBe(2);
    expect((await run(['validate', 'broken.json', 'eight.json'])).code).toBe(2);
  });

  it('keeps going after a file that is not a plan, and says which file each line is about', async () => {
    const r = await run(['validate', 'broken.json', 'bad.json', 'eight.json', 'missing.json']);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(2);
    expect(r.err[0]).toMatch(/^pgflex-netplan validate: broken\.json: not valid JSON/);
    expect(r.err[1]).toBe('pgflex-netplan validate: missing.json: no such file.');
    const files1 = r.out.split('\n').map((l) => l.slice(0, l.indexOf(':')));
    expect(new Set(files1)).toEqual(new Set(['bad.json', 'eight.json']));
    expect(files1.indexOf('eight.json')).toBeGreaterThan(files1.lastIndexOf('bad.json'));
    expect(r.out).toMatch(/^bad\.json: ERROR PGN-001 /m);
    expect(r.out).toMatch(/^eight\.json: INFO PGN-110 access\.vnet\.name: .*"vnet-platform"/m);
  });

  it('--format json: one array of findings, each with the file it belongs to', async () => {
    const r = await run(['validate', 'bad.json', 'eight.json', '--format', 'json']);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out) as { file: string; ruleId: string; severity: string; path: string }[];
    expect(Object.keys(findings[0]!)).toEqual(['file', 'ruleId', 'severity', 'message', 'path', 'docs']);
    expect(findings[0]).toMatchObject({ file: 'bad.json', ruleId: 'PGN-001', severity: 'error' });
    expect(findings.filter((f) => f.file === 'eight.json').map((f) => f.ruleId)).toEqual([
      'PGN-002',
      'PGN-003',
      'PGN-113',
      'PGN-110',
    ]);
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(['bad.json', 'eight.json']));
  });
});

describe('CLI: - reads the plan from standard input', () => {
  it('validate - gives what validate FILE gives, with (stdin) for the file', async () => {
    const fromFile = await run(['validate', 'bad.json']);
    const fromStdin = await run(['validate', '-'], badName);
    expect(fromStdin.code).toBe(1);
    expect(fromStdin.out).toBe(fromFile.out.replaceAll(/^bad\.json: /gm, '(stdin): '));
  });

  it('works for check-client and share; standard input may be named once only', async () => {
    const hub = exampleText('hub-and-spoke');
    const check = await run(['check-client', '-', '--client', 'reporting-app'], hub);
    expect(check.code).toBe(0);
    expect(check.out.split('\n')[0]).toMatch(/^reporting-app: REACHABLE /);
    const share = await run(['share', '-'], hub);
    expect(share.code).toBe(0);
    expect(share.out).toMatch(/^http:\/\/localhost:5173\/#p1\./);
    const twice = await run(['validate', '-', '-'], hub);
    expect(twice.code).toBe(2);
    expect(twice.err).toEqual(['pgflex-netplan validate: Standard input (-) can be read only once.']);
  });

  it('empty standard input is exit 2 with one line', async () => {
    const r = await run(['validate', '-'], '');
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['pgflex-netplan validate: (stdin): The file is empty.']);
  });
});

/** Control characters, DEL, C1 and the bidirectional overrides: none may reach the terminal raw. */
// eslint-disable-next-line no-control-regex -- what the test looks for
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = 'vnet\u001b]0;owned\u0007\u001b[2J\u001b[1A\rPASS\u0001\u000b\u0000\u009b31m\u202e\u2028x';

describe('CLI output escapes control characters', () => {
  const hostile = editedExample('hub-and-spoke', (doc) => {
    doc.name = HOSTILE;
    doc.access.vnet!.name = HOSTILE;
    doc.clients[0]!.name = HOSTILE;
  });

  it('validate text: escaped as \\uXXXX, one line per finding', async () => {
    const t = memoryIo({ 'h.json': hostile });
    await main(['validate', 'h.json'], t.io);
    const out = t.out.join('\n');
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toContain(
      'vnet\\u001b]0;owned\\u0007\\u001b[2J\\u001b[1A\\u000dPASS\\u0001\\u000b\\u0000\\u009b31m\\u202e\\u2028x',
    );
    for (const line of out.split('\n')) expect(line).toMatch(/^h\.json: (ERROR|WARNING|INFO) PGN-\d{3} /);
  });

  it('validate json: valid JSON that gives back the exact name, with no raw control character', async () => {
    const t = memoryIo({ 'h.json': hostile });
    await main(['validate', 'h.json', '--format', 'json'], t.io);
    const out = t.out.join('\n');
    expect(out).not.toMatch(RAW_CONTROL);
    const findings = JSON.parse(out) as { message: string }[];
    expect(findings.some((f) => f.message.includes(HOSTILE))).toBe(true);
  });

  it('check-client text and json, and the one-line errors on stderr', async () => {
    const text = memoryIo({ 'h.json': hostile });
    await main(['check-client', 'h.json', '--client', HOSTILE], text.io);
    expect(text.err).toEqual([]);
    const out = text.out.join('\n');
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out.split('\n')[0]).toMatch(/^vnet\\u001b\]0;owned\\u0007\\u001b\[2J/);
    const json = memoryIo({ 'h.json': hostile });
    await main(['check-client', 'h.json', '--client', HOSTILE, '--format', 'json'], json.io);
    expect(json.out.join('\n')).not.toMatch(RAW_CONTROL);
    expect((JSON.parse(json.out.join('\n')) as { client: string }).client).toBe(HOSTILE);
    const unknown = memoryIo({ 'h.json': hostile });
    expect(await main(['check-client', 'h.json', '--client', `${HOSTILE}!`], unknown.io)).toBe(2);
    expect(unknown.err).toHaveLength(1);
    expect(unknown.err[0]).not.toMatch(RAW_CONTROL);
    expect(unknown.err[0]).toContain('No client named "vnet\\u001b]0;owned');
  });

  it('names of files and commands given on the command line are escaped too', async () => {
    const a = memoryIo({});
    expect(await main(['validate', 'x\u001b[2J.json'], a.io)).toBe(2);
    expect(a.err).toEqual(['pgflex-netplan validate: x\\u001b[2J.json: no such file.']);
    const b = memoryIo({});
    expect(await main(['\u009b2J'], b.io)).toBe(2);
    expect(b.err[0]).not.toMatch(RAW_CONTROL);
  });
});
