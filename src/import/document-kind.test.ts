import { describe, expect, it } from 'vitest';
import { brokenTextKind, kindOfValue, withoutBom } from './document-kind';

describe('which reader a document goes to', () => {
  it('a plan file names its formatVersion', () => {
    expect(kindOfValue({ formatVersion: 2, name: 'x' })).toBe('plan');
    expect(kindOfValue({ formatVersion: 'nine' })).toBe('plan');
  });

  it('a deployment has a shape the importer reads', () => {
    for (const value of [
      [],
      { format: 'pgflex-netplan-inventory', version: 1, resources: [] },
      { $schema: 'x', resources: [] },
      { data: [], count: 0 },
      { value: [] },
      { id: '/subscriptions/x', type: 'Microsoft.Network/virtualNetworks' },
    ])
      expect(kindOfValue(value)).toBe('deployment');
  });

  it('anything else is neither', () => {
    for (const value of [null, 7, 'text', {}, { name: 'plan without a format' }, { id: 1, type: 'x' }])
      expect(kindOfValue(value)).toBe('neither');
  });

  it('broken JSON goes to the plan reader when it starts as a plan file does', () => {
    expect(brokenTextKind('{ "formatVersion" : 2, "name": ')).toBe('plan');
    expect(brokenTextKind(`{ "resources": [${' '.repeat(5000)}"formatVersion": 2`)).toBe('deployment');
    expect(brokenTextKind('{ "resources": [')).toBe('deployment');
  });

  it('a byte order mark is not part of the document', () => {
    expect(withoutBom('\uFEFF{}')).toBe('{}');
    expect(withoutBom('{}')).toBe('{}');
  });
});
