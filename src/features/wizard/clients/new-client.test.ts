import { describe, expect, it } from 'vitest';
import { newPlan, newPublicAccess } from '../../../domain/new-plan';
import { PlanDocumentSchema, type Client, type PrivateAccess } from '../../../domain/plan';
import { privateEndpointHubPlan } from '../../../domain/testing/private-endpoint-plans';
import { clientTargets, freeClientName, KIND_GROUPS, newClient } from './new-client';

const privateAccess = (): PrivateAccess => {
  const access = newPlan().access as PrivateAccess;
  return {
    ...access,
    vnet: {
      ...access.vnet,
      subnets: [
        { name: '', prefix: '10.0.9.0/24' },
        { name: 'snet-app', prefix: '10.0.1.0/24' },
      ],
    },
    peeredVnets: [
      {
        name: 'vnet-spoke',
        region: 'westeurope',
        resourceGroup: '',
        subscription: '',
        addressSpaces: [],
        zoneLink: false,
        dns: { kind: 'azure' },
        subnets: [],
        appliance: null,
      },
    ],
    onPremises: [{ name: 'office', addressRanges: [], connection: 'vpn', gatewayVnet: '', dnsForwarder: false }],
  };
};

describe('clientTargets', () => {
  it('lists the named subnets, VNets and sites of a private plan', () => {
    expect(clientTargets(privateAccess())).toEqual({ subnets: ['snet-app'], vnets: ['vnet-spoke'], sites: ['office'] });
  });
  it('has nothing to offer in a public plan', () => {
    expect(clientTargets(newPublicAccess())).toEqual({ subnets: [], vnets: [], sites: [] });
    const hub = privateEndpointHubPlan().access;
    expect(clientTargets(hub)).toEqual({
      subnets: [],
      vnets: ['vnet-hub', 'vnet-spoke-ledger-app'],
      sites: ['office-amsterdam'],
    });
  });
});

describe('newClient', () => {
  it('names clients after their kind, first free number, case-insensitively', () => {
    const existing = [{ name: 'Internet-Client-1' }, { name: 'internet-client-3' }];
    expect(freeClientName('internet', existing)).toBe('internet-client-2');
    expect(freeClientName('azureService', existing)).toBe('azure-service-1');
  });
  it('attaches to the first subnet, VNet or site and defaults to TLS 1.2 by FQDN', () => {
    const targets = clientTargets(privateAccess());
    expect(newClient('serverVnet', [], targets)).toMatchObject({
      subnet: 'snet-app',
      tlsVersion: 'TLSv1.2',
      connectsByIp: false,
    });
    expect(newClient('vnet', [], targets)).toMatchObject({ vnet: 'vnet-spoke' });
    expect(newClient('onPremises', [], targets)).toMatchObject({ site: 'office' });
    expect(newClient('internet', [], targets)).toMatchObject({ address: '', dynamicIp: false });
    expect(newClient('azureService', [], targets)).toMatchObject({ tenant: 'same', address: '' });
  });
  it('makes clients the plan schema accepts, of every kind', () => {
    const targets = clientTargets(privateAccess());
    const clients: Client[] = [];
    for (const kind of [...KIND_GROUPS.private.suited, ...KIND_GROUPS.private.other])
      clients.push(newClient(kind, clients, targets));
    const plan = { ...newPlan(), access: privateAccess(), clients };
    const parsed = PlanDocumentSchema.safeParse(plan);
    expect(parsed.success).toBe(true);
    expect(new Set(clients.map((c) => c.name)).size).toBe(5);
  });
  it('offers every kind in both modes, the suited ones first', () => {
    for (const mode of ['private', 'public'] as const) {
      const all = [...KIND_GROUPS[mode].suited, ...KIND_GROUPS[mode].other].sort();
      expect(all).toEqual(['azureService', 'internet', 'onPremises', 'serverVnet', 'vnet']);
    }
    expect(KIND_GROUPS.public.suited[0]).toBe('internet');
    expect(KIND_GROUPS.private.suited[0]).toBe('serverVnet');
  });
});
