/**
 * A template from the portal's "Export template": its resources turned into the shape ARM's GET returns, with the
 * parameters' default values, the variables and the usual functions (`resourceId`, `concat`, `format`, …) resolved.
 * The template names no subscription or resource group, so IDs built here leave both empty: the deployment's own,
 * as the plan reads an empty subscription or resource group.
 */
import { parseExpr, type ExprNode } from '../deploy/arm-expr';
import type { ArmResource } from './types';

/** A value the template leaves to deployment time (or writes with a function the importer does not evaluate). */
class Unresolved {
  constructor(readonly expression: string) {}
}

type Value = unknown;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Scope {
  readonly parameters: Record<string, unknown>;
  readonly variables: Record<string, unknown>;
  readonly unresolved: string[];
}

function call(fn: string, args: Value[], scope: Scope, text: string): Value {
  if (args.some((a) => a instanceof Unresolved)) return new Unresolved(text);
  const str = (i: number): string => {
    const a = args[i];
    return typeof a === 'string' ? a : typeof a === 'number' || typeof a === 'boolean' ? String(a) : '';
  };
  switch (fn) {
    case 'parameters': {
      const p = scope.parameters[str(0)];
      return isRecord(p) && 'defaultValue' in p ? resolve(p.defaultValue, scope) : new Unresolved(text);
    }
    case 'variables':
      return str(0) in scope.variables ? resolve(scope.variables[str(0)], scope) : new Unresolved(text);
    case 'concat':
      return args.every(Array.isArray) ? args.flat() : args.map((_, i) => str(i)).join('');
    case 'format':
      return str(0).replace(/\{(\d+)(?::[^}]*)?\}/g, (_, n: string) => str(Number(n) + 1));
    case 'tolower':
      return str(0).toLowerCase();
    case 'toupper':
      return str(0).toUpperCase();
    case 'subscription':
      return { subscriptionId: '', id: '/subscriptions/' };
    case 'resourcegroup':
      return { name: '', location: '' };
    case 'resourceid': {
      const strings = args.map((_, i) => str(i));
      const at = strings.findIndex((s) => /^[^/]+\.[^/]+\/.+/.test(s));
      if (at < 0) return new Unresolved(text);
      const type = strings[at] as string;
      const names = strings.slice(at + 1);
      const [subscription, group] = at === 2 ? strings : at === 1 ? ['', strings[0]] : ['', ''];
      const [namespace, ...types] = type.split('/');
      const path = types.map((t, i) => `/${t}/${names[i] ?? ''}`).join('');
      return `/subscriptions/${subscription ?? ''}/resourceGroups/${group ?? ''}/providers/${namespace ?? ''}${path}`;
    }
    default:
      return new Unresolved(text);
  }
}

function evaluate(node: ExprNode, scope: Scope, text: string): Value {
  switch (node.k) {
    case 'str':
    case 'num':
      return node.value;
    case 'call':
      return call(
        node.fn,
        node.args.map((a) => evaluate(a, scope, text)),
        scope,
        text,
      );
    case 'prop': {
      const target = evaluate(node.target, scope, text);
      return isRecord(target) && node.name in target ? target[node.name] : new Unresolved(text);
    }
    case 'index': {
      const target = evaluate(node.target, scope, text);
      const index = evaluate(node.index, scope, text);
      if (Array.isArray(target) && typeof index === 'number') return target[index] ?? new Unresolved(text);
      if (isRecord(target) && typeof index === 'string') return target[index] ?? new Unresolved(text);
      return new Unresolved(text);
    }
  }
}

/** `value` with every template expression in it evaluated; what can't be is left out and listed in `scope`. */
function resolve(value: unknown, scope: Scope): unknown {
  if (typeof value === 'string') {
    if (!value.startsWith('[') || !value.endsWith(']')) return value;
    if (value.startsWith('[[')) return value.slice(1);
    let result: Value;
    try {
      result = evaluate(parseExpr(value, 1, value.length - 1), scope, value);
    } catch {
      result = new Unresolved(value);
    }
    if (result instanceof Unresolved) {
      scope.unresolved.push(result.expression);
      return undefined;
    }
    return result;
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, scope)).filter((v) => v !== undefined);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = resolve(v, scope);
      if (r !== undefined) out[k] = r;
    }
    return out;
  }
  return value;
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
  /** Expressions that could not be evaluated, with the resource they are in. */
  readonly unresolved: string[];
}

/** The template's resources (child resources nested in `resources` included) in GET shape. */
export function templateResources(template: Record<string, unknown>): TemplateResources {
  const scope: Scope = {
    parameters: isRecord(template.parameters) ? template.parameters : {},
    variables: isRecord(template.variables) ? template.variables : {},
    unresolved: [],
  };
  const out: ArmResource[] = [];
  const visit = (list: unknown, parentType: string, parentNames: readonly string[]) => {
    if (!Array.isArray(list)) return;
    for (const raw of list) {
      if (!isRecord(raw)) continue;
      const before = scope.unresolved.length;
      const type = resolve(raw.type, scope);
      const name = resolve(raw.name, scope);
      if (typeof type !== 'string' || typeof name !== 'string') {
        scope.unresolved.splice(before);
        scope.unresolved.push(`a resource whose type or name is ${JSON.stringify(raw.name ?? raw.type)}`);
        continue;
      }
      // A child declared inside its parent has a short type and name (`subnets`, `snet-app`).
      const fullType = parentType !== '' && !type.includes('/') ? `${parentType}/${type}` : type;
      const names = parentType !== '' && !type.includes('/') ? [...parentNames, name] : name.split('/');
      const [namespace, ...types] = fullType.split('/');
      const id =
        `/subscriptions//resourceGroups//providers/${namespace ?? ''}` +
        types.map((t, i) => `/${t}/${names[i] ?? ''}`).join('');
      const properties = resolve(raw.properties ?? {}, scope);
      const location = resolve(raw.location, scope);
      const resource: ArmResource = {
        id,
        name: names.at(-1) ?? name,
        type: fullType,
        ...(typeof location === 'string' ? { location } : {}),
        properties: isRecord(properties) ? properties : {},
      };
      for (const extra of ['sku', 'zones']) if (extra in raw) (resource as Record<string, unknown>)[extra] = raw[extra];
      out.push(resource);
      for (let i = before; i < scope.unresolved.length; i += 1)
        scope.unresolved[i] = `${scope.unresolved[i] ?? ''} (in ${fullType} "${names.join('/')}")`;
      visit(raw.resources, fullType, names);
    }
  };
  visit(template.resources, '', []);
  return { resources: out, unresolved: scope.unresolved };
}
