import { describe, expect, it } from 'vitest';
import { freePriority, haRulesToAdd, haRuleTemplates, joinList, newNsgRule, splitList } from './nsg-templates';
import { setIn } from './paths';
import { PlanDocumentSchema, type NsgRule, type Plan } from './plan';
import { storageTagFor, withHaStorageRegion } from './storage-tag';

const rule = (over: Partial<NsgRule>): NsgRule => ({
  name: 'r',
  priority: 100,
  direction: 'Inbound',
  access: 'Allow',
  protocol: 'Tcp',
  sourceAddresses: ['*'],
  sourcePorts: ['*'],
  destinationAddresses: ['*'],
  destinationPorts: ['*'],
  sourceAsgs: [],
  destinationAsgs: [],
  description: '',
  ...over,
});

describe('splitList / joinList', () => {
  it('splits on commas, semicolons and spaces and drops empty entries', () => {
    expect(splitList(' 10.0.0.0/24, VirtualNetwork;;443  1000-2000 ,')).toEqual([
      '10.0.0.0/24',
      'VirtualNetwork',
      '443',
      '1000-2000',
    ]);
    expect(splitList('   ')).toEqual([]);
  });
  it('joins with a comma and a space', () => {
    expect(joinList(['5432', '6432'])).toBe('5432, 6432');
  });
});

describe('storageTagFor', () => {
  it('is Storage.<region>, or plain Storage without a region', () => {
    expect(storageTagFor('westeurope')).toBe('Storage.westeurope');
    expect(storageTagFor(' ')).toBe('Storage');
  });

  it('uses the programmatic name for a display name, and plain Storage for text that is not a region', () => {
    expect(storageTagFor('West Europe')).toBe('Storage.westeurope');
    expect(storageTagFor('WestEurope')).toBe('Storage.westeurope');
    expect(storageTagFor('West Europa')).toBe('Storage');
  });
});

describe('withHaStorageRegion', () => {
  /** A private plan in `region` whose NSG holds the HA helper's rules made in `helperRegion`, and `extra`. */
  const planIn = (region: string, helperRegion: string, extra: NsgRule[] = []): Plan => {
    const added = haRulesToAdd([], '10.0.0.0/28', helperRegion);
    if (!added.ok) throw new Error(added.message);
    return PlanDocumentSchema.parse({
      formatVersion: 2,
      servers: [{ name: 'pg-a', region, highAvailability: 'ZoneRedundant' }],
      access: {
        mode: 'private',
        vnet: { name: 'vnet-a', region, addressSpaces: ['10.0.0.0/16'] },
        delegatedSubnet: {
          name: 'snet-postgres',
          prefix: '10.0.0.0/28',
          nsg: { name: 'nsg-a', rules: [...added.added, ...extra] },
        },
      },
    });
  };
  const storageTags = (plan: Plan) =>
    plan.access.mode === 'private'
      ? (plan.access.delegatedSubnet.nsg?.rules ?? [])
          .filter((r) => r.destinationAddresses.some((a) => a.startsWith('Storage')))
          .map((r) => [r.name, r.destinationAddresses])
      : [];

  it("moves the helper's Storage tag to the server's region, there and back", () => {
    const moved = withHaStorageRegion(planIn('northeurope', 'westeurope'));
    expect(storageTags(moved)).toEqual([['AllowStorageOutbound', ['Storage.northeurope']]]);
    const back = withHaStorageRegion(setIn(moved, 'servers.0.region', 'westeurope'));
    expect(storageTags(back)).toEqual([['AllowStorageOutbound', ['Storage.westeurope']]]);
  });

  it('fixes a tag the helper wrote from a display name before regions were checked', () => {
    expect(storageTags(withHaStorageRegion(planIn('westeurope', 'West Europe')))).toEqual([
      ['AllowStorageOutbound', ['Storage.westeurope']],
    ]);
    const legacy = setIn(
      planIn('westeurope', 'westeurope'),
      'access.delegatedSubnet.nsg.rules.2.destinationAddresses',
      ['Storage.West Europe'],
    );
    expect(storageTags(withHaStorageRegion(legacy))).toEqual([['AllowStorageOutbound', ['Storage.westeurope']]]);
  });

  it("leaves the user's own Storage rules alone (a replica's region) and waits for a known region", () => {
    const replica = rule({
      name: 'allow-replica-storage',
      direction: 'Outbound',
      destinationAddresses: ['Storage.francecentral'],
      destinationPorts: ['443'],
    });
    const plan = planIn('northeurope', 'westeurope', [replica]);
    expect(storageTags(withHaStorageRegion(plan))).toEqual([
      ['AllowStorageOutbound', ['Storage.northeurope']],
      ['allow-replica-storage', ['Storage.francecentral']],
    ]);
    const typing = setIn(plan, 'servers.0.region', 'north');
    expect(withHaStorageRegion(typing)).toBe(typing);
    const settled = planIn('westeurope', 'westeurope');
    expect(withHaStorageRegion(settled)).toBe(settled);
  });
});

describe('haRuleTemplates', () => {
  it('allows TCP 5432 and 6432 within the subnet both ways and TCP 443 out to regional Storage', () => {
    const t = haRuleTemplates('10.0.1.0/28', 'eastus');
    expect(
      t.map((r) => [r.direction, r.access, r.protocol, r.sourceAddresses, r.destinationAddresses, r.destinationPorts]),
    ).toEqual([
      ['Inbound', 'Allow', 'Tcp', ['10.0.1.0/28'], ['10.0.1.0/28'], ['5432', '6432']],
      ['Outbound', 'Allow', 'Tcp', ['10.0.1.0/28'], ['10.0.1.0/28'], ['5432', '6432']],
      ['Outbound', 'Allow', 'Tcp', ['10.0.1.0/28'], ['Storage.eastus'], ['443']],
    ]);
    expect(t.every((r) => r.sourceAsgs.length === 0 && r.destinationAsgs.length === 0)).toBe(true);
  });
});

describe('freePriority', () => {
  it('takes the lowest free multiple of 10, then any free number', () => {
    expect(freePriority(new Set())).toBe(100);
    expect(freePriority(new Set([100, 110]))).toBe(120);
    const tens = new Set<number>();
    for (let p = 100; p <= 4096; p += 10) tens.add(p);
    expect(freePriority(tens)).toBe(101);
    const all = new Set<number>();
    for (let p = 100; p <= 4096; p += 1) all.add(p);
    expect(freePriority(all)).toBeNull();
  });
});

describe('haRulesToAdd', () => {
  it('adds the three rules at the lowest free priority of each direction', () => {
    const existing = [
      rule({ name: 'DenyAll', priority: 100, access: 'Deny' }),
      rule({ name: 'out', direction: 'Outbound', priority: 100 }),
    ];
    const result = haRulesToAdd(existing, '10.0.1.0/28', 'westeurope');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.added.map((r) => [r.name, r.direction, r.priority])).toEqual([
      ['AllowPostgresHaInbound', 'Inbound', 110],
      ['AllowPostgresHaOutbound', 'Outbound', 110],
      ['AllowStorageOutbound', 'Outbound', 120],
    ]);
    expect(result.alreadyPresent).toEqual([]);
  });

  it('adds nothing twice: rules with the same traffic count as present, whatever their name', () => {
    const first = haRulesToAdd([], '10.0.1.0/28', 'westeurope');
    if (!first.ok) throw new Error(first.message);
    const renamed = first.added.map((r, i) => ({ ...r, name: `mine-${i}` }));
    const again = haRulesToAdd(renamed, '10.0.1.0/28', 'westeurope');
    expect(again).toEqual({ ok: true, added: [], alreadyPresent: ['mine-0', 'mine-1', 'mine-2'] });
  });

  it('picks another name when the template name is taken by a different rule', () => {
    const result = haRulesToAdd([rule({ name: 'allowpostgreshainbound', priority: 200 })], '10.0.1.0/28', 'westeurope');
    if (!result.ok) throw new Error(result.message);
    expect(result.added[0]?.name).toBe('AllowPostgresHaInbound-2');
  });

  it('refuses without a valid subnet prefix and says why', () => {
    const result = haRulesToAdd([], '10.0.1.3/28', 'westeurope');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('valid prefix');
    expect(result.message).toContain('10.0.1.0/28');
  });
});

describe('newNsgRule', () => {
  it('gets a free inbound priority and a name not yet used', () => {
    const r = newNsgRule([rule({ name: 'rule-2', priority: 100 }), rule({ name: 'x', priority: 110 })]);
    expect(r.priority).toBe(120);
    expect(r.name).toBe('rule-3');
    expect(r.direction).toBe('Inbound');
  });
  it('gets a free priority among the rules of its own direction', () => {
    const existing = [rule({ name: 'a', priority: 100 }), rule({ name: 'b', priority: 100, direction: 'Outbound' })];
    const out = newNsgRule([...existing, rule({ name: 'c', priority: 110, direction: 'Outbound' })], 'Outbound');
    expect([out.direction, out.priority]).toEqual(['Outbound', 120]);
    expect(newNsgRule(existing, 'Inbound').priority).toBe(110);
  });
});
