/**
 * Plan files: the plan as pretty JSON in the documented format (docs/plan.schema.json), with every
 * field written out and keys in the schema's order, so that a file diffs cleanly in Git.
 */
import { PlanDocumentSchema, type Plan } from '../domain/plan';
import { formatBytes, loadError, type PlanLoadResult } from './errors';
import { findJsonSyntaxError } from './json-error';
import { readAnyPlanDocument } from './migrations';
import { defOf, unionOption, unwrap, type AnySchema } from './schema-walk';

/** Plan files larger than this are refused unread (the large budget plan is about 0.3 MB). */
export const MAX_PLAN_FILE_BYTES = 16 * 1024 * 1024;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Copies `value` with object keys in the order the schema declares them (unknown keys last, sorted). */
function inSchemaOrder(value: unknown, schema: AnySchema): unknown {
  if (value === null || value === undefined) return value;
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'array' && def.element) {
    const element = def.element;
    return Array.isArray(value) ? value.map((v: unknown) => inSchemaOrder(v, element)) : value;
  }
  if (def.type === 'object' && def.shape) {
    if (!isPlainObject(value)) return value;
    const shape = def.shape;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) if (key in value) out[key] = inSchemaOrder(value[key], field);
    for (const key of Object.keys(value)
      .filter((k) => !(k in shape))
      .sort())
      out[key] = value[key];
    return out;
  }
  if (def.type === 'union' && isPlainObject(value)) {
    const option = unionOption(def, def.discriminator === undefined ? undefined : value[def.discriminator]);
    return option === undefined ? value : inSchemaOrder(value, option);
  }
  return value;
}

/** The plan as a plan file: pretty JSON, keys in schema order, a final newline. */
export function serializePlanFile(plan: Plan): string {
  return `${JSON.stringify(inSchemaOrder(plan, PlanDocumentSchema), null, 2)}\n`;
}

/** A file name for the plan: its name in lowercase ASCII words joined by hyphens, `.json`. */
export function planFileName(plan: Pick<Plan, 'name'>): string {
  const slug = plan.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug === '' ? 'plan' : slug}.json`;
}

/** The error for a file refused before reading it (the page checks `File.size` first). */
export const planFileTooLarge = (bytes: number): PlanLoadResult =>
  loadError(
    'too-large',
    `The file is ${formatBytes(bytes)}; plan files may be up to ` +
      `${formatBytes(MAX_PLAN_FILE_BYTES)}. It was not opened.`,
  );

/**
 * Reads a plan file: JSON syntax errors with line and column, older formats migrated, the shape
 * checked with the path of the first problem. Never throws.
 */
export function parsePlanFile(text: string): PlanLoadResult {
  if (typeof text !== 'string') return loadError('invalid-json', 'A plan file is text.');
  if (text.length > MAX_PLAN_FILE_BYTES) return planFileTooLarge(text.length);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return loadError('empty', 'The file is empty.');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const where = findJsonSyntaxError(body);
    if (where === null)
      return loadError('invalid-json', `Not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
    return loadError(
      'invalid-json',
      `Not valid JSON at line ${where.line}, column ${where.column}: ${where.message}.`,
      {
        line: where.line,
        column: where.column,
      },
    );
  }
  return readAnyPlanDocument(json);
}
