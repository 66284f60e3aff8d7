import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
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
  encodeLinkPayload,
  encodePlanLink,
  isLinkTooLong,
  planLinkUrl,
} from './link';
import { examplePlans, jsonRoundTrip } from './testing/plans';

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
    const zeros = new Uint8Array(MAX_INFLATED_BYTES * 4);
    const deflated = deflateSync(zeros, { level: 9 });
    const header = [];
    let v = deflated.length;
    while (v >= 0x80) {
      header.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    header.push(v);
    const crc = crc32(zeros);
    header.push(crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff);
    const frame = new Uint8Array([...header, ...deflated]);
    const bomb = `p1.${encodeBase64Url(frame)}`;
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
