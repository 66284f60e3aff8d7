/** PGN-009: Azure's naming rules per resource type, derived peering names, and control characters in any text. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/finding';
import type { Plan } from '../../domain/plan';
import { nsgRule, privatePlan, publicPePlan, publicPlan, strictNsg, privateInput } from '../fixtures';
import { evaluate } from '../index';
import { PlanSchema } from '../plan-schema';
import { setIn } from '../../domain/paths';

const of = (plan: Plan, ruleId = 'PGN-009'): Finding[] => evaluate(plan).filter((f) => f.ruleId === ruleId);
const messages = (plan: Plan) => of(plan).map((f) => [f.path, f.message]);

const VNET_RULE =
  '2–64 letters, digits, _, . and -, starting with a letter or digit and ending with a letter, digit or _';
const CHILD_RULE = (n: number) =>
  `1–${n} letters, digits, _, . and -, starting with a letter or digit and ending with a letter, digit or _`;

describe('PGN-009 VNet names (2–64)', () => {
  it.each(['ab', 'a'.repeat(64), 'vnet-a_', 'VNet.Orders-1'])('%s passes', (name) => {
    expect(of(privatePlan(['access.vnet.name', name]))).toEqual([]);
  });
  it.each([
    ['a', 'it has 1 character (at least 2)', 'vnet-postgres-a'],
    ['a'.repeat(65), 'it has 65 characters (at most 64)', 'a'.repeat(64)],
    ['-vnet', 'it starts with "-"', 'vnet'],
    ['vnet.', 'it ends with "."', 'vnet'],
    ['vnet a;b', 'it contains a space, ";"', 'vnet-a-b'],
  ])('%j fails: %s', (name, problem, suggestion) => {
    expect(messages(privatePlan(['access.vnet.name', name]))).toEqual([
      ['access.vnet.name', `VNet name "${name}" is not valid: ${problem}. Use ${VNET_RULE}, e.g. "${suggestion}".`],
    ]);
  });

  it('says an empty name is empty, without quoting nothing (issue 18, item 7)', () => {
    expect(messages(privatePlan(['access.vnet.name', '']))).toEqual([
      ['access.vnet.name', `VNet name is empty. Use ${VNET_RULE}, e.g. "vnet-postgres".`],
    ]);
  });

  it('names a control character by its code point, never printing it raw (issue 14, item 6)', () => {
    const [f] = of(privatePlan(['access.vnet.name', 'vnet\u0001a']));
    expect(f?.message).toBe(
      'VNet name "vnet\\u0001a" is not valid: it contains the control character U+0001. ' +
        `Use ${VNET_RULE}, e.g. "vnet-a".`,
    );
    expect(of(privatePlan(['access.vnet.name', 'nul\u0000byte']))[0]?.message).toContain(
      'it contains the control character U+0000',
    );
  });

  it('checks peered VNets the same way', () => {
    expect(messages(privatePlan(['access.peeredVnets.0.name', 'vnet-b-']))).toEqual([
      [
        'access.peeredVnets.0.name',
        `VNet name "vnet-b-" is not valid: it ends with "-". Use ${VNET_RULE}, e.g. "vnet-b".`,
      ],
    ]);
  });
});

describe('PGN-009 subnets, NSG, NSG rules, private endpoints', () => {
  it('subnet names: 1 and 80 characters pass, 81 fail', () => {
    expect(of(privatePlan(['access.vnet.subnets.0.name', 'a']))).toEqual([]);
    expect(of(privatePlan(['access.delegatedSubnet.name', 's'.repeat(80)]))).toEqual([]);
    expect(messages(privatePlan(['access.delegatedSubnet.name', 's'.repeat(81)]))).toEqual([
      [
        'access.delegatedSubnet.name',
        `Subnet name "${'s'.repeat(81)}" is not valid: it has 81 characters (at most 80). ` +
          `Use ${CHILD_RULE(80)}, e.g. "${'s'.repeat(80)}".`,
      ],
    ]);
    expect(of(privatePlan(['access.vnet.subnets.0.name', 'snet app'])).map((f) => f.path)).toEqual([
      'access.vnet.subnets.0.name',
    ]);
  });

  it('the NSG and each of its rules', () => {
    const plan = privatePlan([
      'access.delegatedSubnet.nsg',
      { name: 'nsg pg', rules: [nsgRule('ok_', 100, 'Inbound', 'Allow'), nsgRule('_deny', 200, 'Inbound', 'Deny')] },
    ]);
    expect(messages(plan)).toEqual([
      [
        'access.delegatedSubnet.nsg.name',
        `NSG name "nsg pg" is not valid: it contains a space. Use ${CHILD_RULE(80)}, e.g. "nsg-pg".`,
      ],
      [
        'access.delegatedSubnet.nsg.rules.1.name',
        `NSG rule name "_deny" is not valid: it starts with "_". Use ${CHILD_RULE(80)}, e.g. "deny".`,
      ],
    ]);
    expect(of(privatePlan(['access.delegatedSubnet.nsg', strictNsg]))).toEqual([]);
  });

  it('private endpoint names are 2–64 (PGN-112 refuses them in private access; the name is checked too)', () => {
    expect(of(privatePlan(['access.privateEndpoints', [{ name: 'pe' }]]))).toEqual([]);
    expect(of(privatePlan(['access.privateEndpoints', [{ name: 'p' }]])).map((f) => f.path)).toEqual([
      'access.privateEndpoints.0.name',
    ]);
  });

  it("public access: the endpoints' names and resource groups, the VNets, their subnets and peerings", () => {
    expect(of(publicPePlan())).toEqual([]);
    const plan = publicPePlan(
      ['access.privateEndpoints.0.name', 'pe;pg'],
      ['access.privateEndpoints.0.resourceGroup', 'rg.'],
      ['access.peeredVnets.0.name', 'v'],
      ['access.peeredVnets.1.subnets.0.name', 'snet app'],
      ['access.peerings.0', { from: 'v'.repeat(40), to: 'w'.repeat(40) }],
    );
    expect(of(plan).map((f) => f.path)).toEqual([
      'access.peeredVnets.0.name',
      'access.peeredVnets.1.subnets.0.name',
      'access.peerings.0',
      'access.privateEndpoints.0.name',
      'access.privateEndpoints.0.resourceGroup',
    ]);
    expect(messages(plan)[3]?.[1]).toMatch(/^Private endpoint name "pe;pg" is not valid: it contains ";"/);
  });
});

describe('PGN-009 resource groups (1–90, Unicode letters, no trailing period, no leading hyphen)', () => {
  it.each(['rg', 'rg-orders(data).v2', 'rg_ÄÖÜ-日本', 'r'.repeat(90), '(rg)'])('%s passes', (rg) => {
    expect(of(publicPlan(['servers.0.resourceGroup', rg]))).toEqual([]);
  });

  it('an empty resource group means the deployment one, and passes', () => {
    expect(of(privatePlan(['access.vnet.resourceGroup', '']))).toEqual([]);
  });

  it('refuses the copy-paste injection of issue 14 (item 2), naming every bad character', () => {
    expect(messages(publicPlan(['servers.0.resourceGroup', 'rg-orders-data; touch pwned; #']))).toEqual([
      [
        'servers.0.resourceGroup',
        'Resource group name "rg-orders-data; touch pwned; #" is not valid: it contains ";", a space, "#". ' +
          'Use 1–90 letters, digits, _, ., (, ) and -, starting with a character other than - and ending with a ' +
          'character other than ., e.g. "rg-orders-data-touch-pwned-".',
      ],
    ]);
  });

  it.each([
    ['rg.', 'it ends with "."'],
    ['-rg', 'it starts with "-"'],
    ['r'.repeat(91), 'it has 91 characters (at most 90)'],
    ['rg\u000bx', 'it contains the control character U+000B'],
    ['e\u0301', 'it contains "\u0301"'],
  ])('%j fails: %s', (rg, problem) => {
    const [f] = of(privatePlan(['access.peeredVnets.0.resourceGroup', rg]));
    expect(f?.path).toBe('access.peeredVnets.0.resourceGroup');
    expect(f?.message).toContain(`is not valid: ${problem}.`);
  });

  it('Unicode letters in normalization form C only: Terraform would write decomposed text differently', () => {
    const decomposed = 'rg-\u1100\u1161'; // Hangul jamo, as macOS file names hold them
    expect(of(publicPlan(['servers.0.resourceGroup', decomposed]))[0]?.message).toBe(
      'Resource group name "rg-\u1100\u1161" is not valid: it is not in Unicode normalization form C, so ' +
        'Terraform would write it as "rg-\uac00" while the other exports keep it as typed; write "rg-\uac00". ' +
        'Use 1–90 letters, digits, _, ., (, ) and -, starting with a character other than - and ending with a ' +
        'character other than ., e.g. "rg-\uac00".',
    );
    expect(of(publicPlan(['servers.0.resourceGroup', decomposed.normalize('NFC')]))).toEqual([]);
  });

  it('checks every resource group field of the plan', () => {
    const plan = privatePlan(
      ['servers.0.resourceGroup', 'a b'],
      ['access.vnet.resourceGroup', 'a b'],
      ['access.privateDnsZone.resourceGroup', 'a b'],
      ['access.peeredVnets.0.resourceGroup', 'a b'],
    );
    expect(of(plan).map((f) => f.path)).toEqual([
      'access.peeredVnets.0.resourceGroup',
      'access.privateDnsZone.resourceGroup',
      'access.vnet.resourceGroup',
      'servers.0.resourceGroup',
    ]);
  });
});

describe('PGN-009 names the exports derive: peerings <VNet>-to-<VNet> (at most 80)', () => {
  const long = (n: number) => `v${'n'.repeat(n - 1)}`;
  it('two VNet names whose peering name has 80 characters pass; 81 fail at the peered VNet', () => {
    // 38 + "-to-" (4) + 38 = 80.
    const renamed = (a: string, b: string) =>
      privatePlan(['access.vnet.name', a], ['access.peeredVnets.0.name', b], ['access.peerings', [{ from: a, to: b }]]);
    expect(of(renamed(long(38), long(38)))).toEqual([]);
    expect(messages(renamed(long(38), long(39)))).toEqual([
      [
        'access.peerings.0',
        `The peering from VNet "${long(38)}" to "${long(39)}" is named "${long(38)}-to-${long(39)}" in the ` +
          'exports (<VNet>-to-<VNet>), which has 81 characters; Azure allows at most 80 for a peering name. ' +
          'Shorten the two VNet names by 1 characters together.',
      ],
    ]);
  });

  it('no peering resource, no peering name', () => {
    const plan = privatePlan(
      ['access.vnet.name', long(60)],
      ['access.peeredVnets.0.name', long(60)],
      ['access.peeredVnets.0.peering', { fromServerVnet: false, toServerVnet: false }],
    );
    expect(of(plan)).toEqual([]);
  });
});

describe('PGN-009 control characters in text that no naming rule covers (issue 14, item 6)', () => {
  it('the plan name', () => {
    expect(messages(privatePlan(['name', 'Orders\u0001 plan']))).toEqual([
      [
        'name',
        'Plan name "Orders\\u0001 plan" contains the control character U+0001: such characters break the ' +
          'exported files, the diagram and terminals. Remove it.',
      ],
    ]);
  });

  it('an unpaired surrogate (no file can store it: it would turn into U+FFFD on the way)', () => {
    expect(of(privatePlan(['name', 'Orders \ud800']))[0]?.message).toBe(
      'Plan name "Orders \\ud800" contains the unpaired surrogate U+D800: such characters break the ' +
        'exported files, the diagram and terminals. Remove it.',
    );
    expect(of(privatePlan(['name', 'Orders \ud83d\ude00']))).toEqual([]);
  });

  it('client names, regions, on-premises names and other references, each at its own path', () => {
    const plan = privatePlan(
      ['clients.0.name', 'app\u000b'],
      ['clients.1.address', '10.1.0.4\u0000'],
      ['servers.0.region', 'westeurope\u009f'],
      ['access.onPremises.0.name', 'office\u007f'],
    );
    expect(messages(plan).map(([path, message]) => [path, message?.split(':')[0]])).toEqual([
      ['access.onPremises.0.name', 'On-premises site name "office\\u007f" contains the control character U+007F'],
      ['clients.0.name', 'Client name "app\\u000b" contains the control character U+000B'],
      [
        'clients.1.address',
        'The address "10.1.0.4\\u0000" of client "spoke-app" contains the control character U+0000',
      ],
      ['servers.0.region', 'The region "westeurope\\u009f" of server "pg-test" contains the control character U+009F'],
    ]);
  });

  it('subscriptions reach command lines: a leading "-", "@" or a control character is refused', () => {
    expect(messages(privatePlan(['servers.0.subscription', '--query=x']))).toEqual([
      [
        'servers.0.subscription',
        'The subscription "--query=x" of server "pg-test" cannot be used: it starts with "-", which a command ' +
          'line reads as an option. Give the subscription ID (a GUID, PGN-012).',
      ],
    ]);
    expect(of(privatePlan(['access.peeredVnets.0.subscription', '@/etc/passwd']))[0]?.message).toContain(
      'it starts with "@", which the Azure CLI reads as a file to load',
    );
    expect(of(privatePlan(['access.privateDnsZone.subscription', 'My subscription (dev)']))).toEqual([]);
    expect(of(privatePlan(['servers.0.subscription', 'Cafe\u0301']))[0]?.message).toBe(
      'The subscription "Cafe\u0301" of server "pg-test" cannot be used: it is not in Unicode normalization form ' +
        'C, so Terraform would write it as "Caf\u00e9" while the other exports keep it as typed; write ' +
        '"Caf\u00e9". Give the subscription ID (a GUID, PGN-012).',
    );
    expect(of(publicPlan(['servers.0.region', 'we\u0301steurope'])).map((f) => f.path)).toEqual(['servers.0.region']);
  });

  it('fields another error rule refuses are reported there, once (no PGN-009 finding)', () => {
    const plan = privatePlan(
      ['servers.0.name', 'pg\u0001'],
      ['access.privateDnsZone.name', 'a\u0001.postgres.database.azure.com'],
      ['access.vnet.addressSpaces', ['10.0.0.0/16\u0001']],
      [
        'access.delegatedSubnet.nsg',
        { ...strictNsg, rules: [nsgRule('r', 100, 'Inbound', 'Allow', { destinationPorts: ['5432\u0001'] })] },
      ],
    );
    expect(of(plan)).toEqual([]);
    expect(of(plan, 'PGN-001').map((f) => f.path)).toEqual(['servers.0.name']);
    expect(of(plan, 'PGN-131').map((f) => f.path)).toEqual(['access.privateDnsZone.name']);
    expect(of(plan, 'PGN-125').map((f) => f.path)).toEqual(['access.delegatedSubnet.nsg.rules.0.destinationPorts.0']);
  });

  it('keeps firewall rule names to PGN-207 (no double report)', () => {
    const plan = publicPlan(['access.firewallRules.0.name', 'office\u0001']);
    expect(of(plan)).toEqual([]);
    expect(of(plan, 'PGN-207').map((f) => f.path)).toEqual(['access.firewallRules.0.name']);
  });
});

describe('PGN-009 covers the name of every VNet and subnet of the plan', () => {
  // The plan names VNets in two places (the server VNet, the other VNets) and subnets in two (the server VNet's
  // subnets, the delegated subnet); the other VNets carry no subnets in the plan.
  it.each([
    ['access.vnet.name', '-my vnet!'],
    ['access.peeredVnets.0.name', '-my vnet!'],
    ['access.vnet.subnets.0.name', 'snet/postgres'],
    ['access.delegatedSubnet.name', 'snet/postgres'],
  ])('%s = %j fails, and PlanSchema (which gates validate and export) rejects it', (path, name) => {
    expect(of(privatePlan([path, name])).map((f) => f.path)).toEqual([path]);
    const result = PlanSchema.safeParse(setIn(privateInput, path, name));
    const issue = result.error?.issues.find((i) => i.path.join('.') === path);
    expect((issue as { params?: { ruleId?: string } } | undefined)?.params?.ruleId).toBe('PGN-009');
  });
});

describe('PGN-009 through the plan schema', () => {
  it('PlanSchema rejects a bad name with the rule ID in the issue', () => {
    const result = PlanSchema.safeParse(setIn(privateInput, 'access.vnet.name', 'vnet\u0001'));
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'access.vnet.name');
    expect((issue as { params?: { ruleId?: string } } | undefined)?.params?.ruleId).toBe('PGN-009');
  });
});

describe('PGN-009 text of any field, across edits of one plan', () => {
  it('an edit deep in a plan already checked is checked, and the plan before it keeps its answer', () => {
    const before = privatePlan();
    expect(of(before).filter((f) => f.path.startsWith('clients.'))).toEqual([]);
    const edited = setIn(before, 'clients.0.name', 'app\u0007');
    expect(of(edited).map((f) => f.path)).toContain('clients.0.name');
    // The unchanged plan, checked again after the edit, still has no finding there.
    expect(of(before).filter((f) => f.path.startsWith('clients.'))).toEqual([]);
    // Undoing the edit, in a new copy, removes the finding again.
    const undone = setIn(edited, 'clients.0.name', 'app');
    expect(of(undone).filter((f) => f.path.startsWith('clients.'))).toEqual([]);
    // A control character in another part of the edited plan is found beside it.
    const both = setIn(edited, 'servers.0.region', 'westeurope\u0000');
    expect(of(both).map((f) => f.path)).toEqual(expect.arrayContaining(['clients.0.name', 'servers.0.region']));
  });
});
