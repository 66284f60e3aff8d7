/**
 * Reading a zod schema's structure through zod's core definitions, which `zod` and `zod/mini`
 * schemas share, so that the plan schema can use either.
 */
import type { $ZodType } from 'zod/v4/core';

export type AnySchema = $ZodType;

/** The parts of a core definition the share layer reads (object, array, wrappers, union, enum, literal). */
export interface SchemaDef {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  options?: readonly AnySchema[];
  discriminator?: string;
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  checks?: readonly { _zod: { def: { check?: string; minimum?: number } } }[];
}

export const defOf = (schema: AnySchema): SchemaDef => schema._zod.def;

/** Removes default / optional / nullable wrappers. */
export function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (
    let def = defOf(s);
    (def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'prefault') &&
    def.innerType;
    def = defOf(s)
  ) {
    s = def.innerType;
  }
  return s;
}

/** The option of a discriminated union whose discriminator literal equals `value`. */
export function unionOption(def: SchemaDef, value: unknown): AnySchema | undefined {
  const key = def.discriminator;
  if (key === undefined) return undefined;
  return (def.options ?? []).find((o) => {
    const field = defOf(o).shape?.[key];
    return field !== undefined && (defOf(unwrap(field)).values ?? []).includes(value);
  });
}
