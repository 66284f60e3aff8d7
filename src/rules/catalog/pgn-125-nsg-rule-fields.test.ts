/** PGN-125: every NSG rule field is an address, CIDR, `*`, service tag or port Azure accepts, and never an option. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/finding';
import { haRuleTemplates } from '../../domain/nsg-templates';
import { setIn } from '../../domain/paths';
import type { Plan } from '../../domain/plan';
import { privateEndpointHubPlan } from '../../domain/testing/private-endpoint-plans';
import { nsgRule, planWith, privateInput, privatePlan, publicPlan } from '../fixtures';
import { evaluate } from '../index';
import { PlanSchema } from '../plan-schema';

const of = (plan: Plan, ruleId = 'PGN-125'): Finding[] => evaluate(plan).filter((f) => f.ruleId === ruleId);

/** A plan whose NSG has one inbound Deny rule with these fields. */
const withRule = (extra: Record<string, unknown>) =>
  privatePlan([
    'access.delegatedSubnet.nsg',
    { name: 'nsg-pg', rules: [nsgRule('deny-in', 4000, 'Inbound', 'Deny', extra)] },
  ]);

const RULE = 'access.delegatedSubnet.nsg.rules.0';
const REGIONAL = 'regional service tags are written like Storage.westeurope';

describe('PGN-125 the inputs issue 14 found accepted', () => {
  it('"--access=Allow" in the destination ports (the Deny rule deployed as Allow), item 1', () => {
    expect(of(withRule({ destinationPorts: ['*', '--access=Allow'] })).map((f) => [f.path, f.message])).toEqual([
      [
        `${RULE}.destinationPorts.1`,
        'The destination port "--access=Allow" of NSG rule "deny-in" is not valid: it starts with "-", which a ' +
          'command line reads as an option; ports are *, 0–65535 or a range such as 1000-2000.',
      ],
    ]);
  });

  it('"--access=Allow" in the source addresses', () => {
    expect(of(withRule({ sourceAddresses: ['*', '--access=Allow'] })).map((f) => [f.path, f.message])).toEqual([
      [
        `${RULE}.sourceAddresses.1`,
        'The source "--access=Allow" of NSG rule "deny-in" is not valid: it starts with "-", which a command line ' +
          'reads as an option.',
      ],
    ]);
  });

  it('an application security group named in an address field (PGN-120 says why)', () => {
    expect(of(withRule({ sourceAddresses: ['asg-app-servers'] }))[0]?.message).toBe(
      'The source "asg-app-servers" of NSG rule "deny-in" is not valid: it looks like the name of an application ' +
        'security group, and flexible servers do not support NSG rules that use application security groups ' +
        '(PGN-120); use the IP ranges (CIDRs) it stands for.',
    );
    const id = '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/asg1';
    expect(of(withRule({ destinationAddresses: [id] }))[0]?.message).toContain('it is the ID of an application');
  });

  it('10.50.1.999 and "5432, 99999"', () => {
    expect(
      of(withRule({ sourceAddresses: ['10.50.1.999'], destinationPorts: ['5432, 99999'] })).map((f) => f.message),
    ).toEqual([
      'The destination port "5432, 99999" of NSG rule "deny-in" is not valid: it holds several values; put each ' +
        'port or range in its own entry.',
      'The source "10.50.1.999" of NSG rule "deny-in" is not valid: 10.50.1.999 is not a valid IPv4 address: 999 is ' +
        'above 255 (each part is 0–255).',
    ]);
  });
});

describe('PGN-125 addresses', () => {
  it.each([
    '*',
    '10.0.1.0/24',
    '10.0.1.4',
    '0.0.0.0/0',
    'VirtualNetwork',
    'internet',
    'AzureLoadBalancer',
    'Storage',
    'Storage.westeurope',
    'Storage.WestEurope',
    'Sql.eastus2',
    'AzureActiveDirectory',
    'AzureFrontDoor.Backend',
  ])('%s passes', (address) => {
    expect(of(withRule({ destinationAddresses: [address] }))).toEqual([]);
  });

  it.each([
    ['10.0.1.5/24', '10.0.1.5/24 is not a network address: 10.0.1.5 lies inside 10.0.1.0/24. Use 10.0.1.0/24'],
    ['10.0.1.0/33', '10.0.1.0/33 has an invalid prefix length "/33" (0–32, no leading zeros)'],
    ['010.0.1.4', '010.0.1.4 has leading zeros, which are ambiguous (some tools read them as octal); write 10.0.1.4'],
    ['2001:db8::1', '2001:db8::1 is an IPv6 address; only IPv4 addresses are accepted here'],
    ['Storage.us-east', '"us-east" is not the programmatic name of an Azure region; ' + REGIONAL],
    ['Storage.West Europe', '"West Europe" is not the programmatic name of an Azure region; ' + REGIONAL],
    ['AzureLoadBalancer.westeurope', 'the service tag AzureLoadBalancer has no regional form; write AzureLoadBalancer'],
    ['Any', 'write * for any address'],
    [' 10.0.1.4', 'it has spaces around it; remove them'],
    ['', 'it is empty'],
    ['@/etc/passwd', 'it starts with "@", which the Azure CLI reads as a file to load'],
    ['10.0.1.4\u0000', 'it contains the control character U+0000'],
    [
      'StorageAccount',
      'it is not an IPv4 address, an aligned CIDR block, * or a service tag Azure knows (e.g. VirtualNetwork, ' +
        'Internet, AzureLoadBalancer, Storage.westeurope)',
    ],
  ])('%j fails: %s', (address, problem) => {
    const found = of(withRule({ destinationAddresses: ['10.0.0.0/28', address] }));
    expect(found.map((f) => f.path)).toEqual([`${RULE}.destinationAddresses.1`]);
    expect(found[0]?.message).toBe(
      `The destination "${address.replace('\u0000', '\\u0000')}" of NSG rule "deny-in" is not valid: ${problem}.`,
    );
  });
});

describe('PGN-125 ports (boundaries 0 and 65535)', () => {
  it.each(['*', '0', '5432', '65535', '1000-2000', '0-65535', '443-443'])('%s passes', (port) => {
    expect(of(withRule({ sourcePorts: [port], destinationPorts: [port] }))).toEqual([]);
  });

  it.each([
    ['65536', '65536 is above 65535, the highest port'],
    ['2000-1000', 'the range starts above its end; write 1000-2000'],
    ['05432', '"05432" is not a port number (0–65535, no leading zeros, no spaces)'],
    ['1-2-3', '"1-2-3" is not a port number (0–65535, no leading zeros, no spaces)'],
    ['http', '"http" is not a port number (0–65535, no leading zeros, no spaces)'],
    [
      '-1',
      'it starts with "-", which a command line reads as an option; ports are *, 0–65535 or a range such as ' +
        '1000-2000',
    ],
    ['', 'it is empty'],
  ])('%j fails: %s', (port, problem) => {
    const found = of(withRule({ sourcePorts: [port] }));
    expect(found.map((f) => [f.path, f.message])).toEqual([
      [`${RULE}.sourcePorts.0`, `The source port "${port}" of NSG rule "deny-in" is not valid: ${problem}.`],
    ]);
  });
});

describe('PGN-125 description (at most 140 characters, nothing a command line misreads)', () => {
  it('140 characters pass, 141 fail', () => {
    expect(of(withRule({ description: 'd'.repeat(140) }))).toEqual([]);
    expect(of(withRule({ description: 'd'.repeat(141) })).map((f) => [f.path, f.message])).toEqual([
      [
        `${RULE}.description`,
        'The description of NSG rule "deny-in" cannot be exported: it has 141 characters (at most 140). Reword it.',
      ],
    ]);
  });

  it.each([
    ['line1\nline2', 'it contains the control character U+000A'],
    ['--access=Allow', 'it starts with "-", which a command line reads as an option'],
    ['@~/.azure/config', 'it starts with "@", which the Azure CLI reads as a file to load'],
    ["'quoted'", 'it starts with a single quote, which the Azure CLI reads as quoting'],
    ['??', 'it is "??", which the Azure CLI reads as a request for help'],
    [
      'Cafe\u0301',
      'it is not in Unicode normalization form C, so Terraform would write it as "Caf\u00e9" while the other ' +
        'exports keep it as typed; write "Caf\u00e9"',
    ],
  ])('%j fails: %s', (description, problem) => {
    expect(of(withRule({ description }))[0]?.message).toBe(
      `The description of NSG rule "deny-in" cannot be exported: ${problem}. Reword it.`,
    );
  });

  it('ordinary text passes', () => {
    expect(of(withRule({ description: "Deny the rest; see the team's runbook (v2) — 100% sure?" }))).toEqual([]);
  });
});

describe('PGN-125 and its neighbours', () => {
  it('application security groups in the ASG fields are PGN-120 only: no second finding for the same field', () => {
    const plan = withRule({ sourceAddresses: [], sourceAsgs: ['asg-app'], destinationAsgs: ['asg-db'] });
    expect(of(plan)).toEqual([]);
    expect(of(plan, 'PGN-120').map((f) => f.path)).toEqual([`${RULE}.destinationAsgs`, `${RULE}.sourceAsgs`]);
  });

  it('the rules the planner itself writes (high availability template) pass', () => {
    const rules = haRuleTemplates('10.0.0.0/28', 'westeurope').map((r, i) => ({ ...r, priority: 100 + i }));
    expect(of(privatePlan(['access.delegatedSubnet.nsg', { name: 'nsg-pg', rules }]))).toEqual([]);
  });

  it('does not apply without an NSG, or in public access', () => {
    expect(of(privatePlan())).toEqual([]);
    expect(of(publicPlan())).toEqual([]);
  });

  it('PlanSchema rejects the rule with PGN-125 in the issue', () => {
    const input = setIn(privateInput, 'access.delegatedSubnet.nsg', {
      name: 'nsg-pg',
      rules: [
        { name: 'deny-in', priority: 4000, direction: 'Inbound', access: 'Deny', destinationPorts: ['--access=Allow'] },
      ],
    });
    const result = PlanSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === `${RULE}.destinationPorts.0`);
    expect((issue as { params?: { ruleId?: string } } | undefined)?.params?.ruleId).toBe('PGN-125');
  });
});

describe('PGN-125 across edits of one plan', () => {
  it('an edit of a rule (a new list) is checked again; the plan before it keeps its findings', () => {
    const plan = withRule({ destinationPorts: ['5432'] });
    expect(of(plan)).toEqual([]);
    const edited = setIn(plan, `${RULE}.destinationPorts.0`, '99999');
    expect(of(edited).map((f) => f.path)).toEqual([`${RULE}.destinationPorts.0`]);
    expect(of(plan)).toEqual([]);
    expect(of(setIn(edited, `${RULE}.destinationPorts.0`, '5432'))).toEqual([]);
  });
});

describe("PGN-124 and PGN-125 on the existing NSG of a private endpoint's subnet", () => {
  // The client check evaluates that NSG's rules (PGN-225), so a rule it can't read must not pass quietly.
  const SUBNET = 'access.peeredVnets.0.subnets.0';
  const withEndpointNsg = (...rules: ReturnType<typeof nsgRule>[]) =>
    planWith(privateEndpointHubPlan(), [`${SUBNET}.nsg`, { name: 'nsg-private-endpoints', existing: true, rules }]);

  it('a malformed address or port is an error at its field, and the plan is no longer clean', () => {
    const plan = withEndpointNsg(
      nsgRule('deny-spoke', 200, 'Inbound', 'Deny', {
        sourceAddresses: ['10.1.0.999'],
        destinationPorts: ['5432, 99999'],
      }),
    );
    expect(of(plan).map((f) => [f.path, f.severity])).toEqual([
      [`${SUBNET}.nsg.rules.0.destinationPorts.0`, 'error'],
      [`${SUBNET}.nsg.rules.0.sourceAddresses.0`, 'error'],
    ]);
    expect(
      evaluate(withEndpointNsg(nsgRule('deny-spoke', 200, 'Inbound', 'Deny'))).filter((f) => f.severity === 'error'),
    ).toEqual([]);
  });

  it('an application security group in an address field: refused, without the flexible-server reason', () => {
    const [finding] = of(
      withEndpointNsg(nsgRule('allow-app', 300, 'Inbound', 'Allow', { sourceAddresses: ['asg-app'] })),
    );
    expect(finding?.message).toBe(
      'The source "asg-app" of NSG rule "allow-app" is not valid: it looks like the name of an application security ' +
        'group; use the IP ranges (CIDRs) it stands for.',
    );
  });

  it('priorities out of range or used twice in one direction (PGN-124), counted per NSG', () => {
    const plan = withEndpointNsg(
      nsgRule('a', 200, 'Inbound', 'Deny'),
      nsgRule('b', 200, 'Inbound', 'Allow'),
      nsgRule('c', 50, 'Outbound', 'Allow'),
    );
    expect(of(plan, 'PGN-124').map((f) => f.path)).toEqual([
      `${SUBNET}.nsg.rules.1.priority`,
      `${SUBNET}.nsg.rules.2.priority`,
    ]);
    // The same priority in the delegated subnet's NSG of another plan is no clash: each NSG has its own.
    expect(of(withEndpointNsg(nsgRule('a', 200, 'Inbound', 'Deny')), 'PGN-124')).toEqual([]);
  });
});
