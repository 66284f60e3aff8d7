/**
 * A template from the portal's "Export template": its resources turned into the shape ARM's GET returns, with the
 * parameters' default values, the variables and the usual functions (`resourceId`, `concat`, `format`, …) resolved.
 * The template names no subscription or resource group, so IDs built here leave both empty: the deployment's own,
 * as the plan reads an empty subscription or resource group. What can't be evaluated is left out and listed.
 */
import { parseExpr, type ExprNode } from '../deploy/arm-expr';
import { isRecord } from './reading';
import type { ArmResource, Skipped } from './types';

/** A value the template leaves to deployment time (or writes with a function the importer does not evaluate). */
class Unresolved {
  constructor(
    readonly expression: string,
    readonly why: string,
  ) {}
}

/** How deep parameters and variables may refer to each other: past it, a template refers to itself. */
const MAX_DEPTH = 32;

interface Scope {
  readonly parameters: Record<string, unknown>;
  readonly variables: Record<string, unknown>;
  depth: number;
}

/** A template value with every expression in it evaluated, and the expressions that could not be, by path. */
interface Resolved {
  readonly value: unknown;
  readonly unresolved: readonly { readonly path: string; readonly problem: Unresolved }[];
}

const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/** `resourceId([subscription], [resourceGroup], type, name…)`: an ID, its subscription and group empty if unnamed. */
function resourceId(args: readonly string[]): string | null {
  const at = args.findIndex((s) => /^[^/]+\.[^/]+\/.+/.test(s));
  if (at < 0 || at > 2) return null;
  const [namespace, ...types] = (args[at] as string).split('/');
  const names = args.slice(at + 1);
  const [subscription, group] = at === 2 ? args : at === 1 ? ['', args[0]] : ['', ''];
  const path = types.map((t, i) => `/${t}/${names[i] ?? ''}`).join('');
  return `/subscriptions/${subscription ?? ''}/resourceGroups/${group ?? ''}/providers/${namespace ?? ''}${path}`;
}

/** Reads a parameter's default value or a variable, evaluating the expressions inside it. */
function lookUp(value: unknown, scope: Scope, expression: string): unknown {
  if (scope.depth >= MAX_DEPTH) return new Unresolved(expression, 'its parameters or variables refer to each other');
  scope.depth += 1;
  try {
    const resolved = resolve(value, scope, '');
    const first = resolved.unresolved[0];
    return first === undefined ? resolved.value : first.problem;
  } finally {
    scope.depth -= 1;
  }
}

function call(fn: string, args: readonly unknown[], scope: Scope, expression: string): unknown {
  const failed = args.find((a) => a instanceof Unresolved);
  if (failed !== undefined) return failed;
  const name = text(args[0]);
  switch (fn) {
    case 'parameters': {
      const p = scope.parameters[name];
      return isRecord(p) && 'defaultValue' in p
        ? lookUp(p.defaultValue, scope, expression)
        : new Unresolved(expression, `the parameter ${name} has no default value`);
    }
    case 'variables':
      return name in scope.variables
        ? lookUp(scope.variables[name], scope, expression)
        : new Unresolved(expression, `the template has no variable ${name}`);
    case 'concat':
      return args.every(Array.isArray) ? args.flat() : args.map(text).join('');
    case 'format':
      return name.replace(/\{(\d+)(?::[^}]*)?\}/g, (_, n: string) => text(args[Number(n) + 1]));
    case 'tolower':
      return name.toLowerCase();
    case 'toupper':
      return name.toUpperCase();
    case 'subscription':
      return { subscriptionId: '', id: '/subscriptions/' };
    case 'resourcegroup':
      return { name: '', location: '' };
    case 'resourceid':
      return resourceId(args.map(text)) ?? new Unresolved(expression, 'its resource type is not one ARM knows');
    default:
      return new Unresolved(expression, `the planner does not evaluate ${fn}()`);
  }
}

function evaluate(node: ExprNode, scope: Scope, expression: string): unknown {
  switch (node.k) {
    case 'str':
    case 'num':
      return node.value;
    case 'call':
      return call(
        node.fn,
        node.args.map((a) => evaluate(a, scope, expression)),
        scope,
        expression,
      );
    case 'prop':
    case 'index': {
      const target = evaluate(node.target, scope, expression);
      if (target instanceof Unresolved) return target;
      const key = node.k === 'prop' ? node.name : evaluate(node.index, scope, expression);
      if (key instanceof Unresolved) return key;
      const found: unknown =
        Array.isArray(target) && typeof key === 'number'
          ? (target as unknown[])[key]
          : isRecord(target) && typeof key === 'string'
            ? target[key]
            : undefined;
      return found ?? new Unresolved(expression, `it reads ${text(key)}, which is not there`);
    }
  }
}

/** One template string: a literal, an escaped `[[…`, or an expression. */
function resolveString(value: string, scope: Scope): unknown {
  if (!value.startsWith('[') || !value.endsWith(']')) return value;
  if (value.startsWith('[[')) return value.slice(1);
  try {
    return evaluate(parseExpr(value, 1, value.length - 1), scope, value);
  } catch {
    return new Unresolved(value, 'it is not an expression the planner can read');
  }
}

const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

/** `value` with every template expression in it evaluated; what can't be is left out and listed with its path. */
function resolve(value: unknown, scope: Scope, path: string): Resolved {
  if (typeof value === 'string') {
    const result = resolveString(value, scope);
    return result instanceof Unresolved
      ? { value: undefined, unresolved: [{ path, problem: result }] }
      : { value: result, unresolved: [] };
  }
  if (!Array.isArray(value) && !isRecord(value)) return { value, unresolved: [] };
  const unresolved: Resolved['unresolved'][number][] = [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? [...(value as unknown[]).entries()]
    : Object.entries(value);
  const out: [string | number, unknown][] = [];
  for (const [key, v] of entries) {
    const r = resolve(v, scope, join(path, key));
    unresolved.push(...r.unresolved);
    if (r.value !== undefined) out.push([key, r.value]);
  }
  return {
    value: Array.isArray(value) ? out.map(([, v]) => v) : Object.fromEntries(out),
    unresolved,
  };
}

/** Whether `value` looks like an ARM deployment template. */
export function isArmTemplate(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    typeof value.$schema === 'string' &&
    /deploymentTemplate\.json/i.test(value.$schema) &&
    Array.isArray(value.resources)
  );
}

export interface TemplateResources {
  readonly resources: ArmResource[];
  /** What was left out: an expression that could not be evaluated, in the resource (or property) it was in. */
  readonly skipped: Skipped[];
}

const unreadable = (problem: Unresolved) =>
  `the template expression ${problem.expression}, which the planner can't evaluate (${problem.why})`;

/** The template's resources (child resources nested in `resources` included) in GET shape. */
export function templateResources(template: Record<string, unknown>): TemplateResources {
  const scope: Scope = {
    parameters: isRecord(template.parameters) ? template.parameters : {},
    variables: isRecord(template.variables) ? template.variables : {},
    depth: 0,
  };
  const out: ArmResource[] = [];
  const skipped: Skipped[] = [];
  let count = 0;
  const visit = (list: unknown, parentType: string, parentNames: readonly string[]) => {
    if (!Array.isArray(list)) return;
    for (const raw of list) {
      if (!isRecord(raw)) continue;
      count += 1;
      const type = resolve(raw.type, scope, 'type');
      const name = resolve(raw.name, scope, 'name');
      const problem = [...type.unresolved, ...name.unresolved][0];
      if (typeof type.value !== 'string' || typeof name.value !== 'string') {
        skipped.push({
          resourceId: `resource ${count} of the template (${text(raw.type) || 'no type'})`,
          reason:
            problem === undefined
              ? 'It has no type or no name, so it was left out.'
              : `Its ${problem.path} is ${unreadable(problem.problem)}, so it was left out.`,
        });
        continue;
      }
      // A child declared inside its parent has a short type and name (`subnets`, `snet-app`).
      const child = parentType !== '' && !type.value.includes('/');
      const fullType = child ? `${parentType}/${type.value}` : type.value;
      const names = child ? [...parentNames, name.value] : name.value.split('/');
      const resource = templateResource(raw, fullType, names, scope);
      out.push(resource.value);
      for (const u of resource.unresolved)
        skipped.push({
          resourceId: resource.value.id,
          reason: `Its ${u.path} is ${unreadable(u.problem)}; ${u.path} was left out.`,
        });
      visit(raw.resources, fullType, names);
    }
  };
  visit(template.resources, '', []);
  return { resources: out, skipped };
}

/** One template resource in GET shape: its ID from its type and names, its location, properties, SKU and zones. */
function templateResource(
  raw: Record<string, unknown>,
  type: string,
  names: readonly string[],
  scope: Scope,
): { value: ArmResource; unresolved: Resolved['unresolved'] } {
  const [namespace, ...types] = type.split('/');
  const id =
    `/subscriptions//resourceGroups//providers/${namespace ?? ''}` +
    types.map((t, i) => `/${t}/${names[i] ?? ''}`).join('');
  const fields: Record<string, unknown> = { location: raw.location, properties: raw.properties ?? {} };
  for (const extra of ['sku', 'zones']) if (extra in raw) fields[extra] = raw[extra];
  const resolved = resolve(fields, scope, '');
  const value = isRecord(resolved.value) ? resolved.value : {};
  return {
    value: {
      ...value,
      id,
      name: names.at(-1) ?? '',
      type,
      properties: isRecord(value.properties) ? value.properties : {},
    },
    unresolved: resolved.unresolved,
  };
}
