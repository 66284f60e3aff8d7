/** The NSG editor's order (Azure's evaluation order per direction) and its per-entry findings. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../domain/finding';
import { NSG_SERVICE_TAGS } from '../../../domain/azure';
import { entryFindingsByRule, rulesByDirection } from './nsg-list-model';
import { serviceTagSuggestions } from './nsg-service-tags';

const RULES = 'access.delegatedSubnet.nsg.rules';

describe('rulesByDirection', () => {
  it('splits the rules by direction and sorts each by priority; equal priorities keep the plan order', () => {
    const rules = [
      { direction: 'Inbound', priority: 300 },
      { direction: 'Outbound', priority: 100 },
      { direction: 'Inbound', priority: 100 },
      { direction: 'Inbound', priority: 300 },
      { direction: 'Outbound', priority: 4096 },
      { direction: 'Outbound', priority: 200 },
    ] as const;
    expect(rulesByDirection(rules)).toEqual({ Inbound: [2, 0, 3], Outbound: [1, 5, 4] });
  });

  it('puts a priority being typed (not a number yet) last', () => {
    const rules = [
      { direction: 'Inbound', priority: Number.NaN },
      { direction: 'Inbound', priority: 4096 },
      { direction: 'Inbound', priority: 100 },
    ] as const;
    expect(rulesByDirection(rules)).toEqual({ Inbound: [2, 1, 0], Outbound: [] });
  });
});

describe('entryFindingsByRule', () => {
  const finding = (path: string): Finding => ({ ruleId: 'PGN-125', severity: 'error', path, message: path, docs: '' });

  it('groups the findings of list entries by rule and field, and leaves the others out', () => {
    const findings = [
      finding(`${RULES}.2.sourceAddresses.0`),
      finding(`${RULES}.2.sourceAddresses.3`),
      finding(`${RULES}.2.destinationPorts.1`),
      finding(`${RULES}.0.destinationPorts.0`),
      finding(`${RULES}.1.priority`),
      finding(`${RULES}.1`),
      finding('clients.0.address'),
    ];
    const grouped = entryFindingsByRule(findings, RULES);
    expect([...grouped.keys()].sort()).toEqual([0, 2]);
    expect(
      grouped
        .get(2)
        ?.get('sourceAddresses')
        ?.map((f) => f.path),
    ).toEqual([`${RULES}.2.sourceAddresses.0`, `${RULES}.2.sourceAddresses.3`]);
    expect(grouped.get(2)?.get('destinationPorts')).toHaveLength(1);
    expect(grouped.get(0)?.get('destinationPorts')?.[0]?.path).toBe(`${RULES}.0.destinationPorts.0`);
  });
});

describe('serviceTagSuggestions', () => {
  it('offers *, the common tags first, their regional forms for the region, then every other tag once', () => {
    const tags = serviceTagSuggestions('West Europe');
    expect(tags.slice(0, 8)).toEqual([
      '*',
      'VirtualNetwork',
      'AzureLoadBalancer',
      'Internet',
      'AzureCloud',
      'Storage',
      'Sql',
      'AzureActiveDirectory',
    ]);
    expect(tags).toEqual(expect.arrayContaining(['Storage.westeurope', 'Sql.westeurope', 'AzureCloud.westeurope']));
    expect(tags).not.toContain('Internet.westeurope');
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags.length).toBe(1 + NSG_SERVICE_TAGS.size + tags.filter((t) => t.endsWith('.westeurope')).length);
  });

  it('offers no regional forms for a region Azure does not have', () => {
    expect(
      serviceTagSuggestions('Atlantis').filter((t) => /\.[a-z]+$/.test(t) && !t.startsWith('AzureFrontDoor')),
    ).toEqual([]);
  });
});
