/**
 * fast-check arbitraries derived from the plan's zod schemas (test support only). Deriving them
 * from the schema means a field added to the plan is generated at once, and the round-trip tests
 * fail until the link codec carries it. Works on zod's core definitions (zod and zod/mini alike).
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import { PlanDocumentSchema, type Plan } from '../../domain/plan';
import { defOf, type AnySchema } from '../schema-walk';

/** Strings that break naive encoders: empty, quotes, escapes, separators, lone surrogates, emoji. */
const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '"',
    "'",
    '\\',
    '\\"',
    '\n',
    '\r\n',
    '\t',
    '\u0000',
    '\u2028',
    '\u00fc',
    '\u{1F418}',
    '\uD800',
    '\uDFFF',
    'p1.',
    '#',
    '[',
    'null',
    '*',
    '10.0.0.0/24',
    'Untitled plan',
  ),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);

function minLength(schema: AnySchema): number {
  for (const check of defOf(schema).checks ?? []) {
    const def = check._zod.def;
    if (def.check === 'min_length' && typeof def.minimum === 'number') return def.minimum;
  }
  return 0;
}

/** An arbitrary producing values of the schema's output shape (defaults already applied). */
export function arbitraryFor(schema: AnySchema, maxItems = 3): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
      return arbitraryFor(def.innerType as AnySchema, maxItems);
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType as AnySchema, maxItems), { nil: null });
    case 'string':
      return oddString;
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.integer());
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'array': {
      const min = minLength(schema);
      return fc.array(arbitraryFor(def.element as AnySchema, maxItems), {
        minLength: min,
        maxLength: Math.max(min, maxItems),
      });
    }
    case 'object': {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const requiredKeys: string[] = [];
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        model[key] = arbitraryFor(field, maxItems);
        if (defOf(field).type !== 'optional') requiredKeys.push(key);
      }
      const record = fc.record(model, { requiredKeys });
      // An object with checks across its fields (a refinement) keeps only the values the schema accepts.
      const refined = (def.checks ?? []).some((c) => c._zod.def.check === 'custom');
      return refined ? record.filter((v) => z.safeParse(schema as z.ZodMiniType, v).success) : record;
    }
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => arbitraryFor(o, maxItems)));
    default:
      throw new Error(`No arbitrary for zod type "${def.type}"; extend schemaArbitrary.ts.`);
  }
}

/**
 * Any plan the plan schema accepts, odd strings included (public and private): the documents `arbitraryFor` makes,
 * as the schema reads them (its defaults and its rules applied), those it refuses left out.
 */
export const schemaPlans: fc.Arbitrary<Plan> = arbitraryFor(PlanDocumentSchema)
  .map((doc) => PlanDocumentSchema.safeParse(doc))
  .filter((r) => r.success)
  .map((r) => r.data);
