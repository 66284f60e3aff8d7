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
  | { k: 'groupOutput'; deployment: string; symbol: string; output: string };

/** A template expression inside a value tree. */
export class Ex {
  constructor(readonly node: ExprNode) {}
}

export type Val = string | number | boolean | Ex | readonly Val[] | { readonly [key: string]: Val };

export const param = (name: string): Ex => new Ex({ k: 'param', name });
export const lit = (value: string): Ex => new Ex({ k: 'str', value });
export const call = (fn: string, ...args: (Ex | string)[]): Ex =>
  new Ex({ k: 'call', fn, args: args.map((a) => (typeof a === 'string' ? { k: 'str', value: a } : a.node)) });
export const prop = (target: Ex, ...path: string[]): Ex => new Ex({ k: 'prop', target: target.node, path });

/** `format('{0}/{1}', parent, child)`: the full name of a child resource. */
export const childName = (...parts: (Ex | string)[]): Ex =>
  call('format', parts.map((_, i) => `{${i}}`).join('/'), ...parts);

export function renderArmExpr(node: ExprNode): string {
  switch (node.k) {
    case 'param':
      return `parameters('${node.name}')`;
    case 'str':
      return armExprString(node.value);
    case 'int':
      return String(node.value);
    case 'call':
      return `${node.fn}(${node.args.map(renderArmExpr).join(', ')})`;
    case 'prop':
      return `${renderArmExpr(node.target)}.${node.path.join('.')}`;
    case 'groupOutput':
      return `reference('${node.deployment}').outputs.${node.output}.value`;
  }
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
      return `${node.fn}(${node.args.map(renderBicepExpr).join(', ')})`;
    case 'prop':
      return `${renderBicepExpr(node.target)}.${node.path.join('.')}`;
    case 'groupOutput':
      return `${node.symbol}.outputs.${node.output}`;
  }
}

/** A value as ARM JSON data: expressions become `[...]` strings, literals starting with `[` are escaped. */
export function toArmJson(value: Val): unknown {
  if (value instanceof Ex) return `[${renderArmExpr(value.node)}]`;
  if (typeof value === 'string') return armLiteral(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return (value as readonly Val[]).map(toArmJson);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, Val>)) out[k] = toArmJson(v);
  return out;
}

const BICEP_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A value as Bicep source, indented by `indent` levels of two spaces. */
export function toBicep(value: Val, indent = 0): string {
  if (value instanceof Ex) return renderBicepExpr(value.node);
  if (typeof value === 'string') return bicepString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  if (Array.isArray(value)) {
    const items = value as readonly Val[];
    if (items.length === 0) return '[]';
    return `[\n${items.map((v) => `${pad}${toBicep(v, indent + 1)}`).join('\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, Val>);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([k, v]) => `${pad}${BICEP_KEY.test(k) ? k : bicepString(k)}: ${toBicep(v, indent + 1)}`);
  return `{\n${lines.join('\n')}\n${end}}`;
}

/** Every parameter name a value refers to. */
export function paramsUsed(value: Val, into: Set<string> = new Set()): Set<string> {
  const visit = (node: ExprNode): void => {
    if (node.k === 'param') into.add(node.name);
    else if (node.k === 'call') node.args.forEach(visit);
    else if (node.k === 'prop') visit(node.target);
  };
  if (value instanceof Ex) visit(value.node);
  else if (Array.isArray(value)) (value as readonly Val[]).forEach((v) => paramsUsed(v, into));
  else if (typeof value === 'object') Object.values(value as Record<string, Val>).forEach((v) => paramsUsed(v, into));
  return into;
}
