/**
 * Vite plugin (production build only): texts written for the generated documents, which the app never reads, are
 * left out of its scripts. The tests, the command line and `npm run gen` read the sources, texts and all.
 *
 * - The plan's schema (`src/domain/plan.ts`) describes its fields for the published JSON Schema
 *   (`docs/plan.schema.json`) through its own helper `describe(schema, text)`: each call becomes `schema`.
 * - Each rule (`src/rules/catalog/`) carries its title, why, what to do and source for `docs/rules.md`; a finding
 *   carries its own message and the rule's docs link, and that is all the app shows. The four texts are dropped
 *   from every rule object (`{ id: 'PGN-…', …, check }`).
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

/**
 * A text that is safe to drop: a string, a template, or `+` of those, whose parts are names and properties of names
 * (a constant's value: reading one runs no code of the app).
 */
function isConstantText(node: Node): boolean {
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' || typeof node.value === 'number';
    case 'Identifier':
      return true;
    case 'MemberExpression':
      return !node.computed && isConstantText(node.object as Node);
    case 'TemplateLiteral':
      return (node.expressions as Node[]).every(isConstantText);
    case 'BinaryExpression':
      return node.operator === '+' && isConstantText(node.left as Node) && isConstantText(node.right as Node);
    case 'ParenthesizedExpression':
      return isConstantText(node.expression as Node);
    default:
      return false;
  }
}

/** The module's code without the parts between each `[from, to)` of `cuts` (which don't overlap). */
function cutOut(code: string, cuts: Array<readonly [number, number]>): string {
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of cuts) {
    out += code.slice(at, from);
    at = to;
  }
  return out + code.slice(at);
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
  if (!defined) throw new Error(`strip-docs: the module defines no ${HELPER}() helper.`);
  return cutOut(code, cuts);
}

/** The rule modules, and the texts of a rule that only the generated rules page reads (src/rules/docs.ts). */
export const RULE_MODULE = /[\\/]src[\\/]rules[\\/]catalog[\\/][^\\/]+\.ts$/;
const RULE_DOC_KEYS = new Set(['title', 'why', 'fix', 'source']);

const keyName = (property: Node): string | undefined => {
  const key = property.key as Node;
  if (property.computed === true) return undefined;
  return key.type === 'Identifier' ? (key.name as string) : key.type === 'Literal' ? String(key.value) : undefined;
};

/**
 * The module's code with the title, why, what-to-do and source texts dropped from each rule object: an object with a
 * string `id` PGN-nnn and a `check`. Throws when the module reads one of them at run time (`this.why`), which
 * would then be undefined.
 */
export function stripRuleDocs(code: string): string {
  if (/\bthis\.(title|why|fix|source)\b/.test(code))
    throw new Error('strip-docs: a rule reads its title, why, fix or source at run time; the build drops them.');
  const program = parseAst(code) as unknown as Node;
  const cuts: Array<readonly [number, number]> = [];
  visit(program, (node) => {
    if (node.type !== 'ObjectExpression') return;
    const properties = (node.properties as Node[]).filter((p) => p.type === 'Property');
    const id = properties.find((p) => keyName(p) === 'id')?.value as Node | undefined;
    const isRule =
      id?.type === 'Literal' && /^PGN-\d{3}$/.test(String(id.value)) && properties.some((p) => keyName(p) === 'check');
    if (!isRule) return;
    const all = node.properties as Node[];
    all.forEach((property, i) => {
      const name = property.type === 'Property' ? keyName(property) : undefined;
      if (name === undefined || !RULE_DOC_KEYS.has(name) || !isConstantText(property.value as Node)) return;
      // The property and the comma after it: up to the next property, or to the closing brace for the last one.
      const next = all[i + 1];
      cuts.push([property.start, next === undefined ? node.end - 1 : next.start]);
    });
  });
  return cutOut(code, cuts);
}

export const stripDocsPlugin = (): Plugin => ({
  name: 'strip-docs',
  apply: 'build',
  transform(code, id) {
    if (DESCRIBED_MODULE.test(id)) return { code: stripDescriptions(code), map: null };
    if (RULE_MODULE.test(id)) return { code: stripRuleDocs(code), map: null };
    return null;
  },
});
