import { describe, expect, it } from 'vitest';
import type { StepProps } from '../exporters/steps';
import { canonicalId, ID_PROPS, idPropValues, OWN_SUBSCRIPTION, TARGET_GROUP, type IdContext } from './world';

const GUID_A = '0b1f6471-1bf0-4dda-aec3-111122223333';
const ctx: IdContext = { ownSubscription: GUID_A, ownGroup: 'RG-Data' };

describe('canonicalId', () => {
  it('lower-cases every segment and writes the own subscription and target group in the shared spelling', () => {
    const raw =
      `/subscriptions/${GUID_A.toUpperCase()}/resourceGroups/RG-Data/providers/Microsoft.Network/` +
      'virtualNetworks/VNet-A/subnets/Snet-PG';
    expect(canonicalId(raw, ctx)).toBe(
      `/subscriptions/${OWN_SUBSCRIPTION}/resourcegroups/rg-data/providers/microsoft.network/` +
        'virtualnetworks/vnet-a/subnets/snet-pg',
    );
  });

  it('reads an empty subscription and group as the deployment own, and keeps another subscription', () => {
    expect(canonicalId('/subscriptions//resourceGroups//providers/Microsoft.Network/privateDnsZones/Z.COM', ctx)).toBe(
      `/subscriptions/${OWN_SUBSCRIPTION}/resourcegroups/rg-data/providers/microsoft.network/privatednszones/z.com`,
    );
    const noGroup: IdContext = { ownSubscription: null, ownGroup: '' };
    expect(canonicalId('/subscriptions/OTHER/resourceGroups//providers/A.B/c/D', noGroup)).toBe(
      `/subscriptions/other/resourcegroups/${TARGET_GROUP}/providers/a.b/c/d`,
    );
  });

  it('refuses what is not a resource group resource ID', () => {
    expect(canonicalId('/subscriptions/x/providers/Microsoft.Network/virtualNetworks/a', ctx)).toBeNull();
    expect(
      canonicalId('/subscriptions/x/resourceGroups/g/providers/Microsoft.Network/virtualNetworks', ctx),
    ).toBeNull();
    expect(canonicalId('vnet-a', ctx)).toBeNull();
  });
});

describe('idPropValues', () => {
  it('reads the ID props in the order of ID_PROPS', () => {
    const props: StepProps = Object.fromEntries(ID_PROPS.map((k, i) => [k, `/id/${i}`]));
    expect(idPropValues(props)).toEqual(ID_PROPS.map((k) => props[k]));
    expect(idPropValues({})).toEqual(ID_PROPS.map(() => undefined));
  });
});
