/**
 * A small template model shared by the ARM and Bicep writers: values with embedded expressions,
 * rendered either as ARM JSON (`"[parameters('x')]"`) or as Bicep (`x`). The expression language
 * used is the common subset of both: parameters, string and integer literals, function calls,
 * property access, and a nested deployment's output.
 */
import { armExprString, armLiteral, bicepString } from './escape';

export type ExprNode =
  | { k: 'param'; name: string }
  | { k: 'str'; value: string }
  | { k: 'int'; value: number }
  | { k: 'call'; fn: string; args: ExprNode[] }
  | { k: 'prop'; target: ExprNode; path: string[] }
  /** An output of a nested deployment (ARM) / module (Bicep) with the given symbolic name. */
  | { k: 'groupOutput'; deployment: string; symbol: string; output: string }
  /** A literal object, array or string inside an expression (ARM `createObject(…)`, Bicep `{ … }`). */
  | { k: 'lit'; value: Val }
  /** `test ? then : otherwise` (ARM `if(…)`, which evaluates only the branch taken). */
  | { k: 'cond'; test: ExprNode; then: ExprNode; otherwise: ExprNode }
  /** String comparison (ARM `equals`, Bicep `==`). */
  | { k: 'cmp'; op: '==' | '!='; a: ExprNode; b: ExprNode }
  /** A one-argument lambda (ARM `lambda('x', …)`, Bicep `x => …`) and its variable. */
  | { k: 'lambda'; v: string; body: ExprNode }
  | { k: 'lvar'; name: string };

/** A template expression inside a value tree. */
export class Ex {
  constructor(readonly node: ExprNode) {}
}

export type Val = string | number | boolean | Ex | readonly Val[] | { readonly [key: string]: Val };

export const param = (name: string): Ex => new Ex({ k: 'param', name });
export const call = (fn: string, ...args: (Ex | string)[]): Ex => {
  const nodes: ExprNode[] = new Array<ExprNode>(args.length);
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i] as Ex | string;
    nodes[i] = typeof a === 'string' ? { k: 'str', value: a } : a.node;
  }
  return new Ex({ k: 'call', fn, args: nodes });
};
export const prop = (target: Ex, ...path: string[]): Ex => new Ex({ k: 'prop', target: target.node, path });
export const lit = (value: Val): Ex => new Ex({ k: 'lit', value });
export const cond = (test: Ex, then: Ex, otherwise: Ex): Ex =>
  new Ex({ k: 'cond', test: test.node, then: then.node, otherwise: otherwise.node });
export const cmp = (a: Ex, op: '==' | '!=', b: Ex | string): Ex =>
  new Ex({ k: 'cmp', op, a: a.node, b: typeof b === 'string' ? { k: 'str', value: b } : b.node });
/** `v => body(v)`. */
export const lambda = (v: string, body: (x: Ex) => Ex): Ex =>
  new Ex({ k: 'lambda', v, body: body(new Ex({ k: 'lvar', name: v })).node });

/** `{0}/{1}/…/{n-1}`, the format string of a child name with n parts. */
const FORMATS: string[] = [];
const formatOf = (n: number): string => {
  let f = FORMATS[n];
  if (f === undefined) {
    f = '';
    for (let i = 0; i < n; i += 1) f += i === 0 ? `{${i}}` : `/{${i}}`;
    FORMATS[n] = f;
  }
  return f;
};

/** `format('{0}/{1}', parent, child)`: the full name of a child resource. */
export const childName = (...parts: (Ex | string)[]): Ex => call('format', formatOf(parts.length), ...parts);

function renderArmArgs(args: readonly ExprNode[]): string {
  let out = '';
  for (let i = 0; i < args.length; i += 1) out += (i === 0 ? '' : ', ') + renderArmExpr(args[i] as ExprNode);
  return out;
}

function renderArmExpr(node: ExprNode): string {
  switch (node.k) {
    case 'param':
      return `parameters('${node.name}')`;
    case 'str':
      return armExprString(node.value);
    case 'int':
      return String(node.value);
    case 'call':
      return `${node.fn}(${renderArmArgs(node.args)})`;
    case 'prop':
      return `${renderArmExpr(node.target)}.${node.path.join('.')}`;
    case 'groupOutput':
      return `reference('${node.deployment}').outputs.${node.output}.value`;
    case 'lit':
      return armLit(node.value);
    case 'cond':
      return `if(${renderArmArgs([node.test, node.then, node.otherwise])})`;
    case 'cmp': {
      const eq = `equals(${renderArmArgs([node.a, node.b])})`;
      return node.op === '==' ? eq : `not(${eq})`;
    }
    case 'lambda':
      return `lambda('${node.v}', ${renderArmExpr(node.body)})`;
    case 'lvar':
      return `lambdaVariables('${node.name}')`;
  }
}

/** A literal value inside an ARM expression. */
function armLit(value: Val): string {
  if (value instanceof Ex) return renderArmExpr(value.node);
  if (typeof value === 'string') return armExprString(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true()' : 'false()';
  if (Array.isArray(value)) return `createArray(${(value as readonly Val[]).map(armLit).join(', ')})`;
  const record = value as Record<string, Val>;
  const parts = Object.keys(record).map((k) => `${armExprString(k)}, ${armLit(record[k] as Val)}`);
  return `createObject(${parts.join(', ')})`;
}

function renderBicepArgs(args: readonly ExprNode[]): string {
  let out = '';
  for (let i = 0; i < args.length; i += 1) out += (i === 0 ? '' : ', ') + renderBicepExpr(args[i] as ExprNode);
  return out;
}

export function renderBicepExpr(node: ExprNode): string {
  switch (node.k) {
    case 'param':
      return node.name;
    case 'str':
      return bicepString(node.value);
    case 'int':
      return String(node.value);
    case 'call':
      return `${node.fn}(${renderBicepArgs(node.args)})`;
    case 'prop':
      return `${renderBicepExpr(node.target)}.${node.path.join('.')}`;
    case 'groupOutput':
      return `${node.symbol}.outputs.${node.output}`;
    case 'lit':
      return toBicep(node.value, 1);
    case 'cond':
      return `(${renderBicepExpr(node.test)} ? ${renderBicepExpr(node.then)} : ${renderBicepExpr(node.otherwise)})`;
    case 'cmp':
      return `${renderBicepExpr(node.a)} ${node.op} ${renderBicepExpr(node.b)}`;
    case 'lambda':
      return `${node.v} => ${renderBicepExpr(node.body)}`;
    case 'lvar':
      return node.name;
  }
}

/** A value as ARM JSON data: expressions become `[...]` strings, literals starting with `[` are escaped. */
export function toArmJson(value: Val): unknown {
  if (typeof value === 'string') return armLiteral(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Ex) return `[${renderArmExpr(value.node)}]`;
  if (Array.isArray(value)) {
    const items = value as readonly Val[];
    const out: unknown[] = new Array<unknown>(items.length);
    for (let i = 0; i < items.length; i += 1) out[i] = toArmJson(items[i] as Val);
    return out;
  }
  const record = value as Record<string, Val>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(record)) out[k] = toArmJson(record[k] as Val);
  return out;
}

const BICEP_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Indentation strings by level (two spaces per level). */
const PADS: string[] = [''];
const padOf = (level: number): string => {
  let p = PADS[level];
  if (p === undefined) {
    p = '  '.repeat(level);
    PADS[level] = p;
  }
  return p;
};

/** A value as Bicep source, indented by `indent` levels of two spaces. */
export function toBicep(value: Val, indent = 0): string {
  if (typeof value === 'string') return bicepString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Ex) return renderBicepExpr(value.node);
  const pad = padOf(indent + 1);
  if (Array.isArray(value)) {
    const items = value as readonly Val[];
    if (items.length === 0) return '[]';
    let out = '[';
    for (let i = 0; i < items.length; i += 1) out += `\n${pad}${toBicep(items[i] as Val, indent + 1)}`;
    return `${out}\n${padOf(indent)}]`;
  }
  const record = value as Record<string, Val>;
  const keys = Object.keys(record);
  if (keys.length === 0) return '{}';
  let out = '{';
  for (const k of keys)
    out += `\n${pad}${BICEP_KEY.test(k) ? k : bicepString(k)}: ${toBicep(record[k] as Val, indent + 1)}`;
  return `${out}\n${padOf(indent)}}`;
}

function visitParams(node: ExprNode, into: Set<string>): void {
  if (node.k === 'param') into.add(node.name);
  else if (node.k === 'call') for (const a of node.args) visitParams(a, into);
  else if (node.k === 'prop') visitParams(node.target, into);
  else if (node.k === 'lit') paramsUsed(node.value, into);
  else if (node.k === 'cond') for (const n of [node.test, node.then, node.otherwise]) visitParams(n, into);
  else if (node.k === 'cmp') for (const n of [node.a, node.b]) visitParams(n, into);
  else if (node.k === 'lambda') visitParams(node.body, into);
}

/** Every parameter name a value refers to. */
export function paramsUsed(value: Val, into: Set<string> = new Set()): Set<string> {
  if (value instanceof Ex) visitParams(value.node, into);
  else if (Array.isArray(value)) for (const v of value as readonly Val[]) paramsUsed(v, into);
  else if (typeof value === 'object') {
    const record = value as Record<string, Val>;
    for (const k of Object.keys(record)) paramsUsed(record[k] as Val, into);
  }
  return into;
}
