/**
 * Vite plugin (production build only): the plan's schema (`src/domain/plan.ts`) describes its fields for the
 * published JSON Schema (`docs/plan.schema.json`, written by `npm run gen`), through its own helper
 * `describe(schema, text)`. The app never reads those texts, yet they ride in the first screen's script. In the
 * build, each `describe(schema, text)` call of that file becomes `schema`: the same schema without its text. The
 * JSON Schema, the tests and the command line read the sources, texts and all.
 */
import { parseAst, type Plugin } from 'vite';

/** The module whose `describe` calls are dropped, and the helper's name there. */
export const DESCRIBED_MODULE = /[\\/]src[\\/]domain[\\/]plan\.ts$/;
const HELPER = 'describe';

interface Node {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [key: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** A text known when the module is built: a string, a template without `${}`, or `+` of those. */
function isConstantText(node: Node): boolean {
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return (node.expressions as Node[]).length === 0;
  if (node.type === 'BinaryExpression' && node.operator === '+')
    return isConstantText(node.left as Node) && isConstantText(node.right as Node);
  if (node.type === 'ParenthesizedExpression') return isConstantText(node.expression as Node);
  return false;
}

function visit(node: unknown, found: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, found);
    return;
  }
  if (!isNode(node)) return;
  found(node);
  for (const [key, value] of Object.entries(node)) if (key !== 'type') visit(value, found);
}

/**
 * The module's code with each `describe(schema, 'text')` call replaced by `schema` (nested calls too). A call
 * whose text is not a constant is left as it is. Throws when the module defines no `describe` of its own, so
 * that a renamed helper fails the build instead of silently shipping the texts (or stripping another function).
 */
export function stripDescriptions(code: string): string {
  const program = parseAst(code) as unknown as Node;
  let defined = false;
  const cuts: Array<readonly [number, number]> = [];
  visit(program, (node) => {
    if (
      node.type === 'VariableDeclarator' &&
      (node.id as Node).type === 'Identifier' &&
      (node.id as Node).name === HELPER
    )
      defined = true;
    if (node.type !== 'CallExpression') return;
    const callee = node.callee as Node;
    const args = node.arguments as Node[];
    if (callee.type !== 'Identifier' || callee.name !== HELPER || args.length !== 2) return;
    const [schema, text] = args as [Node, Node];
    if (schema.type === 'SpreadElement' || !isConstantText(text)) return;
    // Keep the schema's own source: cut what comes before it and after it, up to the call's end.
    cuts.push([node.start, schema.start], [schema.end, node.end]);
  });
  if (!defined) throw new Error(`strip-descriptions: the module defines no ${HELPER}() helper.`);
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of cuts) {
    out += code.slice(at, from);
    at = to;
  }
  return out + code.slice(at);
}

export const stripDescriptionsPlugin = (): Plugin => ({
  name: 'strip-plan-descriptions',
  apply: 'build',
  transform(code, id) {
    if (!DESCRIBED_MODULE.test(id)) return null;
    return { code: stripDescriptions(code), map: null };
  },
});
