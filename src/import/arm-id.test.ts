import { describe, expect, it } from 'vitest';
import { idKey, isType, lastName, parentId, parseArmId } from './arm-id';

const SUBNET =
  '/subscriptions/3f2b6c1e-8a4d-4e7f-9b0c-1d2e3f4a5b6c/resourceGroups/RG-Data/providers/Microsoft.Network/' +
  'virtualNetworks/vnet-data/subnets/snet-pg';

describe('ARM resource IDs', () => {
  it('are parsed in any case, names and groups kept as written', () => {
    expect(parseArmId(SUBNET.toLowerCase().replace('/rg-data/', '/RG-Data/'))).toEqual({
      subscription: '3f2b6c1e-8a4d-4e7f-9b0c-1d2e3f4a5b6c',
      resourceGroup: 'RG-Data',
      type: 'microsoft.network/virtualnetworks/subnets',
      names: ['vnet-data', 'snet-pg'],
    });
    expect(parseArmId(SUBNET)?.type).toBe('Microsoft.Network/virtualNetworks/subnets');
    expect(parseArmId('/subscriptions/x/resourceGroups/y')).toBeNull();
    expect(parseArmId('vnet-data')).toBeNull();
  });

  it('match without regard to case or a trailing slash; a child knows its parent', () => {
    expect(idKey(`${SUBNET.toUpperCase()}/`)).toBe(idKey(SUBNET));
    expect(parentId(SUBNET)).toBe(SUBNET.replace('/subnets/snet-pg', ''));
    expect(parentId(SUBNET.replace('/subnets/snet-pg', ''))).toBeNull();
    expect(lastName(SUBNET)).toBe('snet-pg');
    expect(isType('microsoft.network/virtualnetworks/SUBNETS', 'Microsoft.Network/virtualNetworks/subnets')).toBe(true);
    expect(isType(undefined, 'Microsoft.Network/virtualNetworks')).toBe(false);
  });
});
