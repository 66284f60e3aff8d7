/**
 * Reads an ARM export (`azuredeploy.json`, and `azuredeploy.parameters.json` where given) into deployment steps:
 * parameters (file values, then defaults), variables, the expression functions templates use, nested deployments
 * with their own scope and inner or outer expression evaluation, `dependsOn` at every level and `reference()`.
 * Nothing is guessed: an expression or construct the reader does not evaluate is a `DryRunReadError` that names
 * the file and the JSON path.
 *
 * Order, as Azure Resource Manager runs it: a resource waits for what its `dependsOn` lists and for what its
 * `reference()` calls name in the same template; a dependency on a nested deployment is one on every step inside
 * it; the steps inside a nested deployment wait for everything the deployment waits for.
 */
import type { ExportFile } from '../exporters/types';
import type { Plan } from '../domain/plan';
import type { StepProps } from '../exporters/steps';
import { classify, ExprSyntaxError, Live, parseExpr, Secret, type ExprNode } from './arm-expr';
import { DryRunReadError } from './read-error';
import type { ArtefactReader, DeployStep } from './types';
import {
  canonicalId,
  idContext,
  OWN_SUBSCRIPTION,
  parseResourceId,
  resourceIdOf,
  stepScope,
  TARGET_GROUP,
  worldOf,
  type IdContext,
} from './world';

const TEMPLATE_FILE = 'azuredeploy.json';
const PARAMETERS_FILE = 'azuredeploy.parameters.json';
const DEPLOYMENTS = 'Microsoft.Resources/deployments';

type Json = Record<string, unknown>;
type After = DeployStep['after'][number];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A function call's arguments, not yet evaluated. */
interface Args {
  nodes: ExprNode[];
  ctx: EvalCtx;
  path: string;
  sink: Sink;
}

/** Where an evaluation collects what the value depends on: template entries and live reads. */
interface Sink {
  deps: Entry[];
  reads: string[];
}

/** The expression context: parameters, variables, and what `subscription()`/`resourceGroup()` return. */
interface EvalCtx {
  subscription: string;
  group: string;
  params: Map<string, unknown>;
  variables: Json;
  variablesPath: string;
  variableCache: Map<string, unknown>;
  scope: TemplateScope;
  /** The variables of the lambdas being applied (`lambdaVariables('e')`). */
  lambdaVars?: Map<string, unknown>;
}

/** `lambda('e', body)`: applied by filter(). */
class Lambda {
  constructor(
    readonly names: readonly string[],
    readonly body: ExprNode,
    readonly ctx: EvalCtx,
  ) {}
}

/** One template (top level or a nested deployment's): its entries and where its resources are deployed. */
interface TemplateScope {
  entries: Entry[];
  /** The entries by canonical ID and by name. */
  byId: Map<string, Entry>;
  byName: Map<string, Entry>;
  deploy: { subscription: string; group: string };
  inherited: After[];
}

interface Entry {
  json: Json;
  path: string;
  type: string;
  name: string;
  id: string;
  scope: TemplateScope;
  ctx: EvalCtx;
  state: 'new' | 'busy' | 'done';
  /** Resource: its step. Nested deployment: every step inside it. */
  steps: string[];
  /** Nested deployment: the inner context and template, for `reference(name).outputs`. */
  inner?: { ctx: EvalCtx; template: Json; path: string };
}

class ArmReader {
  readonly steps: DeployStep[] = [];
  readonly ctx: IdContext;
  readonly existing: Set<string>;
  /** What the plan says the existing resources hold (for decisions a template makes on their live state). */
  readonly known: Map<string, StepProps>;
  readonly stepIds = new Set<string>();
  /** Expressions repeat (the same resourceId() in every dependsOn): each is parsed once. */
  readonly parsed = new Map<string, ExprNode>();
  /** Canonical IDs of the raw IDs met so far. */
  readonly canonical = new Map<string, string | null>();
  /** The entries being processed, outermost first (for the chain of a circular dependency). */
  readonly busy: Entry[] = [];

  constructor(plan: Plan) {
    this.ctx = idContext(plan);
    const world = worldOf(plan);
    this.existing = new Set(world.existing.keys());
    this.known = world.existing;
  }

  canon(raw: string): string | null {
    let id = this.canonical.get(raw);
    if (id === undefined) {
      id = canonicalId(raw, this.ctx);
      this.canonical.set(raw, id);
    }
    return id;
  }

  fail(path: string, message: string): never {
    throw new DryRunReadError(TEMPLATE_FILE, `${path}: ${message}`);
  }

  // ---- expressions ----

  evalString(s: string, ctx: EvalCtx, path: string, sink: Sink): unknown {
    const c = classify(s);
    if ('literal' in c) return c.literal;
    let node: ExprNode;
    try {
      node = this.parsed.get(c.expr) ?? parseExpr(c.expr);
      this.parsed.set(c.expr, node);
    } catch (e) {
      if (e instanceof ExprSyntaxError) this.fail(path, `the expression can't be read: ${e.message}.`);
      throw e;
    }
    return this.evalNode(node, ctx, path, sink);
  }

  /** A JSON value with its expressions evaluated; literal parts are returned as they are (not copied). */
  evalValue(v: unknown, ctx: EvalCtx, path: string, sink: Sink): unknown {
    if (typeof v === 'string') {
      // Only `[...]` is an expression (facts: ARM template syntax); anything else is a literal as written.
      return v.charCodeAt(0) === 91 ? this.evalString(v, ctx, path, sink) : v;
    }
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      for (let i = 0; i < v.length; i += 1) {
        const x: unknown = v[i];
        const y = typeof x === 'object' || typeof x === 'string' ? this.evalValue(x, ctx, `${path}[${i}]`, sink) : x;
        if (y !== x && out === null) out = v.slice(0, i);
        if (out !== null) out.push(y);
      }
      return out ?? v;
    }
    if (isObject(v)) {
      let out: Json | null = null;
      for (const k in v) {
        const x = v[k];
        const y = typeof x === 'object' || typeof x === 'string' ? this.evalValue(x, ctx, `${path}.${k}`, sink) : x;
        if (y !== x && out === null) out = { ...v };
        if (out !== null) out[k] = y;
      }
      return out ?? v;
    }
    return v;
  }

  str(v: unknown, path: string, what: string): string {
    if (typeof v === 'string') return v;
    if (v instanceof Live) this.fail(path, `${what} is known only at deployment time (reference(${v.id})).`);
    if (v instanceof Secret) this.fail(path, `${what} is the secure parameter ${v.name}.`);
    return this.fail(path, `${what} is not a string.`);
  }

  member(target: unknown, name: string, path: string): unknown {
    if (target instanceof Live) return new Live(target.id, [...target.path, name], target.full);
    if (isObject(target)) {
      const key = Object.keys(target).find((k) => k.toLowerCase() === name.toLowerCase());
      if (key === undefined) this.fail(path, `the value has no property "${name}".`);
      return target[key];
    }
    return this.fail(path, `"${name}" is read from a value that has no properties.`);
  }

  evalNode(node: ExprNode, ctx: EvalCtx, path: string, sink: Sink): unknown {
    switch (node.k) {
      case 'str':
        return node.value;
      case 'num':
        return node.value;
      case 'prop':
        return this.member(this.evalNode(node.target, ctx, path, sink), node.name, path);
      case 'index': {
        const target = this.evalNode(node.target, ctx, path, sink);
        const index = this.evalNode(node.index, ctx, path, sink);
        if (Array.isArray(target) && typeof index === 'number') {
          if (index < 0 || index >= target.length) this.fail(path, `index ${index} is outside the array.`);
          return target[index];
        }
        return this.member(target, this.str(index, path, 'an index'), path);
      }
      case 'call':
        return this.call(node.name.toLowerCase(), node.args, ctx, path, sink);
    }
  }

  call(name: string, argNodes: ExprNode[], ctx: EvalCtx, path: string, sink: Sink): unknown {
    // Arguments are evaluated on demand (if() evaluates one branch); methods, not closures, on this hot path.
    const args: Args = { nodes: argNodes, ctx, path, sink };
    switch (name) {
      case 'parameters': {
        const [n] = this.stringArgs(args, 'a parameter name');
        if (!ctx.params.has(n as string)) this.fail(path, `parameters('${n}') is not a parameter of this template.`);
        return ctx.params.get(n as string);
      }
      case 'variables': {
        const [n] = this.stringArgs(args, 'a variable name');
        return this.variable(n as string, ctx, path, sink);
      }
      case 'format': {
        const [fmt, ...rest] = this.stringArgs(args, 'a format() argument');
        return (fmt as string).replace(/\{(\d+)(:[^}]*)?\}/g, (m, k: string, spec?: string) => {
          if (spec !== undefined) this.fail(path, `format() with a format specifier (${m}) is not evaluated.`);
          if (Number(k) >= rest.length) this.fail(path, `format() has no argument {${k}}.`);
          return rest[Number(k)] as string;
        });
      }
      case 'concat': {
        const values = this.evalArgs(args);
        if (values.length > 0 && values.every(Array.isArray)) return values.flat();
        return values
          .map((v) => (typeof v === 'number' ? String(v) : this.str(v, path, 'a concat() argument')))
          .join('');
      }
      case 'tolower':
        return (this.stringArgs(args, 'a toLower() argument')[0] ?? '').toLowerCase();
      case 'toupper':
        return (this.stringArgs(args, 'a toUpper() argument')[0] ?? '').toUpperCase();
      case 'string': {
        const [v] = this.evalArgs(args);
        return typeof v === 'string'
          ? v
          : typeof v === 'number' || typeof v === 'boolean'
            ? String(v)
            : this.str(v, path, 'string()');
      }
      case 'true':
        return true;
      case 'false':
        return false;
      case 'equals': {
        const [a, b] = this.evalArgs(args);
        if (a instanceof Live || b instanceof Live) this.fail(path, 'equals() of a value known only at deployment.');
        return JSON.stringify(a) === JSON.stringify(b);
      }
      case 'not': {
        const [a] = this.evalArgs(args);
        if (typeof a !== 'boolean') this.fail(path, 'not() of a value that is not a boolean.');
        return !a;
      }
      case 'if': {
        const cond = this.evalNode(argNodes[0] as ExprNode, ctx, path, sink);
        if (typeof cond !== 'boolean' || argNodes.length !== 3) this.fail(path, 'if() needs a boolean and two values.');
        return this.evalNode(argNodes[cond ? 1 : 2] as ExprNode, ctx, path, sink);
      }
      case 'createobject': {
        const values = this.evalArgs(args);
        const out: Json = {};
        for (let i = 0; i + 1 < values.length; i += 2) out[this.str(values[i], path, 'a key')] = values[i + 1];
        return out;
      }
      case 'createarray':
        return this.evalArgs(args);
      case 'union': {
        const values = this.evalArgs(args);
        const [first, ...rest] = values;
        if (first instanceof Live) {
          if (!rest.every(isObject)) this.fail(path, 'union() of a live value with something that is not an object.');
          const overlay: Json = { ...first.overlay };
          for (const r of rest) Object.assign(overlay, r);
          return new Live(first.id, first.path, first.full, overlay);
        }
        if (values.every(isObject)) return Object.assign({}, ...values);
        if (values.every(Array.isArray))
          return [...new Set(values.flat().map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v) as unknown);
        return this.fail(path, 'union() of values the dry run does not evaluate (live or mixed).');
      }
      case 'contains': {
        const [container, item] = this.evalArgs(args).map((v) => this.resolved(v, path));
        if (isObject(container))
          return Object.keys(container).some((k) => k.toLowerCase() === this.str(item, path, 'a key').toLowerCase());
        if (Array.isArray(container)) return container.some((v) => JSON.stringify(v) === JSON.stringify(item));
        if (typeof container === 'string') return container.includes(this.str(item, path, 'a string'));
        return this.fail(path, 'contains() of a value that is not an object, an array or a string.');
      }
      case 'empty': {
        const [v] = this.evalArgs(args).map((x) => this.resolved(x, path));
        if (v === null || v === undefined) return true;
        if (Array.isArray(v) || typeof v === 'string') return v.length === 0;
        if (isObject(v)) return Object.keys(v).length === 0;
        return this.fail(path, 'empty() of a value that is not an object, an array or a string.');
      }
      case 'lambda': {
        if (argNodes.length < 2) this.fail(path, 'lambda() needs a variable name and a body.');
        const names = argNodes.slice(0, -1).map((n) => (n.k === 'str' ? n.value : this.fail(path, 'a lambda name')));
        return new Lambda(names, argNodes[argNodes.length - 1] as ExprNode, ctx);
      }
      case 'lambdavariables': {
        const [n] = this.stringArgs(args, 'a lambda variable name');
        if (!ctx.lambdaVars?.has(n as string)) this.fail(path, `lambdaVariables('${n}') outside its lambda.`);
        return ctx.lambdaVars?.get(n as string);
      }
      case 'filter': {
        const [list, fn] = this.evalArgs(args);
        const items = this.resolved(list, path);
        if (!Array.isArray(items) || !(fn instanceof Lambda) || fn.names.length !== 1)
          this.fail(path, 'filter() needs an array and a lambda of one variable.');
        const f = fn;
        return (items as unknown[]).filter((item) => {
          const vars = new Map(f.ctx.lambdaVars ?? []);
          vars.set(f.names[0] as string, item);
          const keep = this.evalNode(f.body, { ...f.ctx, lambdaVars: vars }, path, sink);
          if (typeof keep !== 'boolean') this.fail(path, 'a filter() lambda that does not give a boolean.');
          return keep;
        });
      }
      case 'subscription':
        return { subscriptionId: ctx.subscription, id: `/subscriptions/${ctx.subscription}` };
      case 'resourcegroup':
        return { name: ctx.group, id: `/subscriptions/${ctx.subscription}/resourceGroups/${ctx.group}` };
      case 'resourceid':
        return this.resourceIdCall(this.stringArgs(args, 'a resourceId() argument'), ctx, path, false);
      case 'subscriptionresourceid':
        return this.resourceIdCall(this.stringArgs(args, 'a subscriptionResourceId() argument'), ctx, path, true);
      case 'reference':
        return this.reference(this.evalArgs(args), ctx, path, sink);
      default:
        return this.fail(path, `the template function ${name}() is not evaluated by the dry run.`);
    }
  }

  /**
   * A value known only at deployment (`reference()` of an existing resource) as the plan describes that resource,
   * for the decisions a template makes on it (`contains`, `empty`, `filter`, an overlay that keeps a live list):
   * the delegations and service endpoints the plan says it has, nothing it doesn't.
   */
  resolved(v: unknown, path: string): unknown {
    if (!(v instanceof Live)) return v;
    const props = this.known.get(v.id);
    if (props === undefined)
      return this.fail(path, `${v.id} is read at deployment time, and the plan says nothing of it.`);
    let value: unknown = {
      ...(props.addressPrefix === undefined ? {} : { addressPrefix: props.addressPrefix }),
      ...(props.delegations === undefined
        ? {}
        : { delegations: props.delegations.map((serviceName) => ({ properties: { serviceName } })) }),
      ...(props.serviceEndpoints === undefined
        ? {}
        : { serviceEndpoints: props.serviceEndpoints.map((service) => ({ service })) }),
      ...(props.networkSecurityGroup === undefined ? {} : { networkSecurityGroup: { id: props.networkSecurityGroup } }),
    };
    const below = v.full ? v.path.slice(1) : v.path;
    for (const key of below) {
      if (!isObject(value)) return undefined;
      const k = Object.keys(value).find((x) => x.toLowerCase() === key.toLowerCase());
      value = k === undefined ? undefined : value[k];
    }
    return value;
  }

  evalArgs(a: Args): unknown[] {
    const out = new Array<unknown>(a.nodes.length);
    for (let i = 0; i < a.nodes.length; i += 1) out[i] = this.evalNode(a.nodes[i] as ExprNode, a.ctx, a.path, a.sink);
    return out;
  }

  stringArgs(a: Args, what: string): string[] {
    const values = this.evalArgs(a);
    const out = new Array<string>(values.length);
    for (let i = 0; i < values.length; i += 1) {
      const v = values[i];
      out[i] = typeof v === 'number' ? String(v) : this.str(v, a.path, what);
    }
    return out;
  }

  resourceIdCall(args: string[], ctx: EvalCtx, path: string, subscriptionLevel: boolean): string {
    const at = args.findIndex((a) => /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[A-Za-z0-9]/.test(a));
    if (at < 0) this.fail(path, 'resourceId() has no resource type argument.');
    const type = args[at] as string;
    const names = args.slice(at + 1);
    if (names.length !== type.split('/').length - 1)
      this.fail(path, `resourceId() for ${type} needs ${type.split('/').length - 1} name(s), got ${names.length}.`);
    const before = args.slice(0, at);
    if (subscriptionLevel) {
      if (before.length > 1) this.fail(path, 'subscriptionResourceId() takes at most a subscription before the type.');
      const sub = before[0] ?? ctx.subscription;
      return `/subscriptions/${sub}/providers/${type}/${names.join('/')}`;
    }
    if (before.length > 2) this.fail(path, 'resourceId() takes at most a subscription and a group before the type.');
    const sub = before.length === 2 ? (before[0] as string) : ctx.subscription;
    const group = before.length >= 1 ? (before[before.length - 1] as string) : ctx.group;
    const [namespace, ...types] = type.split('/');
    let id = `/subscriptions/${sub}/resourceGroups/${group}/providers/${namespace}`;
    types.forEach((t, i) => {
      id += `/${t}/${names[i] as string}`;
    });
    return id;
  }

  reference(args: unknown[], ctx: EvalCtx, path: string, sink: Sink): unknown {
    const target = this.str(args[0], path, 'the reference() target');
    const full = typeof args[2] === 'string' && args[2].toLowerCase() === 'full';
    if (!target.startsWith('/')) {
      const entry = ctx.scope.byName.get(target);
      if (!entry) this.fail(path, `reference('${target}') names nothing in this template.`);
      this.process(entry);
      sink.deps.push(entry);
      if (entry.type.toLowerCase() !== DEPLOYMENTS.toLowerCase()) return new Live(entry.id, [], full);
      return this.deploymentResult(entry, path);
    }
    const id = this.canon(target);
    if (id === null) this.fail(path, `reference() of ${target}, which is not a resource group's resource ID.`);
    const entry = ctx.scope.byId.get(id);
    if (entry) {
      this.process(entry);
      sink.deps.push(entry);
    } else sink.reads.push(id);
    return new Live(id, [], full);
  }

  /** `reference('<deployment>')`: its outputs, evaluated in its inner context. */
  deploymentResult(entry: Entry, path: string): Json {
    const inner = entry.inner;
    if (!inner) return this.fail(path, `reference('${entry.name}') of a deployment whose template is not read.`);
    const outputs: Json = {};
    const declared = inner.template.outputs;
    if (isObject(declared)) {
      for (const [k, o] of Object.entries(declared)) {
        if (!isObject(o)) continue;
        const value = this.evalValue(o.value, inner.ctx, `${inner.path}.outputs.${k}.value`, { deps: [], reads: [] });
        outputs[k] = { type: o.type, value };
      }
    }
    return { outputs };
  }

  variable(name: string, ctx: EvalCtx, path: string, sink: Sink): unknown {
    if (ctx.variableCache.has(name)) return ctx.variableCache.get(name);
    if (!Object.hasOwn(ctx.variables, name))
      this.fail(path, `variables('${name}') is not a variable of this template.`);
    const value = this.evalValue(ctx.variables[name], ctx, `${ctx.variablesPath}.${name}`, sink);
    ctx.variableCache.set(name, value);
    return value;
  }

  // ---- templates ----

  readParams(template: Json, given: Json, ctx: EvalCtx, path: string, givenPath: string): void {
    const declared = template.parameters ?? {};
    if (!isObject(declared)) this.fail(`${path}.parameters`, 'parameters is not an object.');
    for (const k of Object.keys(given))
      if (!Object.hasOwn(declared, k))
        this.fail(givenPath, `a value is given for "${k}", which the template does not declare.`);
    for (const [k, p] of Object.entries(declared)) {
      if (!isObject(p)) this.fail(`${path}.parameters.${k}`, 'the parameter is not an object.');
      const g = given[k];
      if (g !== undefined) ctx.params.set(k, g);
      else if (p.defaultValue !== undefined)
        ctx.params.set(
          k,
          this.evalValue(p.defaultValue, ctx, `${path}.parameters.${k}.defaultValue`, { deps: [], reads: [] }),
        );
      else if (String(p.type).toLowerCase().startsWith('secure')) ctx.params.set(k, new Secret(k));
      else this.fail(`${path}.parameters.${k}`, `parameter ${k} has no value (none given, no default).`);
    }
  }

  template(template: Json, path: string, ctx: EvalCtx, scope: TemplateScope): void {
    const resources = template.resources;
    if (!Array.isArray(resources)) this.fail(`${path}.resources`, 'resources is not an array.');
    resources.forEach((r, k) => {
      const at = `${path}.resources[${k}]`;
      if (!isObject(r)) this.fail(at, 'the resource is not an object.');
      if (r.copy !== undefined) this.fail(`${at}.copy`, 'copy loops are not evaluated by the dry run.');
      if (r.scope !== undefined)
        this.fail(`${at}.scope`, 'extension resources (scope) are not evaluated by the dry run.');
      if (r.condition !== undefined) {
        const cond = this.evalValue(r.condition, ctx, `${at}.condition`, { deps: [], reads: [] });
        if (typeof cond !== 'boolean')
          this.fail(`${at}.condition`, 'the condition is not a boolean before deployment.');
        if (!cond) return;
      }
      const type = this.str(this.evalValue(r.type, ctx, `${at}.type`, { deps: [], reads: [] }), `${at}.type`, 'type');
      const name = this.str(this.evalValue(r.name, ctx, `${at}.name`, { deps: [], reads: [] }), `${at}.name`, 'name');
      const names = name.split('/');
      if (names.length !== type.split('/').length - 1)
        this.fail(`${at}.name`, `the name "${name}" does not have one part per type segment of ${type}.`);
      const id = resourceIdOf(scope.deploy.subscription, scope.deploy.group, type, names, this.ctx);
      const entry: Entry = { json: r, path: at, type, name, id, scope, ctx, state: 'new', steps: [] };
      scope.entries.push(entry);
      if (!scope.byId.has(id)) scope.byId.set(id, entry);
      if (!scope.byName.has(name)) scope.byName.set(name, entry);
    });
    for (const e of scope.entries) this.process(e);
  }

  /** A `dependsOn` item: a resource ID, a resource name, or `type/name`, of the same template. */
  dependency(item: unknown, e: Entry, at: string): Entry {
    const text = this.str(this.evalValue(item, e.ctx, at, { deps: [], reads: [] }), at, 'the dependency');
    const id = text.startsWith('/') ? this.canon(text) : null;
    const found =
      id !== null
        ? e.scope.byId.get(id)
        : (e.scope.byName.get(text) ??
          e.scope.entries.find((x) => `${x.type}/${x.name}`.toLowerCase() === text.toLowerCase()));
    if (!found) this.fail(at, `dependsOn "${text}" names no resource of this template (Azure refuses the template).`);
    return found;
  }

  process(e: Entry): void {
    if (e.state === 'done') return;
    if (e.state === 'busy') {
      const chain = [...this.busy.slice(this.busy.indexOf(e)), e].map((x) => x.name).join(' → ');
      this.fail(
        e.path,
        `circular dependency (dependsOn or reference()): ${chain}; Azure refuses the template before it deploys ` +
          'anything.',
      );
    }
    e.state = 'busy';
    this.busy.push(e);
    const after: After[] = [...e.scope.inherited];
    const deps = e.json.dependsOn ?? [];
    if (!Array.isArray(deps)) this.fail(`${e.path}.dependsOn`, 'dependsOn is not an array.');
    deps.forEach((d, k) => {
      const dep = this.dependency(d, e, `${e.path}.dependsOn[${k}]`);
      this.process(dep);
      const why = `dependsOn ${dep.type === DEPLOYMENTS ? 'nested deployment ' : ''}${dep.name}`;
      for (const step of dep.steps) after.push({ step, why });
    });
    if (e.type.toLowerCase() === DEPLOYMENTS.toLowerCase()) this.nested(e, after);
    else this.resource(e, after);
    e.state = 'done';
    this.busy.pop();
  }

  /** The read steps of a sink, and the edges that make the consumer wait for them and for referenced entries. */
  readsAndRefs(sink: Sink, after: After[], e: Entry, whyOf: string): After[] {
    const out: After[] = [];
    for (const dep of sink.deps) for (const step of dep.steps) out.push({ step, why: `reference() of ${dep.name}` });
    sink.reads.forEach((id, k) => {
      const step = `${id}#read@${e.id}#${k}`;
      const p = parseResourceId(id);
      this.steps.push({
        id: step,
        type: p?.type ?? '',
        name: p?.names.join('/') ?? id,
        action: 'read',
        scope: stepScope(p?.subscription ?? '', p?.group ?? '', this.ctx),
        props: {},
        after: [...after],
        source: { file: TEMPLATE_FILE, path: e.path },
      });
      out.push({ step, why: `${whyOf} reads ${p?.names.join('/') ?? id} with reference()` });
    });
    return out;
  }

  nested(e: Entry, after: After[]): void {
    const j = e.json;
    const props = j.properties;
    if (!isObject(props)) this.fail(`${e.path}.properties`, 'the deployment has no properties.');
    if (props.templateLink !== undefined)
      this.fail(`${e.path}.properties.templateLink`, 'linked templates are not read by the dry run.');
    const template = props.template;
    if (!isObject(template)) this.fail(`${e.path}.properties.template`, 'the deployment has no inline template.');
    const sink: Sink = { deps: [], reads: [] };
    const sub =
      j.subscriptionId === undefined
        ? e.scope.deploy.subscription
        : this.str(this.evalValue(j.subscriptionId, e.ctx, `${e.path}.subscriptionId`, sink), e.path, 'subscriptionId');
    if (j.resourceGroup === undefined && j.subscriptionId !== undefined)
      this.fail(`${e.path}.resourceGroup`, 'a deployment to a subscription (no resourceGroup) is not read.');
    const group =
      j.resourceGroup === undefined
        ? e.scope.deploy.group
        : this.str(this.evalValue(j.resourceGroup, e.ctx, `${e.path}.resourceGroup`, sink), e.path, 'resourceGroup');
    const options = props.expressionEvaluationOptions;
    const inner = isObject(options) && String(options.scope).toLowerCase() === 'inner';
    const tPath = `${e.path}.properties.template`;
    let ctx: EvalCtx;
    if (inner) {
      const given: Json = {};
      const passed = props.parameters ?? {};
      if (!isObject(passed)) this.fail(`${e.path}.properties.parameters`, 'parameters is not an object.');
      for (const [k, v] of Object.entries(passed)) {
        if (!isObject(v) || !('value' in v))
          this.fail(`${e.path}.properties.parameters.${k}`, 'only { "value": … } parameters are read.');
        given[k] = this.evalValue(v.value, e.ctx, `${e.path}.properties.parameters.${k}.value`, sink);
      }
      const variables = template.variables ?? {};
      if (!isObject(variables)) this.fail(`${tPath}.variables`, 'variables is not an object.');
      ctx = {
        subscription: sub,
        group,
        params: new Map(),
        variables,
        variablesPath: `${tPath}.variables`,
        variableCache: new Map(),
        scope: e.scope,
      };
      this.readParams(template, given, ctx, tPath, `${e.path}.properties.parameters`);
    } else {
      // Outer evaluation: the nested template's expressions are the parent's (its parameters, variables and
      // subscription()/resourceGroup()), while its resources go to the deployment's scope.
      if (isObject(template.parameters) && Object.keys(template.parameters).length > 0)
        this.fail(`${tPath}.parameters`, 'an outer-scoped nested template cannot declare parameters.');
      ctx = e.ctx;
    }
    const wait = [...after, ...this.readsAndRefs(sink, after, e, `nested deployment ${e.name}`)];
    const scope: TemplateScope = {
      entries: [],
      byId: new Map(),
      byName: new Map(),
      deploy: { subscription: sub, group },
      inherited: wait.map((a) => ({ step: a.step, why: `in nested deployment ${e.name}, which waits: ${a.why}` })),
    };
    const innerCtx: EvalCtx = inner ? { ...ctx, scope } : { ...ctx, scope };
    const first = this.steps.length;
    this.template(template, tPath, innerCtx, scope);
    e.steps = this.steps.slice(first).map((s) => s.id);
    e.inner = { ctx: innerCtx, template, path: tPath };
  }

  resource(e: Entry, after: After[]): void {
    const sink: Sink = { deps: [], reads: [] };
    const location =
      e.json.location === undefined
        ? undefined
        : this.str(
            this.evalValue(e.json.location, e.ctx, `${e.path}.location`, sink),
            `${e.path}.location`,
            'location',
          );
    const properties = this.evalValue(e.json.properties ?? {}, e.ctx, `${e.path}.properties`, sink);
    const extra = this.readsAndRefs(sink, after, e, e.name);
    const p = parseResourceId(e.id);
    const scope = stepScope(e.scope.deploy.subscription, e.scope.deploy.group, this.ctx);
    const step: DeployStep = {
      id: e.id,
      type: e.type,
      name: e.name,
      action: this.existing.has(e.id) ? 'update' : 'create',
      scope,
      ...(location === undefined ? {} : { location }),
      props: this.props(e, properties, p?.type ?? e.type),
      after: [...after, ...extra],
      source: { file: TEMPLATE_FILE, path: e.path },
    };
    if (this.stepIds.has(step.id))
      this.fail(e.path, `${e.name} is deployed twice (${e.type}); Azure refuses a template that does so.`);
    this.steps.push(step);
    this.stepIds.add(step.id);
    e.steps = [step.id];
  }

  // ---- properties ----

  id(v: unknown, path: string): string {
    const text = this.str(v, path, 'the resource ID');
    const id = this.canon(text);
    if (id === null) this.fail(path, `"${text}" is not a resource group's resource ID.`);
    return id;
  }

  props(e: Entry, properties: unknown, type: string): StepProps {
    const at = `${e.path}.properties`;
    let live: Live | null = null;
    let body: Json;
    if (properties instanceof Live) {
      if (!properties.isProperties || properties.id !== e.id)
        this.fail(at, `the properties are read from ${properties.id} at deployment time; only a resource's own are.`);
      live = properties;
      body = {};
      for (const [k, v] of Object.entries(properties.overlay ?? {})) body[k] = this.resolved(v, `${at}.${k}`);
    } else if (isObject(properties)) body = properties;
    else return this.fail(at, 'properties is not an object.');
    const r = new PropReader(this, body, at);
    const out: StepProps = {};
    const set = (k: keyof StepProps, v: StepProps[keyof StepProps] | undefined) => {
      if (v !== undefined) (out as Record<string, unknown>)[k] = v;
    };
    const get = r.get.bind(r);
    const bool = r.bool.bind(r);
    const strs = r.strs.bind(r);
    const optId = r.optId.bind(r);
    switch (type.toLowerCase()) {
      case 'microsoft.network/virtualnetworks':
        set('addressPrefixes', strs(get('addressSpace', 'addressPrefixes'), 'addressSpace.addressPrefixes'));
        set('dnsServers', strs(get('dhcpOptions', 'dnsServers'), 'dhcpOptions.dnsServers'));
        if (get('subnets') !== undefined || get('virtualNetworkPeerings') !== undefined)
          this.fail(at, 'subnets or peerings inline in a VNet are not read; declare them as child resources.');
        break;
      case 'microsoft.network/virtualnetworks/subnets': {
        const prefix = get('addressPrefix');
        if (prefix !== undefined) out.addressPrefix = this.str(prefix, `${at}.addressPrefix`, 'addressPrefix');
        set(
          'delegations',
          strs(get('delegations'), 'delegations', (d) =>
            isObject(d) && isObject(d.properties) ? d.properties.serviceName : d,
          ),
        );
        set('networkSecurityGroup', optId('networkSecurityGroup', 'id'));
        set('routeTable', optId('routeTable', 'id'));
        set(
          'serviceEndpoints',
          strs(get('serviceEndpoints'), 'serviceEndpoints', (s) => (isObject(s) ? s.service : s)),
        );
        out.preservesLiveProperties = live !== null;
        break;
      }
      case 'microsoft.network/virtualnetworks/virtualnetworkpeerings':
        set('remoteVirtualNetwork', optId('remoteVirtualNetwork', 'id'));
        set('allowForwardedTraffic', bool('allowForwardedTraffic'));
        set('allowGatewayTransit', bool('allowGatewayTransit'));
        set('useRemoteGateways', bool('useRemoteGateways'));
        break;
      case 'microsoft.network/privatednszones/virtualnetworklinks':
        set('virtualNetwork', optId('virtualNetwork', 'id'));
        break;
      case 'microsoft.dbforpostgresql/flexibleservers': {
        set('delegatedSubnet', optId('network', 'delegatedSubnetResourceId'));
        set('privateDnsZone', optId('network', 'privateDnsZoneArmResourceId'));
        const pna = get('network', 'publicNetworkAccess');
        if (pna === 'Enabled' || pna === 'Disabled') out.publicNetworkAccess = pna;
        const zone = get('availabilityZone');
        if (zone !== undefined) out.availabilityZone = this.str(zone, `${at}.availabilityZone`, 'availabilityZone');
        const ha = get('highAvailability', 'mode');
        if (ha !== undefined) out.highAvailability = this.str(ha, `${at}.highAvailability.mode`, 'the HA mode');
        const standby = get('highAvailability', 'standbyAvailabilityZone');
        if (standby !== undefined)
          out.standbyAvailabilityZone = this.str(standby, `${at}.highAvailability.standbyAvailabilityZone`, 'a zone');
        break;
      }
      default:
        if (live !== null) this.fail(at, `live properties of ${type} are not read.`);
    }
    return out;
  }
}

/** Reads the modelled properties out of one resource's evaluated `properties`. */
class PropReader {
  constructor(
    readonly reader: ArmReader,
    readonly body: Json,
    readonly at: string,
  ) {}

  get(...path: string[]): unknown {
    let v: unknown = this.body;
    for (const k of path) {
      if (v instanceof Live)
        this.reader.fail(`${this.at}.${path.join('.')}`, 'the value is known only at deployment time.');
      if (!isObject(v)) return undefined;
      v = v[k];
    }
    return v;
  }

  bool(...path: string[]): boolean | undefined {
    const v = this.get(...path);
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') this.reader.fail(`${this.at}.${path.join('.')}`, 'not a boolean.');
    return v;
  }

  strs(v: unknown, path: string, pick?: (x: unknown) => unknown): string[] | undefined {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return this.reader.fail(`${this.at}.${path}`, 'not an array.');
    const out: string[] = [];
    for (let i = 0; i < v.length; i += 1)
      out.push(this.reader.str(pick ? pick(v[i]) : v[i], `${this.at}.${path}[${i}]`, 'an item'));
    return out;
  }

  optId(...path: string[]): string | undefined {
    const v = this.get(...path);
    return v === undefined ? undefined : this.reader.id(v, `${this.at}.${path.join('.')}`);
  }
}

function parseJson(file: ExportFile): Json {
  let value: unknown;
  try {
    value = JSON.parse(file.contents);
  } catch (e) {
    throw new DryRunReadError(file.path, `not JSON (${(e as Error).message}).`);
  }
  if (!isObject(value)) throw new DryRunReadError(file.path, 'the file is not a JSON object.');
  return value;
}

export const readArm: ArtefactReader = (files, plan) => {
  const templateFile = files.find((f) => f.path === TEMPLATE_FILE);
  if (!templateFile) throw new DryRunReadError(TEMPLATE_FILE, 'the ARM export has no such file.');
  const template = parseJson(templateFile);
  const paramsFile = files.find((f) => f.path === PARAMETERS_FILE);
  const given: Json = {};
  if (paramsFile) {
    const parsed = parseJson(paramsFile);
    const values = parsed.parameters ?? {};
    if (!isObject(values)) throw new DryRunReadError(PARAMETERS_FILE, '$.parameters is not an object.');
    for (const [k, v] of Object.entries(values)) {
      if (isObject(v) && 'value' in v) given[k] = v.value;
      else if (isObject(v) && 'reference' in v) given[k] = new Secret(k);
      else throw new DryRunReadError(PARAMETERS_FILE, `$.parameters.${k}: neither a value nor a Key Vault reference.`);
    }
  }
  const reader = new ArmReader(plan);
  const variables = template.variables ?? {};
  if (!isObject(variables)) throw new DryRunReadError(TEMPLATE_FILE, '$.variables is not an object.');
  const group = reader.ctx.ownGroup || TARGET_GROUP;
  const scope: TemplateScope = {
    entries: [],
    byId: new Map(),
    byName: new Map(),
    deploy: { subscription: OWN_SUBSCRIPTION, group },
    inherited: [],
  };
  const ctx: EvalCtx = {
    subscription: OWN_SUBSCRIPTION,
    group,
    params: new Map(),
    variables,
    variablesPath: '$.variables',
    variableCache: new Map(),
    scope,
  };
  reader.readParams(template, given, ctx, '$', `${PARAMETERS_FILE} $.parameters`);
  reader.template(template, '$', ctx, scope);
  return reader.steps;
};
