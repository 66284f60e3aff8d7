/**
 * 10,000 random and mutated links: the decoder never throws and always names a specific error
 * kind (or opens a valid plan, which only an intact link can do).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAN_FORMAT_VERSION } from '../domain/plan';
import { largePlan, typicalPlan } from '../domain/samples';
import { compactPlanV1 } from './compact-v1';
import { PLAN_LOAD_ERROR_KINDS } from './errors';
import { MAX_LINK_CHARS, decodePlanLink, encodeLinkPayload, encodePlanLink } from './link';
import { examplePlans, linkContents } from './testing/plans';

const seeds = [...examplePlans().map((e) => e.plan), typicalPlan()];
/** Links written by plan format 1 (frozen): their contents go through the migration, its `peering` codes too. */
const formatOneLinks = ['v1-every-field', 'v1-hub-and-spoke'].map((name) =>
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', `${name}.link.txt`), 'utf8').trim(),
);
const links = [...seeds.map(encodePlanLink), ...formatOneLinks];
const compacts = [
  ...seeds.map((p) => compactPlanV1(p) as unknown[]),
  ...formatOneLinks.map((l) => linkContents(l) as unknown[]),
];
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const linkIndex = fc.nat({ max: links.length - 1 });

const mutated: fc.Arbitrary<{ input: string; intact: boolean }> = fc.oneof(
  // Truncated at any point.
  fc.tuple(linkIndex, fc.nat()).map(([i, n]) => {
    const l = links[i]!;
    return { input: l.slice(0, n % l.length), intact: false };
  }),
  // One to three bits flipped in the payload.
  fc
    .tuple(linkIndex, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 5 })), { minLength: 1, maxLength: 3 }))
    .map(([i, flips]) => {
      const chars = [...links[i]!];
      for (const [pos, bit] of flips) {
        const at = 3 + (pos % (chars.length - 3));
        chars[at] = B64[B64.indexOf(chars[at]!) ^ (1 << bit)]!;
      }
      const input = chars.join('');
      return { input, intact: input === links[i] };
    }),
  // Wrong or damaged version marker.
  fc
    .tuple(linkIndex, fc.constantFrom('p2.', 'p0.', 'p.', 'P1.', 'p1', 'p10.', 'x1.', '', 'p1..'))
    .map(([i, m]) => ({ input: m + links[i]!.slice(3), intact: false })),
  // Random text, with or without a plausible marker.
  fc
    .tuple(fc.constantFrom('', 'p1.', '#p1.', 'https://x.example/#p1.'), fc.string({ unit: 'binary', maxLength: 300 }))
    .map(([m, s]) => ({ input: m + s, intact: false })),
  fc
    .tuple(fc.constantFrom('p1.', '#p1.'), fc.string({ unit: fc.constantFrom(...B64), maxLength: 400 }))
    .map(([m, s]) => ({ input: m + s, intact: false })),
  // Well-formed links around content that is not a plan.
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => ({ input: encodeLinkPayload(s), intact: false })),
  fc.json({ maxDepth: 4 }).map((s) => ({ input: encodeLinkPayload(s), intact: false })),
  // Well-formed links around a plan with one position replaced by a random JSON value.
  fc
    .tuple(
      fc.nat({ max: compacts.length - 1 }),
      fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 4 }),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .map(([i, path, value]) => {
      const doc = structuredClone(compacts[i]!);
      let node: unknown = doc;
      for (const [depth, step] of path.entries()) {
        if (!Array.isArray(node) || node.length === 0) break;
        const at = step % node.length;
        if (depth === path.length - 1 || !Array.isArray(node[at])) {
          (node as unknown[])[at] = value;
          break;
        }
        node = node[at];
      }
      return { input: encodeLinkPayload(JSON.stringify(doc)), intact: false };
    }),
  // A newer plan format inside a current link.
  linkIndex.map((i) => ({
    input: encodeLinkPayload(JSON.stringify([PLAN_FORMAT_VERSION + 1, ...compacts[i]!.slice(1)])),
    intact: false,
  })),
  // Huge inputs.
  fc
    .oneof(fc.integer({ min: MAX_LINK_CHARS - 10, max: MAX_LINK_CHARS + 10 }), fc.integer({ min: 8_000, max: 200_000 }))
    .chain((n) =>
      fc
        .constantFrom('A', '_', 'p1.')
        .map((unit) => ({ input: `p1.${unit.repeat(Math.ceil(n / unit.length))}`, intact: false })),
    ),
);

describe('decoder fuzz', () => {
  it('never throws and always answers with a plan or a specific error kind', () => {
    const big = encodePlanLink(largePlan());
    expect(decodePlanLink(big.slice(0, big.length - 100))).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    fc.assert(
      fc.property(mutated, ({ input, intact }) => {
        let result;
        try {
          result = decodePlanLink(input);
        } catch (e) {
          throw new Error(`decodePlanLink threw on ${JSON.stringify(input.slice(0, 80))}: ${String(e)}`, { cause: e });
        }
        if (result.ok) {
          // Only an intact link, or a mutation the schema still accepts, opens; never a damaged frame.
          expect(intact || input.startsWith('p1.')).toBe(true);
          return;
        }
        expect(PLAN_LOAD_ERROR_KINDS).toContain(result.error.kind);
        expect(result.error.message.length).toBeGreaterThan(10);
        expect(result.error.message).not.toMatch(/^Error|\n\s+at /);
      }),
      { seed: 20251123, numRuns: 10_000 },
    );
  }, 180_000);

  it('damaged frames never open: every bit flip of the payload is reported', () => {
    fc.assert(
      fc.property(linkIndex, fc.nat(), fc.nat({ max: 5 }), (i, pos, bit) => {
        const l = links[i]!;
        const at = 3 + (pos % (l.length - 3));
        const flipped = l.slice(0, at) + B64[B64.indexOf(l[at]!) ^ (1 << bit)]! + l.slice(at + 1);
        const r = decodePlanLink(flipped);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(['corrupted', 'truncated']).toContain(r.error.kind);
      }),
      { seed: 99, numRuns: 2_000 },
    );
  });
});
