import { describe, expect, it } from 'vitest';
import { PLAN_FORMAT_VERSION } from '../domain/plan';
import { typicalPlan } from '../domain/samples';
import { MAX_PLAN_FILE_BYTES, parsePlanFile, planFileName, planFileTooLarge, serializePlanFile } from './plan-file';
import { examplePlans, jsonRoundTrip } from './testing/plans';

describe('serializePlanFile', () => {
  it('writes pretty JSON with keys in the schema order, whatever order the plan object has', () => {
    const plan = typicalPlan();
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    const reversed = reverseKeys(plan) as typeof plan;
    expect(Object.keys(reversed)[0]).toBe('clients');
    const text = serializePlanFile(reversed);
    expect(text).toBe(serializePlanFile(plan));
    expect(Object.keys(JSON.parse(text))).toEqual(['formatVersion', 'name', 'servers', 'access', 'tls', 'clients']);
    expect(text.startsWith(`{\n  "formatVersion": ${PLAN_FORMAT_VERSION},\n  "name": `)).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it.each(examplePlans().map((e) => [e.file, e.plan] as const))('%s: plan → file → plan is equal', (_f, plan) => {
    const back = parsePlanFile(serializePlanFile(plan));
    expect(back.ok && back.plan).toEqual(jsonRoundTrip(plan));
  });
});

describe('parsePlanFile errors', () => {
  const text = serializePlanFile(typicalPlan());

  it('empty files', () => {
    for (const t of ['', '   \n', '\uFEFF'])
      expect(parsePlanFile(t)).toMatchObject({ ok: false, error: { kind: 'empty' } });
  });

  it('JSON syntax errors with line and column', () => {
    const broken = text.replace('"name": "snet-1",', '"name": "snet-1"');
    const r = parsePlanFile(broken);
    // The missing comma is noticed at the next property, on the following line.
    const lines = broken.split('\n');
    const line = lines.findIndex((l) => l.includes('"name": "snet-1"')) + 2;
    const column = lines[line - 1]!.indexOf('"') + 1;
    expect(column).toBeGreaterThan(1);
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalid-json', line, column } });
    expect(!r.ok && r.error.message).toContain(`Not valid JSON at line ${line}, column ${column}: expected “,” or “}”`);
  });

  it('accepts a byte-order mark', () => {
    expect(parsePlanFile(`\uFEFF${text}`).ok).toBe(true);
  });

  it('a valid JSON document of the wrong shape says where', () => {
    const doc = JSON.parse(text);
    doc.access.vnet.subnets[1].prefix = 12;
    const r = parsePlanFile(JSON.stringify(doc));
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalid-plan', path: 'access.vnet.subnets.1.prefix' } });
    expect(!r.ok && r.error.message).toContain('access.vnet.subnets.1.prefix');
    expect(parsePlanFile('[1, 2]')).toMatchObject({ ok: false, error: { kind: 'invalid-plan' } });
    expect(parsePlanFile('{"hello": "world"}')).toMatchObject({
      ok: false,
      error: { kind: 'invalid-plan', path: 'formatVersion' },
    });
  });

  it('a file from a newer planner', () => {
    const doc = { ...JSON.parse(text), formatVersion: PLAN_FORMAT_VERSION + 1 };
    expect(parsePlanFile(JSON.stringify(doc))).toMatchObject({ ok: false, error: { kind: 'newer-version' } });
  });

  it('too large', () => {
    expect(parsePlanFile(' '.repeat(MAX_PLAN_FILE_BYTES + 1))).toMatchObject({
      ok: false,
      error: { kind: 'too-large' },
    });
    expect(planFileTooLarge(40 * 1024 * 1024)).toMatchObject({
      ok: false,
      error: { kind: 'too-large', message: expect.stringContaining('40.0 MB') },
    });
  });
});

describe('planFileName', () => {
  it('slugifies the plan name', () => {
    expect(planFileName({ name: 'Contoso orders: hub and spoke' })).toBe('contoso-orders-hub-and-spoke.json');
    expect(planFileName({ name: 'Zürich Café — prod' })).toBe('zurich-cafe-prod.json');
    expect(planFileName({ name: '' })).toBe('plan.json');
    expect(planFileName({ name: '🐘🐘' })).toBe('plan.json');
    expect(planFileName({ name: 'x'.repeat(100) })).toBe(`${'x'.repeat(60)}.json`);
  });
});
