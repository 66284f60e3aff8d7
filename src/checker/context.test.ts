import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrRange, parseCidr, parseIPv4 } from '../domain/ipv4';
import { PlanDocumentSchema } from '../domain/plan';
import { contextFor, locate, parseAddress, parseRange } from './context';

const octet = fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.constantFrom('01', '256', '00', '-1', 'a'));
const addressText = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
const prefixText = fc.oneof(fc.integer({ min: 0, max: 32 }).map(String), fc.constantFrom('33', '08', '', 'x'));

describe('fast prefix parsing agrees with the CIDR module', () => {
  it('parseRange gives what parseCidr (unaligned) gives, or null where it refuses', () => {
    fc.assert(
      fc.property(addressText, prefixText, (address, prefix) => {
        const text = `${address}/${prefix}`;
        const reference = parseCidr(text, { aligned: false });
        expect(parseRange(text)).toEqual(reference.ok ? cidrRange(reference.value) : null);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseAddress gives what parseIPv4 gives, or null where it refuses', () => {
    fc.assert(
      fc.property(addressText, (text) => {
        const reference = parseIPv4(text);
        expect(parseAddress(text)).toBe(reference.ok ? reference.value : null);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles the edges: unaligned blocks, /0, /32, spaces and IPv6', () => {
    expect(parseRange('10.1.2.3/16')).toEqual({ start: 0x0a010000, end: 0x0a01ffff });
    expect(parseRange('0.0.0.0/0')).toEqual({ start: 0, end: 0xffffffff });
    expect(parseRange('255.255.255.255/32')).toEqual({ start: 0xffffffff, end: 0xffffffff });
    expect(parseRange(' 10.0.0.0/8')).toBeNull();
    expect(parseRange('2001:db8::/32')).toBeNull();
    expect(parseAddress('255.255.255.255')).toBe(0xffffffff);
  });
});

describe('locate: the first network in plan order that holds an address', () => {
  const plan = PlanDocumentSchema.parse({
    formatVersion: 2,
    servers: [{ name: 'pg', region: 'westeurope' }],
    access: {
      mode: 'private',
      vnet: { name: 'hub', region: 'westeurope', addressSpaces: ['10.0.0.0/16'] },
      delegatedSubnet: { name: 'snet-postgres', prefix: '10.0.0.0/28' },
      peeredVnets: [
        { name: 'wide', region: 'westeurope', addressSpaces: ['10.0.0.0/8'] },
        { name: 'narrow', region: 'westeurope', addressSpaces: ['10.1.0.0/16', '172.16.0.0/24'] },
      ],
      onPremises: [
        { name: 'office', addressRanges: ['172.16.0.0/16', '192.168.0.0/24'] },
        { name: 'Office', addressRanges: ['192.168.1.0/24'] },
      ],
    },
  });
  const ctx = contextFor(plan);
  if (ctx.mode !== 'private') throw new Error('expected a private plan');
  const where = (text: string) => {
    const l = locate(ctx, parseAddress(text) ?? -1);
    return l.kind === 'vnet' ? l.vnet.name : l.kind === 'site' ? `site ${l.site.site.name}` : 'nowhere';
  };

  it('prefers the server VNet, then the other VNets in order, then the sites', () => {
    expect(where('10.0.5.1')).toBe('hub');
    expect(where('10.1.0.1')).toBe('wide');
    expect(where('10.200.0.1')).toBe('wide');
    expect(where('172.16.0.9')).toBe('narrow');
    expect(where('172.16.1.9')).toBe('site office');
    expect(where('192.168.0.9')).toBe('site office');
  });
  it('takes only the first site of a name, as the clients name them', () => {
    expect(where('192.168.1.9')).toBe('nowhere');
    expect(where('8.8.8.8')).toBe('nowhere');
  });
});

describe('the VNets of a format-2 plan', () => {
  const plan = PlanDocumentSchema.parse({
    formatVersion: 2,
    servers: [{ name: 'pg', region: 'westeurope' }],
    access: {
      mode: 'private',
      vnet: { name: 'vnet-data', region: 'westeurope', addressSpaces: ['10.1.0.0/16'] },
      delegatedSubnet: { name: 'snet-postgres', prefix: '10.1.0.0/28' },
      peeredVnets: [
        {
          name: 'vnet-hub',
          region: 'westeurope',
          addressSpaces: ['10.0.0.0/16'],
          subnets: [{ name: 'AzureFirewallSubnet', prefix: '10.0.1.0/26' }],
          appliance: { kind: 'azureFirewall', name: 'afw', privateIp: '10.0.1.4' },
        },
        { name: 'vnet-app', region: 'westeurope', addressSpaces: ['10.2.0.0/16'] },
      ],
      peerings: [
        { from: 'VNET-DATA', to: 'Vnet-Hub' },
        { from: 'vnet-hub', to: 'vnet-data' },
        { from: 'vnet-data', to: 'vnet-app' },
      ],
    },
  });
  const ctx = contextFor(plan);
  if (ctx.mode !== 'private') throw new Error('expected a private plan');

  it('reads the peering directions with the server VNet from access.peerings, names in any case', () => {
    const byName = (name: string) => ctx.vnetNamed(name);
    expect(byName('VNET-HUB')).toMatchObject({ fromServer: true, toServer: true, path: 'access.peeredVnets.0' });
    expect(byName('vnet-app')).toMatchObject({ fromServer: true, toServer: false });
    expect(ctx.server).toMatchObject({ isServer: true, fromServer: false, toServer: false, appliance: null });
  });

  it("keeps each VNet's subnets (the delegated one first for the server VNet) and appliance", () => {
    expect(ctx.server.subnets.map((s) => [s.name, s.path, s.delegated])).toEqual([
      ['snet-postgres', 'access.delegatedSubnet', true],
    ]);
    const hub = ctx.vnetNamed('vnet-hub');
    expect(hub?.appliance).toEqual({ kind: 'azureFirewall', name: 'afw', privateIp: '10.0.1.4' });
    expect(hub?.subnets).toEqual([
      {
        name: 'AzureFirewallSubnet',
        path: 'access.peeredVnets.0.subnets.0',
        prefix: '10.0.1.0/26',
        range: parseRange('10.0.1.0/26'),
        delegated: false,
      },
    ]);
    expect(ctx.vnetNamed('vnet-app')).toMatchObject({ appliance: null, subnets: [] });
  });
});
