import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrRange, parseCidr, parseIPv4 } from './ipv4';
import {
  compileNsg,
  evaluateCompiledNsgFlow,
  evaluateCompiledNsgFlowLinear,
  evaluateNsgFlow,
  nsgContextForPlan,
  type Flow,
  type FlowEndpoint,
  type NsgContext,
} from './nsg';
import { PlanDocumentSchema, type NsgRule } from './plan';

const range = (text: string): FlowEndpoint => {
  if (text.includes('/')) {
    const c = parseCidr(text);
    if (!c.ok) throw new Error(c.error.message);
    return { kind: 'range', range: cidrRange(c.value) };
  }
  const ip = parseIPv4(text);
  if (!ip.ok) throw new Error(ip.error.message);
  return { kind: 'range', range: { start: ip.value, end: ip.value } };
};
const tag = (t: string): FlowEndpoint => ({ kind: 'tag', tag: t });
const cidr = (text: string) => {
  const c = parseCidr(text);
  if (!c.ok) throw new Error(c.error.message);
  return cidrRange(c.value);
};

const context: NsgContext = { virtualNetwork: [cidr('10.20.0.0/16'), cidr('10.30.0.0/16')], region: 'westeurope' };

function rule(partial: Partial<NsgRule> & Pick<NsgRule, 'name' | 'priority' | 'access'>): NsgRule {
  return {
    direction: 'Inbound',
    protocol: 'Tcp',
    sourceAddresses: ['*'],
    sourcePorts: ['*'],
    destinationAddresses: ['*'],
    destinationPorts: ['*'],
    sourceAsgs: [],
    destinationAsgs: [],
    description: '',
    ...partial,
  };
}

const inbound = (source: FlowEndpoint, port = 5432, destination: FlowEndpoint = range('10.20.0.0/28')): Flow => ({
  direction: 'Inbound',
  protocol: 'Tcp',
  source,
  destination,
  port,
});
const outbound = (destination: FlowEndpoint, port = 443, source: FlowEndpoint = range('10.20.0.0/28')): Flow => ({
  direction: 'Outbound',
  protocol: 'Tcp',
  source,
  destination,
  port,
});

describe('evaluateNsgFlow: default rules', () => {
  it('allows inbound from inside VirtualNetwork by AllowVnetInBound (65000)', () => {
    expect(evaluateNsgFlow([], inbound(range('10.30.1.10')), context)).toEqual({
      access: 'Allow',
      ruleName: 'AllowVnetInBound',
      priority: 65000,
      isDefault: true,
    });
  });
  it('allows the Azure load balancer probe (168.63.129.16) by AllowAzureLoadBalancerInBound (65001)', () => {
    const d = evaluateNsgFlow([], inbound(range('168.63.129.16')), context);
    expect([d.access, d.ruleName, d.priority]).toEqual(['Allow', 'AllowAzureLoadBalancerInBound', 65001]);
    expect(evaluateNsgFlow([], inbound(tag('AzureLoadBalancer')), context).ruleName).toBe(
      'AllowAzureLoadBalancerInBound',
    );
  });
  it('denies inbound from the internet by DenyAllInBound (65500)', () => {
    const d = evaluateNsgFlow([], inbound(range('203.0.113.9')), context);
    expect([d.access, d.ruleName, d.priority, d.isDefault]).toEqual(['Deny', 'DenyAllInBound', 65500, true]);
  });
  it('allows outbound to Storage by AllowInternetOutBound, and to another subnet by AllowVnetOutBound', () => {
    expect(evaluateNsgFlow([], outbound(tag('Storage.WestEurope')), context).ruleName).toBe('AllowInternetOutBound');
    expect(evaluateNsgFlow([], outbound(range('10.20.1.4'), 5432), context).ruleName).toBe('AllowVnetOutBound');
  });
  it('denies outbound to a private address outside VirtualNetwork by DenyAllOutBound (not Internet)', () => {
    const d = evaluateNsgFlow([], outbound(range('192.168.50.1'), 5432), context);
    expect([d.access, d.ruleName]).toEqual(['Deny', 'DenyAllOutBound']);
  });
});

describe('evaluateNsgFlow: priorities, first match wins', () => {
  const rules: NsgRule[] = [
    // Listed out of order on purpose: evaluation sorts by priority.
    rule({
      name: 'allow-app',
      priority: 200,
      access: 'Allow',
      sourceAddresses: ['10.30.1.0/24'],
      destinationPorts: ['5432'],
    }),
    rule({ name: 'deny-app-host', priority: 150, access: 'Deny', sourceAddresses: ['10.30.1.66'] }),
    rule({ name: 'deny-everything', priority: 4096, access: 'Deny', protocol: '*' }),
  ];
  it('the lower number wins: a /32 deny at 150 beats the /24 allow at 200', () => {
    const d = evaluateNsgFlow(rules, inbound(range('10.30.1.66')), context);
    expect([d.access, d.ruleName, d.priority, d.ruleIndex]).toEqual(['Deny', 'deny-app-host', 150, 1]);
  });
  it('another host of the /24 is allowed at 200', () => {
    const d = evaluateNsgFlow(rules, inbound(range('10.30.1.7')), context);
    expect([d.access, d.ruleName, d.ruleIndex, d.partial]).toEqual(['Allow', 'allow-app', 0, undefined]);
  });
  it('a port outside the allow rule falls through to the user deny at 4096 (before the defaults)', () => {
    const d = evaluateNsgFlow(rules, inbound(range('10.30.1.7'), 22), context);
    expect([d.access, d.ruleName]).toEqual(['Deny', 'deny-everything']);
  });
  it('a rule of the other direction never applies', () => {
    const out = [rule({ name: 'deny-out', priority: 100, access: 'Deny', direction: 'Outbound' })];
    expect(evaluateNsgFlow(out, inbound(range('10.30.1.7')), context).ruleName).toBe('AllowVnetInBound');
  });
  it('protocol: a Udp rule does not match a Tcp flow, `*` does', () => {
    const udp = [rule({ name: 'deny-udp', priority: 100, access: 'Deny', protocol: 'Udp' })];
    expect(evaluateNsgFlow(udp, inbound(range('10.30.1.7')), context).access).toBe('Allow');
    const any = [rule({ name: 'deny-any', priority: 100, access: 'Deny', protocol: '*' })];
    expect(evaluateNsgFlow(any, inbound(range('10.30.1.7')), context).ruleName).toBe('deny-any');
  });
});

describe('evaluateNsgFlow: ports', () => {
  const rules = [
    rule({
      name: 'allow-list',
      priority: 100,
      access: 'Allow',
      sourceAddresses: ['203.0.113.0/24'],
      destinationPorts: ['22', '5432', '6000-6500'],
    }),
  ];
  it.each([
    [5432, 'Allow', 'allow-list'],
    [6432, 'Allow', 'allow-list'],
    [6000, 'Allow', 'allow-list'],
    [6500, 'Allow', 'allow-list'],
    [6501, 'Deny', 'DenyAllInBound'],
    [5433, 'Deny', 'DenyAllInBound'],
  ])('port %i → %s by %s', (port, access, name) => {
    const d = evaluateNsgFlow(rules, inbound(range('203.0.113.5'), port), context);
    expect([d.access, d.ruleName]).toEqual([access, name]);
  });
});

describe('evaluateNsgFlow: service tags', () => {
  it('Storage.<Region> matches case-insensitively, Storage covers every region', () => {
    const regional = [
      rule({
        name: 'deny-internet',
        priority: 200,
        access: 'Deny',
        direction: 'Outbound',
        destinationAddresses: ['Internet'],
      }),
      rule({
        name: 'allow-storage',
        priority: 100,
        access: 'Allow',
        direction: 'Outbound',
        destinationAddresses: ['Storage.WestEurope'],
        destinationPorts: ['443'],
      }),
    ];
    expect(evaluateNsgFlow(regional, outbound(tag('storage.westeurope')), context).ruleName).toBe('allow-storage');
    // Another region's storage is not Storage.WestEurope, and Internet (which holds it) is denied.
    expect(evaluateNsgFlow(regional, outbound(tag('Storage.NorthEurope')), context).ruleName).toBe('deny-internet');
    const global = [{ ...regional[1]!, destinationAddresses: ['Storage'] }, regional[0]!];
    expect(evaluateNsgFlow(global, outbound(tag('Storage.NorthEurope')), context).ruleName).toBe('allow-storage');
  });
  it('denying Internet outbound also denies Storage and AzureActiveDirectory (they are public)', () => {
    const rules = [
      rule({
        name: 'deny-internet',
        priority: 100,
        access: 'Deny',
        direction: 'Outbound',
        destinationAddresses: ['Internet'],
      }),
    ];
    expect(evaluateNsgFlow(rules, outbound(tag('Storage')), context).ruleName).toBe('deny-internet');
    expect(evaluateNsgFlow(rules, outbound(tag('AzureActiveDirectory')), context).ruleName).toBe('deny-internet');
    // …but not the VNet.
    expect(evaluateNsgFlow(rules, outbound(range('10.30.0.5'), 5432), context).ruleName).toBe('AllowVnetOutBound');
  });
  it('a CIDR rule never matches a service-tag endpoint (cannot prove it), 0.0.0.0/0 does', () => {
    const cidrDeny = [
      rule({
        name: 'deny-20',
        priority: 100,
        access: 'Deny',
        direction: 'Outbound',
        destinationAddresses: ['20.0.0.0/8'],
      }),
    ];
    expect(evaluateNsgFlow(cidrDeny, outbound(tag('Storage')), context).ruleName).toBe('AllowInternetOutBound');
    const allDeny = [
      rule({
        name: 'deny-all',
        priority: 100,
        access: 'Deny',
        direction: 'Outbound',
        destinationAddresses: ['0.0.0.0/0'],
      }),
    ];
    expect(evaluateNsgFlow(allDeny, outbound(tag('Storage')), context).ruleName).toBe('deny-all');
  });
  it('VirtualNetwork covers the context ranges (peered VNets, on-premises)', () => {
    const rules = [
      rule({
        name: 'allow-vnet',
        priority: 100,
        access: 'Allow',
        sourceAddresses: ['VirtualNetwork'],
        destinationPorts: ['5432'],
      }),
      rule({ name: 'deny-rest', priority: 200, access: 'Deny' }),
    ];
    expect(evaluateNsgFlow(rules, inbound(range('10.30.200.1')), context).ruleName).toBe('allow-vnet');
    expect(evaluateNsgFlow(rules, inbound(range('10.40.0.1')), context).ruleName).toBe('deny-rest');
    expect(evaluateNsgFlow(rules, inbound(tag('VirtualNetwork')), context).ruleName).toBe('allow-vnet');
  });
  it('Internet as a source covers public addresses, not the VNet nor RFC 1918', () => {
    const rules = [rule({ name: 'deny-internet-in', priority: 100, access: 'Deny', sourceAddresses: ['Internet'] })];
    expect(evaluateNsgFlow(rules, inbound(range('198.51.100.1')), context).ruleName).toBe('deny-internet-in');
    expect(evaluateNsgFlow(rules, inbound(range('10.30.0.1')), context).ruleName).toBe('AllowVnetInBound');
  });
});

describe('evaluateNsgFlow: a source range that rules cover only in part (stricter reading)', () => {
  it('a deny covering half of the client subnet denies the flow, marked partial', () => {
    const rules = [rule({ name: 'deny-lower-half', priority: 100, access: 'Deny', sourceAddresses: ['10.30.1.0/25'] })];
    const d = evaluateNsgFlow(rules, inbound(range('10.30.1.0/24')), context);
    expect([d.access, d.ruleName, d.partial]).toEqual(['Deny', 'deny-lower-half', true]);
  });
  it('two allows that together cover the subnet allow it; the decision lists both', () => {
    const rules = [
      rule({ name: 'allow-lower', priority: 100, access: 'Allow', sourceAddresses: ['203.0.113.0/25'] }),
      rule({ name: 'allow-upper', priority: 110, access: 'Allow', sourceAddresses: ['203.0.113.128/25'] }),
    ];
    const d = evaluateNsgFlow(rules, inbound(range('203.0.113.0/24')), context);
    expect([d.access, d.ruleName, d.partial]).toEqual(['Allow', 'allow-upper', true]);
    expect(d.parts?.map((p) => p.ruleName)).toEqual(['allow-lower', 'allow-upper']);
  });
  it('an allow for half and nothing else: the other half hits DenyAllInBound', () => {
    const rules = [rule({ name: 'allow-lower', priority: 100, access: 'Allow', sourceAddresses: ['203.0.113.0/25'] })];
    const d = evaluateNsgFlow(rules, inbound(range('203.0.113.0/24')), context);
    expect([d.access, d.ruleName, d.partial]).toEqual(['Deny', 'DenyAllInBound', true]);
    expect(d.parts?.map((p) => p.ruleName)).toEqual(['allow-lower', 'DenyAllInBound']);
  });
  it('an allow of the lower half then a deny of the lower half: the deny never sees it', () => {
    const rules = [
      rule({ name: 'allow-lower', priority: 100, access: 'Allow', sourceAddresses: ['203.0.113.0/25'] }),
      rule({ name: 'deny-lower', priority: 110, access: 'Deny', sourceAddresses: ['203.0.113.0/25'] }),
      rule({ name: 'allow-all', priority: 120, access: 'Allow' }),
    ];
    const d = evaluateNsgFlow(rules, inbound(range('203.0.113.0/24')), context);
    expect([d.access, d.ruleName, d.partial]).toEqual(['Allow', 'allow-all', true]);
  });
  it('a rule with application security groups can only deny (membership unknown)', () => {
    const allowAsg = [
      rule({ name: 'allow-asg', priority: 100, access: 'Allow', sourceAddresses: [], sourceAsgs: ['asg-app'] }),
    ];
    const d = evaluateNsgFlow(allowAsg, inbound(range('203.0.113.9')), context);
    expect([d.access, d.ruleName, d.partial]).toEqual(['Deny', 'DenyAllInBound', true]);
    const denyAsg = [
      rule({ name: 'deny-asg', priority: 100, access: 'Deny', sourceAddresses: [], sourceAsgs: ['asg-app'] }),
    ];
    const e = evaluateNsgFlow(denyAsg, inbound(range('10.30.1.9')), context);
    expect([e.access, e.ruleName, e.partial]).toEqual(['Deny', 'deny-asg', true]);
  });
  it('a source-port restriction counts as partial: it can deny, its allow is not enough', () => {
    const rules = [rule({ name: 'allow-from-port', priority: 100, access: 'Allow', sourcePorts: ['50000-50010'] })];
    expect(evaluateNsgFlow(rules, inbound(range('203.0.113.9')), context).access).toBe('Deny');
  });
});

describe('nsgContextForPlan', () => {
  const base = {
    formatVersion: 2,
    servers: [{ name: 'pg-one', region: 'westeurope' }],
    access: {
      mode: 'private',
      vnet: { name: 'vnet', region: 'westeurope', addressSpaces: ['10.20.0.0/16', 'not-a-cidr'] },
      delegatedSubnet: { name: 'snet', prefix: '10.20.0.0/28' },
      peeredVnets: [
        { name: 'a', region: 'westeurope', addressSpaces: ['10.30.0.0/16'] },
        { name: 'b', region: 'westeurope', addressSpaces: ['10.40.0.0/16'] },
        { name: 'c', region: 'westeurope', addressSpaces: ['10.50.0.0/16'] },
      ],
      // a: both directions (one written in another case); b: one way only; c: peered with a, not with the
      // server VNet.
      peerings: [
        { from: 'vnet', to: 'a' },
        { from: 'A', to: 'VNET' },
        { from: 'vnet', to: 'b' },
        { from: 'a', to: 'c' },
        { from: 'c', to: 'a' },
      ],
      onPremises: [
        { name: 'office', addressRanges: ['192.168.10.0/24'], connection: 'vpn' },
        { name: 'lab', addressRanges: ['192.168.20.0/24'], connection: 'none' },
      ],
    },
  };
  it('takes the VNet, VNets peered both ways and connected on-premises ranges', () => {
    const plan = PlanDocumentSchema.parse(base);
    const ctx = nsgContextForPlan(plan);
    expect(ctx?.region).toBe('westeurope');
    expect(ctx?.virtualNetwork).toEqual(
      [cidr('10.20.0.0/16'), cidr('10.30.0.0/16'), cidr('192.168.10.0/24')].sort((a, b) => a.start - b.start),
    );
  });
  it('is null for public access', () => {
    const plan = PlanDocumentSchema.parse({ ...base, access: { mode: 'public' } });
    expect(nsgContextForPlan(plan)).toBeNull();
  });
});

describe('the flow index gives the same decisions as rule-by-rule evaluation', () => {
  const base = 10 * 2 ** 24; // 10.0.0.0
  const prefix = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 24, max: 32 })).map(([offset, len]) => {
    const size = 2 ** (32 - len);
    const start = base + Math.floor(offset / size) * size;
    return `${start >>> 24}.${(start >>> 16) & 255}.${(start >>> 8) & 255}.${start & 255}/${len}`;
  });
  const address = fc.oneof(
    { weight: 6, arbitrary: prefix },
    {
      weight: 1,
      arbitrary: fc.constantFrom('*', 'VirtualNetwork', 'Internet', 'Storage', '10.0.0.0/29', '10.0.0.0/28'),
    },
  );
  const arbRule = fc.record({
    priority: fc.integer({ min: 100, max: 4096 }),
    access: fc.constantFrom('Allow' as const, 'Deny' as const),
    protocol: fc.constantFrom('Tcp' as const, '*' as const, 'Udp' as const),
    sourceAddresses: fc.array(address, { minLength: 1, maxLength: 3 }),
    destinationAddresses: fc.array(
      // Parts of the flow's destination too: they cut it into pieces that are evaluated apart.
      fc.constantFrom(
        '*',
        '10.0.0.0/28',
        '10.0.0.0/29',
        '10.0.0.8/29',
        'VirtualNetwork',
        '10.0.0.4/30',
        '10.0.0.12/31',
      ),
      { minLength: 1, maxLength: 2 },
    ),
    destinationPorts: fc.array(fc.constantFrom('*', '5432', '6432', '1000-6000'), { minLength: 1, maxLength: 2 }),
    sourcePorts: fc.constantFrom(['*'], ['*'], ['*'], ['1000-2000']),
    asg: fc.boolean(),
  });
  const nsgContext: NsgContext = { virtualNetwork: [cidr('10.0.0.0/25')], region: 'westeurope' };

  it('for random NSGs and client ranges', () => {
    fc.assert(
      fc.property(
        fc.array(arbRule, { maxLength: 25 }),
        fc.array(prefix, { minLength: 1, maxLength: 6 }),
        (specs, clients) => {
          const rules = specs.map((r, i) =>
            rule({
              name: `r${i}`,
              priority: r.priority,
              access: r.access,
              protocol: r.protocol,
              sourceAddresses: r.asg && i % 5 === 0 ? [] : r.sourceAddresses,
              sourceAsgs: r.asg && i % 5 === 0 ? ['asg'] : [],
              destinationAddresses: r.destinationAddresses,
              destinationPorts: r.destinationPorts,
              sourcePorts: [...r.sourcePorts],
            }),
          );
          const nsg = compileNsg(rules);
          for (const c of clients) {
            const flow = inbound(range(c), 5432, range('10.0.0.0/28'));
            expect(evaluateCompiledNsgFlow(nsg, flow, nsgContext)).toEqual(
              evaluateCompiledNsgFlowLinear(nsg, flow, nsgContext),
            );
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
