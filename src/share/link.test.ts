import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import type * as Fflate from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AZURE_MAXIMUM_SIZE, limitPlan } from '../domain/limit-samples';
import { PLAN_FORMAT_VERSION, type Plan } from '../domain/plan';
import { largePlan, typicalPlan } from '../domain/samples';
import { encodeBase64Url } from './base64url';
import { compactPlanV1 } from './compact-v1';
import { crc32 } from './crc32';
import type { PlanLoadResult } from './errors';
import {
  LINK_SHARE_LIMIT,
  MAX_INFLATED_BYTES,
  MAX_LINK_CHARS,
  decodePlanLink,
  decodePlanLinkAsync,
  encodeLinkPayload,
  encodePlanLink,
  isLinkTooLong,
  planLinkUrl,
} from './link';
import { examplePlans, jsonRoundTrip, linkContents } from './testing/plans';

/** While `off` is set, fflate's inflater refuses to start: what opens then went through the platform's inflater. */
const fflateInflate = vi.hoisted(() => ({ off: false }));
vi.mock('fflate', async (importOriginal) => {
  const real = await importOriginal<typeof Fflate>();
  class Inflate extends real.Inflate {
    constructor(...args: ConstructorParameters<typeof real.Inflate>) {
      if (fflateInflate.off) throw new Error('fflate inflate is off in this test');
      super(...args);
    }
  }
  return { ...real, Inflate };
});

const kindOf = (r: PlanLoadResult) => (r.ok ? 'ok' : r.error.kind);
const eight = () => examplePlans().find((e) => e.file === 'eight-subnets.json')!.plan;

describe('share link round trip', () => {
  it.each(examplePlans().map((e) => [e.file, e.plan] as const))(
    '%s opens as the same plan, byte for byte',
    (_file, plan) => {
      const link = encodePlanLink(plan);
      expect(link).toMatch(/^p1\.[A-Za-z0-9_-]+$/);
      const back = decodePlanLink(link);
      expect(back.ok).toBe(true);
      if (back.ok) expect(JSON.stringify(back.plan)).toBe(JSON.stringify(plan));
    },
  );

  it('round-trips the typical and the large budget plans', () => {
    for (const plan of [typicalPlan(), largePlan()]) {
      const back = decodePlanLink(encodePlanLink(plan));
      expect(back.ok && back.plan).toEqual(jsonRoundTrip(plan));
    }
  });

  it('accepts the fragment with "#", a whole address, and stray line breaks from mail tools', () => {
    const plan = eight();
    const link = encodePlanLink(plan);
    for (const input of [
      `#${link}`,
      `https://planner.example/app/#${link}`,
      `  ${link.slice(0, 50)}\n${link.slice(50)}  `,
    ]) {
      const back = decodePlanLink(input);
      expect(back.ok && back.plan).toEqual(plan);
    }
  });

  it('puts the plan after "#" and replaces an existing fragment of the base address', () => {
    const plan = eight();
    expect(planLinkUrl('http://localhost:5173/', plan)).toBe(`http://localhost:5173/#${encodePlanLink(plan)}`);
    expect(planLinkUrl('https://x.example/?a=1#old', plan)).toBe(`https://x.example/?a=1#${encodePlanLink(plan)}`);
  });
});

describe('plan format 2 in the link', () => {
  it('peerings and route tables name a VNet by its position when the name is exactly its name, else by name', () => {
    const plan = typicalPlan();
    if (plan.access.mode !== 'private') throw new Error('expected a private plan');
    plan.access.peerings = [
      { ...plan.access.peerings[0]!, allowForwardedTraffic: true, useRemoteGateways: true },
      { ...plan.access.peerings[1]!, from: 'VNET-SPOKE-0', allowGatewayTransit: true },
      { ...plan.access.peerings[2]!, to: 'vnet-elsewhere' },
    ];
    plan.access.routeTables = [
      { name: 'rt', vnet: 'vnet-spoke-2', existing: false, subnets: ['snet-app'], routes: [] },
      { name: 'rt-x', vnet: 'Vnet-Sample', existing: false, subnets: [], routes: [] },
    ];
    const access = (compactPlanV1(plan) as unknown[])[3] as unknown[];
    // Positions 9 and 10; 0 is the server VNet, i + 1 the other VNet i; flags 1, 2, 4 are forwarded traffic,
    // gateway transit and remote gateways.
    expect(access.slice(9)).toEqual([
      [
        [0, 1, 5],
        ['VNET-SPOKE-0', 0, 2],
        [0, 'vnet-elsewhere'],
      ],
      [
        ['rt', 3, 'snet-app'],
        ['rt-x', 'Vnet-Sample'],
      ],
    ]);
    const back = decodePlanLink(encodePlanLink(plan));
    expect(back.ok && back.plan).toEqual(jsonRoundTrip(plan));
  });

  it('a link of plan format 1 keeps its shape: position 5 of another VNet is its peering; it opens migrated', () => {
    const link = readFileSync(new URL('./fixtures/v1-every-field.link.txt', import.meta.url), 'utf8').trim();
    const contents = linkContents(link) as unknown[];
    expect(contents[0]).toBe(1);
    const others = ((contents[3] as unknown[])[4] as unknown[][]).map((v) => [v[0], v[5]]);
    // From the server VNet only (1), towards it only (2), not peered (0).
    expect(others).toEqual([
      ['vnet-one-way', 1],
      ['vnet-other-way', 2],
      ['vnet-unpeered', 0],
    ]);
    const opened = decodePlanLink(link);
    if (!opened.ok || opened.plan.access.mode !== 'private') throw new Error('expected a private plan');
    expect(opened.plan.formatVersion).toBe(PLAN_FORMAT_VERSION);
    expect(opened.plan.access.peerings.map((p) => `${p.from} → ${p.to}`)).toEqual([
      'vnet-everything → vnet-one-way',
      'vnet-other-way → vnet-everything',
    ]);
    expect(opened.plan.access.peeredVnets.map((v) => v.subnets)).toEqual([[], [], []]);
  });

  it('a position that names no VNet of the plan is refused where it sits', () => {
    const compact = compactPlanV1(typicalPlan()) as unknown[];
    const access = compact[3] as unknown[];
    access[9] = [[0, 4]];
    const r = decodePlanLink(encodeLinkPayload(JSON.stringify(compact)));
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalid-plan', path: 'access.peerings.0.to' } });
    access[9] = [[0, 1, 8]];
    expect(decodePlanLink(encodeLinkPayload(JSON.stringify(compact)))).toMatchObject({
      ok: false,
      error: { kind: 'invalid-plan', path: 'access.peerings.0.allowForwardedTraffic' },
    });
  });
});

describe('link length (spec/budgets.md)', () => {
  it('the 8-subnet plan is shorter than visualsubnetcalc’s 432 characters', () => {
    expect(encodePlanLink(eight()).length).toBeLessThan(432);
  });
  it('the typical plan is at most 1,000 characters', () => {
    expect(encodePlanLink(typicalPlan()).length).toBeLessThanOrEqual(1000);
  });
  it('drops default values: a plan with every field at its default is a handful of bytes', () => {
    const minimal = { ...eight(), name: 'Untitled plan', clients: [] };
    const compact = JSON.stringify(compactPlanV1(minimal));
    expect(compact).not.toContain('TLSv1.2');
    expect(compact).not.toContain('Untitled plan');
    expect(compact).not.toContain('false');
  });
  it('says when a link is too long to share and the plan file is the better way', () => {
    expect(isLinkTooLong('x'.repeat(LINK_SHARE_LIMIT))).toBe(false);
    expect(isLinkTooLong('x'.repeat(LINK_SHARE_LIMIT + 1))).toBe(true);
    expect(isLinkTooLong(encodePlanLink(typicalPlan()))).toBe(false);
    expect(isLinkTooLong(encodePlanLink(largePlan()))).toBe(true);
  });
});

/** A link framing `deflated` (any bytes) with a correct length and a CRC over them and `text`. */
function framed(deflated: Uint8Array, text: Uint8Array): string {
  const header = [];
  let v = deflated.length;
  while (v >= 0x80) {
    header.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  header.push(v);
  const crc = crc32(text, crc32(deflated));
  header.push(crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff);
  return `p1.${encodeBase64Url(new Uint8Array([...header, ...deflated]))}`;
}

/** Four times the inflate cap of zeros, without the link format's dictionary. */
function zipBomb(): string {
  const zeros = new Uint8Array(MAX_INFLATED_BYTES * 4);
  return framed(deflateSync(zeros, { level: 9 }), zeros.subarray(0, 0));
}

describe('share link errors', () => {
  const link = encodePlanLink(typicalPlan());

  it('empty', () => {
    for (const input of ['', '#', '   ', 'https://x.example/#']) expect(kindOf(decodePlanLink(input))).toBe('empty');
  });

  it('not a plan link', () => {
    for (const input of ['#main-content', 'hello', 'p.abc', 'p01.abc', 'q1.abc', 'P1.abc', 'p0.abc']) {
      expect(kindOf(decodePlanLink(input))).toBe('not-a-plan-link');
    }
  });

  it('truncated: every cut of the link is reported as cut off, never opened', () => {
    for (let n = 1; n < link.length; n += 1) {
      const r = decodePlanLink(link.slice(0, n));
      expect(kindOf(r), `cut at ${n}`).toBe('truncated');
    }
  });

  it('corrupted: every single changed character is detected', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 3; i < link.length; i += 1) {
      const original = link[i]!;
      const replacement = alphabet[(alphabet.indexOf(original) + 1 + (i % 63)) % 64]!;
      const r = decodePlanLink(link.slice(0, i) + replacement + link.slice(i + 1));
      // A change in the length header reads as a cut-off or overlong link; anywhere else it is damage.
      expect(['corrupted', 'truncated'], `changed at ${i}`).toContain(kindOf(r));
      if (i >= 6) expect(kindOf(r), `changed at ${i}`).toBe('corrupted');
    }
  });

  it('corrupted: extra characters, and characters outside base64url', () => {
    expect(kindOf(decodePlanLink(`${link}AAAA`))).toBe('corrupted');
    expect(kindOf(decodePlanLink(`${link.slice(0, 40)}%20${link.slice(40)}`))).toBe('corrupted');
    expect(kindOf(decodePlanLink(`${link.slice(0, 40)}+/${link.slice(42)}`))).toBe('corrupted');
  });

  it('newer version: link format or plan format from a newer planner', () => {
    expect(kindOf(decodePlanLink(`p2.${link.slice(3)}`))).toBe('newer-version');
    expect(kindOf(decodePlanLink('p99.AAAA'))).toBe('newer-version');
    const compact = compactPlanV1(typicalPlan()) as unknown[];
    const newer = encodeLinkPayload(JSON.stringify([PLAN_FORMAT_VERSION + 1, ...compact.slice(1)]));
    const r = decodePlanLink(newer);
    expect(kindOf(r)).toBe('newer-version');
    expect(!r.ok && r.error.message).toContain(`formatVersion ${PLAN_FORMAT_VERSION + 1} is newer`);
  });

  it('invalid JSON inside a well-formed link', () => {
    for (const text of ['{not json', '', '[1,', 'undefined'])
      expect(kindOf(decodePlanLink(encodeLinkPayload(text)))).toBe('invalid-json');
  });

  it('valid JSON of the wrong shape says where', () => {
    expect(kindOf(decodePlanLink(encodeLinkPayload('{"formatVersion":1}')))).toBe('invalid-plan');
    expect(kindOf(decodePlanLink(encodeLinkPayload('"p1."')))).toBe('invalid-plan');
    const noServers = decodePlanLink(encodeLinkPayload('[1,"x",[]]'));
    expect(noServers).toMatchObject({ ok: false, error: { kind: 'invalid-plan', path: 'servers' } });
    const compact = compactPlanV1(eight()) as unknown[];
    const badSubnets = structuredClone(compact);
    ((badSubnets[3] as unknown[])[1] as unknown[])[4] = ['app', 42];
    const r = decodePlanLink(encodeLinkPayload(JSON.stringify(badSubnets)));
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalid-plan', path: 'access.vnet.subnets.0.prefix' } });
    expect(!r.ok && r.error.message).toContain('access.vnet.subnets.0.prefix');
    const badEnum = structuredClone(compact);
    (badEnum[2] as unknown[][])[0]![3] = 7;
    expect(decodePlanLink(encodeLinkPayload(JSON.stringify(badEnum)))).toMatchObject({
      ok: false,
      error: { kind: 'invalid-plan', path: 'servers.0.highAvailability' },
    });
  });

  it('too large: absurd links are refused before decoding', () => {
    const r = decodePlanLink(`p1.${'A'.repeat(MAX_LINK_CHARS)}`);
    expect(kindOf(r)).toBe('too-large');
  });

  it('too large: a zip bomb stops at the inflate cap', () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(kindOf(decodePlanLink(bomb))).toBe('too-large');
  });
});

describe('encodeLinkPayload', () => {
  it('frames any text so that it decodes back to it', () => {
    const plan: Plan = typicalPlan();
    const text = JSON.stringify(compactPlanV1(plan));
    expect(encodeLinkPayload(text)).toBe(encodePlanLink(plan));
  });
});

describe('decodePlanLinkAsync (the browser inflater, with the dictionary put before the data)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** Counts the platform inflaters made, so that a test knows the native path ran. */
  function countNativeInflaters(): { made: number } {
    const count = { made: 0 };
    const Native = globalThis.DecompressionStream;
    vi.stubGlobal(
      'DecompressionStream',
      class extends Native {
        constructor(format: CompressionFormat) {
          super(format);
          count.made += 1;
        }
      },
    );
    return count;
  }

  it('opens every example, the budget plans and a plan at Azure’s limits as decodePlanLink does', async () => {
    const count = countNativeInflaters();
    const plans = [
      ...examplePlans().map((e) => e.plan),
      typicalPlan(),
      largePlan(),
      limitPlan(AZURE_MAXIMUM_SIZE, 'spread', 'private'),
    ];
    for (const plan of plans) {
      const link = encodePlanLink(plan);
      const expected = decodePlanLink(link);
      fflateInflate.off = true;
      try {
        const back = await decodePlanLinkAsync(link);
        expect(back.ok, plan.name).toBe(true);
        expect(back).toEqual(expected);
      } finally {
        fflateInflate.off = false;
      }
    }
    expect(count.made).toBe(plans.length);
    // Decoding a plan at Azure's limits three times over takes seconds on a busy machine.
  }, 60_000);

  it('gives decodePlanLink’s verdict on every cut, changed character and broken content', async () => {
    const count = countNativeInflaters();
    const link = encodePlanLink(typicalPlan());
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const inputs = [
      '',
      'hello',
      `p2.${link.slice(3)}`,
      `${link}AAAA`,
      ...['{not json', '', '[1,', '{"formatVersion":1}', '[1,"x",[]]'].map(encodeLinkPayload),
      ...Array.from({ length: link.length - 1 }, (_, n) => link.slice(0, n + 1)),
      ...Array.from({ length: link.length - 3 }, (_, k) => {
        const i = k + 3;
        const replacement = alphabet[(alphabet.indexOf(link[i]!) + 1 + (i % 63)) % 64]!;
        return link.slice(0, i) + replacement + link.slice(i + 1);
      }),
    ];
    for (const input of inputs) expect(await decodePlanLinkAsync(input), input).toEqual(decodePlanLink(input));
    expect(count.made).toBeGreaterThan(link.length / 2);
    // About 1,100 links, each decoded twice.
  }, 60_000);

  it('agrees with decodePlanLink where the inflaters could differ: data after the end, none, a zip bomb', async () => {
    countNativeInflaters();
    const text = new TextEncoder().encode(JSON.stringify(compactPlanV1(typicalPlan())));
    // Without the dictionary, data after the last block, and nothing at all (each with a matching CRC).
    const plain = deflateSync(text, { level: 9 });
    for (const input of [
      framed(plain, text),
      framed(new Uint8Array([...plain, 1, 2, 3]), text),
      framed(new Uint8Array(0), new Uint8Array(0)),
      zipBomb(),
    ]) {
      const expected = decodePlanLink(input);
      expect(await decodePlanLinkAsync(input)).toEqual(expected);
    }
    expect(kindOf(await decodePlanLinkAsync(zipBomb()))).toBe('too-large');
    // Inflating a zip bomb up to the cap, twice over and three times, takes seconds on a busy machine.
  }, 60_000);

  it('opens links where the platform has no DecompressionStream', async () => {
    vi.stubGlobal('DecompressionStream', undefined);
    const link = encodePlanLink(largePlan());
    const back = await decodePlanLinkAsync(link);
    expect(back.ok).toBe(true);
    expect(back).toEqual(decodePlanLink(link));
  });
});
