/** Plan format 1 → 2: each other VNet's `peering` flags become `access.peerings`, the gateway flags written out. */
import { describe, expect, it } from 'vitest';
import { newPublicAccess } from '../../domain/new-plan';
import { decodePlanLink, encodeLinkPayload } from '../link';
import { parsePlanFile } from '../plan-file';
import { readAnyPlanDocument } from './index';
import { v1ToV2 } from './v1-to-v2';

type Doc = Record<string, unknown>;

/** A format-1 private plan: server VNet vnet-app, and the other VNets and sites given. */
function v1Plan(peeredVnets: Doc[], onPremises: Doc[] = []): Doc {
  return {
    formatVersion: 1,
    name: 'Format 1',
    servers: [{ name: 'pg-a', region: 'westeurope' }],
    access: {
      mode: 'private',
      vnet: { name: 'vnet-app', region: 'westeurope', addressSpaces: ['10.0.0.0/16'] },
      delegatedSubnet: { name: 'snet-pg', prefix: '10.0.0.0/28' },
      peeredVnets,
      onPremises,
    },
  };
}

const other = (name: string, peering?: unknown): Doc => ({
  name,
  region: 'westeurope',
  addressSpaces: ['10.1.0.0/16'],
  ...(peering === undefined ? {} : { peering }),
});

const site = (gatewayVnet: string, connection?: string): Doc => ({
  name: `site-${gatewayVnet}`,
  addressRanges: ['192.168.0.0/24'],
  gatewayVnet,
  ...(connection === undefined ? {} : { connection }),
});

const access = (doc: Doc) => doc.access as Doc & { peerings: Doc[]; peeredVnets: Doc[] };
const migrated = (doc: Doc) => access(v1ToV2.migrate(doc));

/** A peering as the migration writes it: every flag written out. */
const p = (from: string, to: string, flags: Partial<Record<'fwd' | 'transit' | 'remote', boolean>> = {}) => ({
  from,
  to,
  allowForwardedTraffic: flags.fwd ?? false,
  allowGatewayTransit: flags.transit ?? false,
  useRemoteGateways: flags.remote ?? false,
});

describe('plan format 1 → 2', () => {
  it('goes from 1 to 2', () => {
    expect([v1ToV2.from, v1ToV2.to]).toEqual([1, 2]);
  });

  it('an absent peering (or one with its flags absent) is both directions, the server side first', () => {
    const result = migrated(v1Plan([other('vnet-a'), other('vnet-b', {}), other('vnet-c', { toServerVnet: true })]));
    expect(result.peerings).toEqual([
      p('vnet-app', 'vnet-a'),
      p('vnet-a', 'vnet-app'),
      p('vnet-app', 'vnet-b'),
      p('vnet-b', 'vnet-app'),
      p('vnet-app', 'vnet-c'),
      p('vnet-c', 'vnet-app'),
    ]);
  });

  it('one-way and unpeered VNets keep only the directions they declared; `peering` leaves the other VNets', () => {
    const result = migrated(
      v1Plan([
        other('vnet-out', { fromServerVnet: true, toServerVnet: false }),
        other('vnet-in', { fromServerVnet: false, toServerVnet: true }),
        other('vnet-none', { fromServerVnet: false, toServerVnet: false }),
      ]),
    );
    expect(result.peerings).toEqual([p('vnet-app', 'vnet-out'), p('vnet-in', 'vnet-app')]);
    expect(result.peeredVnets.map((v) => 'peering' in v)).toEqual([false, false, false]);
    expect(result.peeredVnets[0]).toEqual(other('vnet-out'));
  });

  it('a VNet holding a site’s gateway: the server VNet uses its gateway, it offers transit, both forward', () => {
    const result = migrated(v1Plan([other('vnet-spoke'), other('vnet-hub')], [site('VNet-HUB', 'expressRoute')]));
    expect(result.peerings).toEqual([
      p('vnet-app', 'vnet-spoke'),
      p('vnet-spoke', 'vnet-app'),
      p('vnet-app', 'vnet-hub', { fwd: true, remote: true }),
      p('vnet-hub', 'vnet-app', { fwd: true, transit: true }),
    ]);
  });

  it('a site with no connection given is a VPN: its gateway VNet gets the flags, on the directions that exist', () => {
    const result = migrated(
      v1Plan([other('vnet-hub', { fromServerVnet: false, toServerVnet: true })], [site('vnet-hub')]),
    );
    expect(result.peerings).toEqual([p('vnet-hub', 'vnet-app', { fwd: true, transit: true })]);
  });

  it('no flags for a site without connection, a gateway in the server VNet, an unknown VNet or none named', () => {
    const result = migrated(
      v1Plan(
        [other('vnet-hub'), other('VNET-APP')],
        [site('vnet-hub', 'none'), site('vnet-app'), site('Vnet-App', 'vpn'), site('vnet-elsewhere'), site('')],
      ),
    );
    // "VNET-APP" is another VNet with the server VNet's name: the name resolves to the server VNet, as in format 1.
    expect(result.peerings).toEqual([
      p('vnet-app', 'vnet-hub'),
      p('vnet-hub', 'vnet-app'),
      p('vnet-app', 'VNET-APP'),
      p('VNET-APP', 'vnet-app'),
    ]);
  });

  it('of two other VNets with one name (in any case), the first holds the gateway', () => {
    const result = migrated(v1Plan([other('vnet-hub'), other('VNET-HUB')], [site('vnet-hub')]));
    expect(result.peerings).toEqual([
      p('vnet-app', 'vnet-hub', { fwd: true, remote: true }),
      p('vnet-hub', 'vnet-app', { fwd: true, transit: true }),
      p('vnet-app', 'VNET-HUB'),
      p('VNET-HUB', 'vnet-app'),
    ]);
  });

  it('the migrated plan reads as format 2, with the new fields at their defaults', () => {
    const read = readAnyPlanDocument(v1Plan([other('vnet-a', { toServerVnet: false })]));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.plan.formatVersion).toBe(2);
    if (read.plan.access.mode !== 'private') throw new Error('expected private access');
    expect(read.plan.access.peerings).toEqual([p('vnet-app', 'vnet-a')]);
    expect(read.plan.access.routeTables).toEqual([]);
    expect(read.plan.access.vnet.appliance).toBeNull();
    expect(read.plan.access.peeredVnets[0]).toMatchObject({ subnets: [], appliance: null });
  });

  it('a plan without other VNets has no peerings', () => {
    expect(migrated(v1Plan([])).peerings).toEqual([]);
    const read = readAnyPlanDocument({ ...v1Plan([]), access: { ...access(v1Plan([])), peeredVnets: undefined } });
    expect(read.ok && read.plan.access.mode === 'private' && read.plan.access.peerings).toEqual([]);
  });

  it('a public plan is left as it is', () => {
    const doc = {
      formatVersion: 1,
      servers: [{ name: 'pg-a', region: 'westeurope' }],
      access: { mode: 'public', firewallRules: [{ name: 'office', startIp: '203.0.113.1', endIp: '203.0.113.1' }] },
    };
    const before = structuredClone(doc);
    expect(v1ToV2.migrate(doc)).toEqual(before);
    const read = readAnyPlanDocument(doc);
    expect(read.ok && read.plan.access).toEqual({ ...newPublicAccess(), ...before.access });
  });

  it('does not change its input', () => {
    const doc = v1Plan(
      [other('vnet-hub', { fromServerVnet: true, toServerVnet: false }), other('vnet-b')],
      [site('vnet-hub')],
    );
    const before = structuredClone(doc);
    const deepFreeze = (v: unknown): void => {
      if (typeof v !== 'object' || v === null) return;
      Object.freeze(v);
      for (const x of Object.values(v)) deepFreeze(x);
    };
    deepFreeze(doc);
    const result = v1ToV2.migrate(doc);
    expect(doc).toEqual(before);
    expect(result).not.toBe(doc);
    expect(access(result).peerings).toHaveLength(3);
  });

  it.each([
    [{ fromServerVnet: 'yes' }, 'access.peeredVnets.1.peering.fromServerVnet: expected true or false, found "yes"'],
    [{ toServerVnet: 1 }, 'access.peeredVnets.1.peering.toServerVnet: expected true or false, found 1'],
    [{ toServerVnet: null }, 'access.peeredVnets.1.peering.toServerVnet: expected true or false, found null'],
    [3, 'access.peeredVnets.1.peering: expected an object with fromServerVnet and toServerVnet'],
    [null, 'access.peeredVnets.1.peering: expected an object with fromServerVnet and toServerVnet'],
  ])('a garbage peering %j is a load error naming where it is', (peering, message) => {
    const doc = v1Plan([other('vnet-a'), other('vnet-b', peering)]);
    expect(readAnyPlanDocument(doc)).toEqual({
      ok: false,
      error: { kind: 'invalid-plan', message: `Migrating from format 1 to 2 failed: ${message}.` },
    });
    // The same from a plan file and from a share link of format 1 (position 5 of another VNet).
    const file = parsePlanFile(JSON.stringify(doc));
    expect(file.ok ? '' : file.error.message).toBe(`Migrating from format 1 to 2 failed: ${message}.`);
  });

  it('a format-1 link whose peering is not one of its four codes is a load error naming where it is', () => {
    const peeredVnet = (code: unknown) => ['vnet-b', 'westeurope', null, '10.1.0.0/16', null, code];
    const link = (code: unknown) =>
      encodeLinkPayload(
        JSON.stringify([
          1,
          null,
          [['pg-a', 'westeurope']],
          [0, ['vnet-app', 'westeurope'], ['snet-pg', '10.0.0.0/28'], null, [peeredVnet(code)]],
        ]),
      );
    const opened = decodePlanLink(link(2));
    expect(opened.ok && opened.plan.access.mode === 'private' && opened.plan.access.peerings).toEqual([
      p('vnet-b', 'vnet-app'),
    ]);
    const bad = decodePlanLink(link(4));
    expect(bad.ok ? '' : bad.error.message).toBe(
      'The link holds an invalid plan: Migrating from format 1 to 2 failed: ' +
        'access.peeredVnets.0.peering: expected an object with fromServerVnet and toServerVnet.',
    );
  });
});
