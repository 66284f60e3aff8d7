/**
 * fast-check arbitraries derived from the plan's zod schemas (test support only). Deriving them
 * from the schema means a field added to the plan is generated at once, and the round-trip tests
 * fail until the link codec carries it.
 */
import fc from 'fast-check';
import { z } from 'zod';

/** Strings that break naive encoders: empty, quotes, escapes, separators, lone surrogates, emoji. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '"', "'", '\\', '\\"', '\n', '\r\n', '\t', '\u0000', '\u2028', '\u00fc', '\u{1F418}', '\uD800', '\uDFFF', 'p1.', '#', '[', 'null', '*', '10.0.0.0/24', 'Untitled plan'),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);

function minLength(schema: z.ZodArray): number {
  for (const check of schema.def.checks ?? []) {
    const def = (check as unknown as { _zod: { def: { check?: string; minimum?: number } } })._zod.def;
    if (def.check === 'min_length' && typeof def.minimum === 'number') return def.minimum;
  }
  return 0;
}

/** An arbitrary producing values of the schema's output shape (defaults already applied). */
export function arbitraryFor(schema: z.ZodType, maxItems = 3): fc.Arbitrary<unknown> {
  if (schema instanceof z.ZodDefault) return arbitraryFor(schema.unwrap() as z.ZodType, maxItems);
  if (schema instanceof z.ZodNullable) return fc.option(arbitraryFor(schema.unwrap() as z.ZodType, maxItems), { nil: null });
  if (schema instanceof z.ZodOptional) return arbitraryFor(schema.unwrap() as z.ZodType, maxItems);
  if (schema instanceof z.ZodString) return oddString;
  if (schema instanceof z.ZodBoolean) return fc.boolean();
  if (schema instanceof z.ZodNumber) return fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.integer());
  if (schema instanceof z.ZodEnum) return fc.constantFrom(...(schema.options as (string | number)[]));
  if (schema instanceof z.ZodLiteral) return fc.constantFrom(...(schema.def.values as unknown[]));
  if (schema instanceof z.ZodArray) {
    const min = minLength(schema);
    return fc.array(arbitraryFor(schema.element as z.ZodType, maxItems), { minLength: min, maxLength: Math.max(min, maxItems) });
  }
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    const requiredKeys: string[] = [];
    for (const [key, field] of Object.entries(shape)) {
      model[key] = arbitraryFor(field, maxItems);
      if (!(field instanceof z.ZodOptional)) requiredKeys.push(key);
    }
    return fc.record(model, { requiredKeys });
  }
  if (schema instanceof z.ZodUnion) return fc.oneof(...(schema.options as z.ZodType[]).map((o) => arbitraryFor(o, maxItems)));
  throw new Error(`No arbitrary for zod type "${schema.def.type}"; extend schemaArbitrary.ts.`);
}
