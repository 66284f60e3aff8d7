/**
 * The dry run's Bicep reader: `main.bicep` with the values of `main.bicepparam`, and every module it deploys
 * (`modules/*.bicep`), read with the strict subset parser into steps. Parameters, variables, `resourceId()`,
 * `format()`, `union()`, scopes and module parameters resolve to values and ARM IDs. The ordering edges are exactly
 * Bicep's: `dependsOn`, every symbolic reference (`sym.id`, `mod.outputs.x`: an implicit dependency, Bicep docs,
 * "Resource dependencies"), `parent:`, and for a module's resources everything the module itself follows.
 */
import type { Plan } from '../domain/plan';
import type { StepAction, StepProps, StepScope } from '../exporters/steps';
import type { ExportFile } from '../exporters/types';
import type { ArtefactReader, DeployStep } from './types';
import { armProps } from './arm-props';
import { formatText, parseBicep, type BicepExpr, type BicepStatement } from './bicep-parse';
import { existingResourceKeys } from './plan-existing';
import { DryRunReadError } from './read-error';
import { resourceKey } from './resource-id';
import { canonicalId, idContext, worldOf, type IdContext } from './world';

/** A value known only at deployment time (a secure parameter, `reference()`, an environment variable). */
/** A value the reader can't know (a deployment-time output, a secret). */
class Unknown {}
const UNKNOWN = new Unknown();

/** The properties of an `existing` resource as Azure holds them (or a part of them). */
class Live {
  constructor(
    /** The existing resource's ID; null where the reader can't tell which resource. */
    readonly id: string | null,
    /** The property path below the resource (`properties.delegations`). */
    readonly path: readonly string[],
  ) {}
}
const LIVE = new Live(null, []);

/** `e => body`, applied by `filter()`. */
class LambdaValue {
  constructor(
    readonly expr: BicepExpr & { k: 'lambda' },
    /** The file it is written in (a `FileCtx`; typed loosely to keep `Value` from referring to itself through it). */
    readonly ctx: object,
  ) {}
}

/** A scope value: `resourceGroup(…)` (group set) or `subscription(…)` (group null). */
class ScopeValue {
  constructor(
    readonly subscription: string,
    readonly resourceGroup: string | null,
  ) {}
}

type Decl = ResourceDecl | ModuleDecl;

class SymbolRef {
  constructor(readonly decl: Decl) {}
}

/** `mod.outputs`. */
class ModuleOutputs {
  constructor(readonly decl: ModuleDecl) {}
}

type Value =
  | string
  | number
  | boolean
  | null
  | Unknown
  | Live
  | ScopeValue
  | SymbolRef
  | ModuleOutputs
  | LambdaValue
  | Value[]
  | { [key: string]: Value };

type Deps = Map<Decl, string>;

/**
 * Where an evaluation's dependencies go when nobody asks for them (a name, a scope, a lambda's body): it has every
 * declaration already, so nothing is recorded and no reason text is built.
 */
class DiscardedDeps extends Map<Decl, string> {
  override has(): boolean {
    return true;
  }
}
const DISCARD: Deps = new DiscardedDeps();

/** Where a resource is: its ARM ID, full name and scope. */
interface Location {
  id: string;
  name: string;
  scope: StepScope;
}

interface ResourceDecl {
  kind: 'resource';
  ctx: FileCtx;
  stmt: BicepStatement & { k: 'resource' };
  /** Made once; null while it is being worked out. */
  located?: Location | null;
  /** The type split at its slashes. */
  segments: readonly string[];
  /** The value of the symbol, made once. */
  ref?: SymbolRef;
}

interface ModuleDecl {
  kind: 'module';
  ctx: FileCtx;
  stmt: BicepStatement & { k: 'module' };
  /** Loaded once; null while it is being loaded. */
  child?: FileCtx | null;
  /** What the module itself follows: its dependsOn and what its name, scope and params refer to. */
  deps: Deps;
  /** The value of the symbol, made once. */
  ref?: SymbolRef;
}

interface FileCtx {
  file: string;
  scope: StepScope;
  params: Map<string, BicepStatement & { k: 'param' }>;
  given: Map<string, Value>;
  paramValues: Map<string, Value>;
  vars: Map<string, BicepStatement & { k: 'var' }>;
  varValues: Map<string, { value: Value; deps: Deps }>;
  symbols: Map<string, Decl>;
  outputs: Map<string, BicepStatement & { k: 'output' }>;
  statements: BicepStatement[];
}

const isRecord = (v: Value): v is { [key: string]: Value } =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const TYPE_ARG = /^[A-Za-z0-9]+\.[A-Za-z0-9.]+(\/[A-Za-z0-9]+)+$/;

/**
 * `armResourceId` of resource-id.ts, the same text, for a type already split at its slashes (`segments`): the reader
 * splits each type once, not once per resource.
 */
export function armIdOfSegments(
  scope: StepScope,
  targetGroup: string,
  segments: readonly string[],
  names: readonly string[],
): string {
  let id = `/subscriptions/${scope.subscription}/resourcegroups/${scope.resourceGroup || targetGroup}/providers/`;
  id += segments[0] ?? '';
  for (let i = 1; i < segments.length; i += 1) id += `/${segments[i] as string}/${names[i - 1] ?? ''}`;
  return id.toLowerCase();
}

class BicepReader {
  private readonly files = new Map<string, string>();
  private readonly inProgress = new Set<string>();
  /** Objects that carry over an existing resource's live properties (`union(x.properties, …)`, `...x.properties`). */
  private readonly carriesLive = new WeakSet<object>();
  private readonly existing: Set<string>;
  private readonly targetGroup: string;
  /** What the plan says its existing resources hold, by ID in the shared spelling (`world.ts`); made when asked. */
  private knownProps: Map<string, StepProps> | null = null;
  private readonly idCtx: IdContext;
  /** Each resource type split at its slashes. */
  private readonly typeSegments = new Map<string, string[]>();
  /** The variables of the lambdas being applied. */
  private readonly lambdaVars = new Map<string, Value>();

  constructor(
    files: readonly ExportFile[],
    private readonly plan: Plan,
  ) {
    for (const f of files) this.files.set(f.path, f.contents);
    this.existing = existingResourceKeys(plan);
    this.idCtx = idContext(plan);
    this.targetGroup = plan.servers[0]?.resourceGroup ?? '';
  }

  private segmentsOf(type: string): string[] {
    let segments = this.typeSegments.get(type);
    if (segments === undefined) {
      segments = type.split('/');
      this.typeSegments.set(type, segments);
    }
    return segments;
  }

  private fail(file: string, line: number, message: string): never {
    throw new DryRunReadError(file, `line ${line}: ${message}`);
  }

  private load(file: string, scope: StepScope, given: Map<string, Value>): FileCtx {
    const source = this.files.get(file);
    if (source === undefined) throw new DryRunReadError(file, 'the file is not in the export');
    const statements = parseBicep(file, source);
    const ctx: FileCtx = {
      file,
      scope,
      params: new Map(),
      given,
      paramValues: new Map(),
      vars: new Map(),
      varValues: new Map(),
      symbols: new Map(),
      outputs: new Map(),
      statements,
    };
    const names = new Set<string>();
    for (const s of statements) {
      if (s.k === 'using') this.fail(file, s.line, 'a using statement outside a .bicepparam file');
      if (s.k === 'metadata') continue;
      if (s.k === 'targetScope') {
        const v = this.evaluate(s.value, ctx, DISCARD, '');
        if (v !== 'resourceGroup') this.fail(file, s.line, 'a targetScope other than resourceGroup');
        continue;
      }
      const name = s.k === 'resource' || s.k === 'module' ? s.sym : s.name;
      if (s.k !== 'output') {
        if (names.has(name)) this.fail(file, s.line, `${name} is declared twice`);
        names.add(name);
      }
      if (s.k === 'param') ctx.params.set(s.name, s);
      else if (s.k === 'var') ctx.vars.set(s.name, s);
      else if (s.k === 'output') ctx.outputs.set(s.name, s);
      else if (s.k === 'resource') {
        ctx.symbols.set(s.sym, { kind: 'resource', ctx, stmt: s, segments: this.segmentsOf(s.type) });
      } else if (s.k === 'module') ctx.symbols.set(s.sym, { kind: 'module', ctx, stmt: s, deps: new Map() });
    }
    for (const name of given.keys()) {
      if (!ctx.params.has(name)) throw new DryRunReadError(file, `a value is given for ${name}, not a param here`);
    }
    return ctx;
  }

  private param(name: string, ctx: FileCtx, line: number): Value {
    const done = ctx.paramValues.get(name);
    if (done !== undefined) return done;
    const s = ctx.params.get(name) as BicepStatement & { k: 'param' };
    let value: Value;
    if (ctx.given.has(name)) value = ctx.given.get(name) as Value;
    else if (s.value) {
      const key = `${ctx.file}#param:${name}`;
      if (this.inProgress.has(key)) this.fail(ctx.file, line, `the param ${name} refers to itself`);
      this.inProgress.add(key);
      const deps: Deps = new Map();
      value = this.evaluate(s.value, ctx, deps, name);
      this.inProgress.delete(key);
      if (deps.size > 0) this.fail(ctx.file, s.line, `the default of ${name} refers to a resource or module`);
    } else if (s.decorators.some((d) => d.name === 'secure')) value = UNKNOWN;
    else this.fail(ctx.file, s.line, `the param ${name} has no value: no default, and none is given`);
    ctx.paramValues.set(name, value);
    return value;
  }

  private variable(name: string, ctx: FileCtx): { value: Value; deps: Deps } {
    const done = ctx.varValues.get(name);
    if (done) return done;
    const s = ctx.vars.get(name) as BicepStatement & { k: 'var' };
    const key = `${ctx.file}#var:${name}`;
    if (this.inProgress.has(key)) this.fail(ctx.file, s.line, `the var ${name} refers to itself`);
    this.inProgress.add(key);
    const deps: Deps = new Map();
    const value: Value = this.evaluate(s.value, ctx, deps, name);
    this.inProgress.delete(key);
    const result = { value, deps };
    ctx.varValues.set(name, result);
    return result;
  }

  evaluate(e: BicepExpr, ctx: FileCtx, deps: Deps, via: string): Value {
    switch (e.k) {
      case 'literal':
        return e.value;
      case 'str': {
        let out = '';
        let unknown = false;
        for (const p of e.parts) {
          if (typeof p === 'string') out += p;
          else {
            const v = this.evaluate(p, ctx, deps, via);
            if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out += String(v);
            else if (v === UNKNOWN || v instanceof Live) unknown = true;
            else this.fail(ctx.file, e.line, 'an object, array or symbol interpolated into a string');
          }
        }
        return unknown ? UNKNOWN : out;
      }
      case 'array':
        return e.items.map((i) => this.evaluate(i, ctx, deps, via));
      case 'object': {
        const out: { [key: string]: Value } = {};
        for (const entry of e.entries) {
          if ('key' in entry) {
            out[entry.key] = this.evaluate(entry.value, ctx, deps, via === '' ? entry.key : via);
            continue;
          }
          const v = this.evaluate(entry.spread, ctx, deps, via);
          if (v instanceof Live) this.carriesLive.add(out);
          else if (isRecord(v)) {
            Object.assign(out, v);
            if (this.carriesLive.has(v)) this.carriesLive.add(out);
          } else this.fail(ctx.file, e.line, 'a spread of something that is not an object');
        }
        return out;
      }
      case 'ident': {
        if (this.lambdaVars.has(e.name)) return this.lambdaVars.get(e.name) as Value;
        if (ctx.params.has(e.name)) return this.param(e.name, ctx, e.line);
        if (ctx.vars.has(e.name)) {
          const v = this.variable(e.name, ctx);
          for (const [d, w] of v.deps) if (!deps.has(d)) deps.set(d, `${via} (through the var ${e.name}: ${w})`);
          return v.value;
        }
        const decl = ctx.symbols.get(e.name);
        if (!decl) return this.fail(ctx.file, e.line, `${e.name} is not declared`);
        if (!deps.has(decl)) deps.set(decl, via);
        return (decl.ref ??= new SymbolRef(decl));
      }
      case 'prop':
        return this.property(this.evaluate(e.target, ctx, deps, via), e.name, ctx, e.line);
      case 'index': {
        const target = this.evaluate(e.target, ctx, deps, via);
        const index = this.evaluate(e.index, ctx, deps, via);
        if (target === UNKNOWN || target instanceof Live) return target;
        if (Array.isArray(target) && typeof index === 'number')
          return (target as Value[])[index] ?? this.fail(ctx.file, e.line, `no item ${index}`);
        if (typeof index === 'string') return this.property(target, index, ctx, e.line);
        return this.fail(ctx.file, e.line, 'an index into something that is not an array or object');
      }
      case 'call':
        return this.call(e, ctx, deps, via);
      case 'ternary': {
        const cond = this.resolved(this.evaluate(e.cond, ctx, deps, via), ctx, e.line);
        if (cond === UNKNOWN) return UNKNOWN;
        if (typeof cond !== 'boolean') return this.fail(ctx.file, e.line, 'a condition that is not a boolean');
        return this.resolved(this.evaluate(cond ? e.then : e.else, ctx, deps, via), ctx, e.line);
      }
      case 'compare': {
        const left = this.resolved(this.evaluate(e.left, ctx, deps, via), ctx, e.line);
        const right = this.resolved(this.evaluate(e.right, ctx, deps, via), ctx, e.line);
        if (left === UNKNOWN || right === UNKNOWN) return UNKNOWN;
        const same = JSON.stringify(left) === JSON.stringify(right);
        return e.op === '==' ? same : !same;
      }
      case 'lambda':
        return new LambdaValue(e, ctx);
    }
  }

  /**
   * A value known only at deployment (the properties of an `existing` resource) as the plan describes that
   * resource, for the decisions a template makes on it (`contains`, `empty`, `filter`, a condition): the
   * delegations and service endpoints the plan says it has, nothing it doesn't.
   */
  private resolved(v: Value, ctx: FileCtx, line: number): Value {
    if (!(v instanceof Live)) return v;
    if (v.id === null) return this.fail(ctx.file, line, 'a decision on a value known only at deployment time');
    const id = canonicalId(v.id, this.idCtx);
    this.knownProps ??= worldOf(this.plan).existing;
    const props = id === null ? undefined : this.knownProps.get(id);
    if (props === undefined)
      return this.fail(ctx.file, line, `${v.id} is read at deployment time, and the plan says nothing of it`);
    let value: Value = {
      properties: {
        ...(props.addressPrefix === undefined ? {} : { addressPrefix: props.addressPrefix }),
        ...(props.delegations === undefined
          ? {}
          : { delegations: props.delegations.map((serviceName) => ({ properties: { serviceName } })) }),
        ...(props.serviceEndpoints === undefined
          ? {}
          : { serviceEndpoints: props.serviceEndpoints.map((service) => ({ service })) }),
      },
    };
    for (const key of v.path) {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !isRecord(value)) return null;
      value = value[key] ?? null;
    }
    return value;
  }

  private property(target: Value, name: string, ctx: FileCtx, line: number): Value {
    if (target instanceof Live) return target.id === null ? target : new Live(target.id, [...target.path, name]);
    if (target === UNKNOWN) return target;
    if (target instanceof ScopeValue) {
      if (name === 'subscriptionId') return target.subscription;
      if (target.resourceGroup !== null && name === 'name') return target.resourceGroup || this.targetGroup;
      if (name === 'id') {
        const sub = `/subscriptions/${target.subscription}`;
        return target.resourceGroup === null
          ? sub
          : `${sub}/resourceGroups/${target.resourceGroup || this.targetGroup}`;
      }
      return UNKNOWN;
    }
    if (target instanceof SymbolRef) {
      const d = target.decl;
      if (d.kind === 'module') {
        if (name === 'outputs') return new ModuleOutputs(d);
        if (name === 'name') return this.objectEntry(d.stmt.body, 'name', d.ctx) ?? UNKNOWN;
        return this.fail(ctx.file, line, `a module has no property ${name} read here`);
      }
      const at = this.locate(d);
      if (name === 'id') return at.id;
      if (name === 'name') return at.name;
      if (name === 'type') return d.stmt.type;
      if (name === 'properties' && d.stmt.existing) return new Live(at.id, []);
      const v = this.objectEntry(d.stmt.body, name, d.ctx);
      return v === undefined ? (d.stmt.existing ? new Live(at.id, [name]) : UNKNOWN) : v;
    }
    if (target instanceof ModuleOutputs) {
      const child = this.childOf(target.decl);
      const out = child.outputs.get(name);
      if (!out) return this.fail(ctx.file, line, `the module ${target.decl.stmt.sym} has no output ${name}`);
      return this.evaluate(out.value, child, DISCARD, name);
    }
    if (isRecord(target)) {
      if (name in target) return target[name] as Value;
      if (this.carriesLive.has(target)) return LIVE;
      return this.fail(ctx.file, line, `the object has no property ${name}`);
    }
    return this.fail(ctx.file, line, `a property ${name} of something that has none`);
  }

  /** One entry of a declaration's body object, evaluated without recording dependencies. */
  private objectEntry(body: BicepExpr, key: string, ctx: FileCtx): Value | undefined {
    if (body.k !== 'object') return undefined;
    for (const entry of body.entries) {
      if ('key' in entry && entry.key === key) return this.evaluate(entry.value, ctx, DISCARD, key);
    }
    return undefined;
  }

  private call(e: BicepExpr & { k: 'call' }, ctx: FileCtx, deps: Deps, via: string): Value {
    const args: Value[] = [];
    let unknown = false;
    for (const a of e.args) {
      const v = this.evaluate(a, ctx, deps, via);
      if (v === UNKNOWN || v instanceof Live) unknown = true;
      args.push(v);
    }
    switch (e.fn) {
      case 'resourceGroup': {
        if (unknown) return this.fail(ctx.file, e.line, 'resourceGroup() with a value known only at deployment time');
        const s = this.strings(args, e, ctx);
        if (s.length === 0) return new ScopeValue(ctx.scope.subscription, ctx.scope.resourceGroup);
        if (s.length === 1) return new ScopeValue(ctx.scope.subscription, s[0] as string);
        if (s.length === 2) return new ScopeValue(s[0] as string, s[1] as string);
        return this.fail(ctx.file, e.line, 'resourceGroup() takes at most two arguments');
      }
      case 'subscription': {
        if (unknown) return this.fail(ctx.file, e.line, 'subscription() with a value known only at deployment time');
        const s = this.strings(args, e, ctx);
        if (s.length > 1) return this.fail(ctx.file, e.line, 'subscription() takes at most one argument');
        return new ScopeValue(s[0] ?? ctx.scope.subscription, null);
      }
      case 'resourceId': {
        if (unknown) return UNKNOWN;
        const s = this.strings(args, e, ctx);
        const t = s.findIndex((a) => TYPE_ARG.test(a));
        if (t < 0 || t > 2)
          return this.fail(ctx.file, e.line, 'resourceId() without a resource type in its first three arguments');
        const sub = t === 2 ? (s[0] as string) : ctx.scope.subscription;
        const rg = t === 0 ? ctx.scope.resourceGroup : (s[t - 1] as string);
        const type = s[t] as string;
        const names = s.slice(t + 1);
        const segments = this.segmentsOf(type);
        if (names.length !== segments.length - 1) {
          return this.fail(
            ctx.file,
            e.line,
            `resourceId() for ${type} needs ${segments.length - 1} name(s), has ${names.length}`,
          );
        }
        return armIdOfSegments({ subscription: sub, resourceGroup: rg }, this.targetGroup, segments, names);
      }
      case 'format': {
        if (unknown) return UNKNOWN;
        const fmt = args[0];
        if (typeof fmt !== 'string') return this.fail(ctx.file, e.line, 'format() without a format string');
        const formatted = formatText(fmt, args, 1);
        return formatted.problem === undefined ? formatted.text : this.fail(ctx.file, e.line, formatted.problem);
      }
      case 'toLower':
        if (unknown) return UNKNOWN;
        return (
          this.strings(args, e, ctx)[0] ?? this.fail(ctx.file, e.line, 'toLower() needs an argument')
        ).toLowerCase();
      case 'union': {
        const out: { [key: string]: Value } = {};
        for (const a of args) {
          if (a instanceof Live) this.carriesLive.add(out);
          else if (isRecord(a)) {
            Object.assign(out, a);
            if (this.carriesLive.has(a)) this.carriesLive.add(out);
          } else if (a === UNKNOWN) return UNKNOWN;
          else return this.fail(ctx.file, e.line, 'union() of something that is not an object');
        }
        return out;
      }
      case 'empty': {
        const v = this.resolved(args[0] ?? null, ctx, e.line);
        if (v === UNKNOWN) return UNKNOWN;
        if (v === null) return true;
        if (Array.isArray(v) || typeof v === 'string') return v.length === 0;
        if (isRecord(v)) return Object.keys(v).length === 0;
        return this.fail(ctx.file, e.line, 'empty() of something that is not an object, array or string');
      }
      case 'contains': {
        const container = this.resolved(args[0] ?? null, ctx, e.line);
        const item = this.resolved(args[1] ?? null, ctx, e.line);
        if (container === UNKNOWN || item === UNKNOWN) return UNKNOWN;
        if (Array.isArray(container)) return container.some((x) => JSON.stringify(x) === JSON.stringify(item));
        if (typeof container === 'string' && typeof item === 'string') return container.includes(item);
        if (isRecord(container) && typeof item === 'string') return item in container;
        return this.fail(ctx.file, e.line, 'contains() of something that is not an object, array or string');
      }
      case 'concat': {
        const values = args.map((a) => this.resolved(a, ctx, e.line));
        if (values.includes(UNKNOWN)) return UNKNOWN;
        if (values.every(Array.isArray)) return (values as Value[][]).flat();
        if (values.every((v) => typeof v === 'string')) return values.join('');
        return this.fail(ctx.file, e.line, 'concat() of values that are not all arrays or all strings');
      }
      case 'filter': {
        const list = this.resolved(args[0] ?? null, ctx, e.line);
        const fn = args[1];
        if (list === UNKNOWN) return UNKNOWN;
        if (!Array.isArray(list) || !(fn instanceof LambdaValue))
          return this.fail(ctx.file, e.line, 'filter() needs an array and a lambda');
        return (list as Value[]).filter((item: Value) => {
          const before = this.lambdaVars.get(fn.expr.param);
          this.lambdaVars.set(fn.expr.param, item);
          try {
            const keep = this.evaluate(fn.expr.body, fn.ctx as FileCtx, DISCARD, via);
            if (typeof keep !== 'boolean')
              return this.fail(ctx.file, e.line, 'a filter() lambda that gives no boolean');
            return keep;
          } finally {
            if (before === undefined) this.lambdaVars.delete(fn.expr.param);
            else this.lambdaVars.set(fn.expr.param, before);
          }
        });
      }
      case 'reference':
      case 'readEnvironmentVariable':
        return UNKNOWN;
      default:
        return this.fail(ctx.file, e.line, `the function ${e.fn}() (outside the Bicep subset read)`);
    }
  }

  private strings(args: readonly Value[], e: BicepExpr & { k: 'call' }, ctx: FileCtx): string[] {
    for (let i = 0; i < args.length; i += 1) {
      if (typeof args[i] !== 'string') this.fail(ctx.file, e.line, `argument ${i + 1} of ${e.fn}() is not a string`);
    }
    return args as string[];
  }

  /** A resource's ARM ID, full name and scope. */
  private locate(d: ResourceDecl): Location {
    if (d.located) return d.located;
    const { ctx, stmt } = d;
    const fail = (message: string): never => this.fail(ctx.file, stmt.line, message);
    if (d.located === null) fail(`the name of ${stmt.sym} depends on itself`);
    d.located = null;
    const name = this.objectEntry(stmt.body, 'name', ctx);
    if (typeof name !== 'string') fail(`the name of ${stmt.sym} is not a string known before deployment`);
    const parent = this.objectEntry(stmt.body, 'parent', ctx);
    const scopeValue = this.objectEntry(stmt.body, 'scope', ctx);
    const types = d.segments;
    let located: Location;
    if (parent !== undefined) {
      if (!(parent instanceof SymbolRef) || parent.decl.kind !== 'resource') fail('parent: is not a resource');
      const p = this.locate((parent as SymbolRef).decl as ResourceDecl);
      located = {
        id: `${p.id}/${(types[types.length - 1] as string).toLowerCase()}/${(name as string).toLowerCase()}`,
        name: `${p.name}/${name as string}`,
        scope: p.scope,
      };
    } else {
      let scope = ctx.scope;
      if (scopeValue !== undefined) {
        if (!(scopeValue instanceof ScopeValue) || scopeValue.resourceGroup === null) {
          fail(`the scope of ${stmt.sym} is not a resource group`);
        }
        const s = scopeValue as ScopeValue;
        scope = { subscription: s.subscription, resourceGroup: s.resourceGroup as string };
      }
      const names = (name as string).split('/');
      if (names.length !== types.length - 1) {
        fail(`the name '${name as string}' has ${names.length} segment(s); ${stmt.type} needs ${types.length - 1}`);
      }
      const id = armIdOfSegments(scope, this.targetGroup, types, names);
      located = { id, name: name as string, scope };
    }
    d.located = located;
    return located;
  }

  /** The module's file, loaded with its scope and params (evaluated in the declaring file, deps recorded). */
  private childOf(m: ModuleDecl): FileCtx {
    if (m.child) return m.child;
    const { ctx, stmt } = m;
    if (m.child === null) this.fail(ctx.file, stmt.line, `the module ${stmt.sym} depends on itself`);
    m.child = null;
    if (stmt.body.k !== 'object') this.fail(ctx.file, stmt.line, 'a module body that is not an object');
    let scope = ctx.scope;
    const given = new Map<string, Value>();
    for (const entry of stmt.body.entries) {
      if (!('key' in entry)) this.fail(ctx.file, stmt.line, 'a spread in a module body');
      const { key, value } = entry;
      if (key === 'dependsOn') {
        if (value.k !== 'array') this.fail(ctx.file, value.line, 'dependsOn is not an array');
        for (const item of value.items) {
          const v = this.evaluate(item, ctx, DISCARD, 'dependsOn');
          if (!(v instanceof SymbolRef)) this.fail(ctx.file, item.line, 'dependsOn holds something not a symbol');
          const d = v.decl;
          if (!m.deps.has(d)) m.deps.set(d, `${ctx.file}: module ${stmt.sym} has dependsOn ${d.stmt.sym}`);
        }
        continue;
      }
      const deps: Deps = new Map();
      const v = this.evaluate(value, ctx, deps, key);
      for (const [d, w] of deps) {
        if (!m.deps.has(d)) m.deps.set(d, `${ctx.file}: module ${stmt.sym}'s ${w} refers to ${d.stmt.sym}`);
      }
      if (key === 'scope') {
        if (!(v instanceof ScopeValue) || v.resourceGroup === null) {
          this.fail(ctx.file, value.line, `the scope of the module ${stmt.sym} is not a resource group`);
        }
        const s = v;
        scope = { subscription: s.subscription, resourceGroup: s.resourceGroup as string };
      } else if (key === 'params') {
        if (!isRecord(v)) this.fail(ctx.file, value.line, 'params is not an object');
        for (const [k, pv] of Object.entries(v as Record<string, Value>)) given.set(k, pv);
      } else if (key !== 'name') this.fail(ctx.file, value.line, `a module property ${key} (outside the subset read)`);
    }
    const dir = ctx.file.includes('/') ? ctx.file.slice(0, ctx.file.lastIndexOf('/') + 1) : '';
    const path = normalisePath(dir + stmt.path);
    if (!this.files.has(path)) {
      this.fail(ctx.file, stmt.line, `the module ${stmt.sym} deploys ${stmt.path}, which is not in the export`);
    }
    const child = this.load(path, scope, given);
    m.child = child;
    return child;
  }

  read(): DeployStep[] {
    const main = this.load('main.bicep', { subscription: '', resourceGroup: '' }, new Map());
    const source = this.files.get('main.bicepparam');
    if (source !== undefined) {
      const bare: FileCtx = {
        ...main,
        params: new Map(),
        vars: new Map(),
        symbols: new Map(),
        file: 'main.bicepparam',
      };
      for (const s of parseBicep('main.bicepparam', source)) {
        if (s.k === 'using') {
          if (s.path !== 'main.bicep') this.fail('main.bicepparam', s.line, `using '${s.path}', not 'main.bicep'`);
        } else if (s.k === 'param' && s.value && s.type === null) {
          if (!main.params.has(s.name)) this.fail('main.bicepparam', s.line, `${s.name} is not a param of main.bicep`);
          main.given.set(s.name, this.evaluate(s.value, bare, DISCARD, ''));
        } else this.fail('main.bicepparam', s.line, 'only using and param … = value are read in a .bicepparam file');
      }
    }
    // Every resource's ID first: a read of a resource the deployment also writes gets its own step ID.
    const writes = new Map<string, ResourceDecl>();
    const walk = (ctx: FileCtx, visit: (d: ResourceDecl) => void) => {
      for (const d of ctx.symbols.values()) {
        if (d.kind === 'resource') visit(d);
        else walk(this.childOf(d), visit);
      }
    };
    walk(main, (d) => {
      if (d.stmt.existing) return;
      const { id } = this.locate(d);
      const other = writes.get(id);
      if (other !== undefined) {
        this.fail(d.ctx.file, d.stmt.line, `${d.stmt.sym} and ${other.stmt.sym} (${other.ctx.file}) both write ${id}`);
      }
      writes.set(id, d);
    });
    const stepIdOf = (d: ResourceDecl) => {
      const { id } = this.locate(d);
      return d.stmt.existing && writes.has(id) ? `${id}#read` : id;
    };
    const moduleSteps = new Map<ModuleDecl, string[]>();
    const stepsOf = (m: ModuleDecl): string[] => {
      let ids = moduleSteps.get(m);
      if (!ids) {
        ids = [];
        for (const d of this.childOf(m).symbols.values()) {
          if (d.kind === 'resource') ids.push(stepIdOf(d));
          else ids.push(...stepsOf(d));
        }
        moduleSteps.set(m, ids);
      }
      return ids;
    };
    // An edge to each step once, none to the step itself: a resource has an edge or two, so a look along them costs
    // less than a set per resource.
    const edgeTo = (step: string, why: string, into: DeployStep['after'], self: string) => {
      if (step !== self && !into.some((e) => e.step === step)) into.push({ step, why });
    };
    const edgesTo = (d: Decl, why: string, into: DeployStep['after'], self: string) => {
      if (d.kind === 'resource') edgeTo(stepIdOf(d), why, into, self);
      else for (const step of stepsOf(d)) edgeTo(step, why, into, self);
    };
    const out: DeployStep[] = [];
    const emit = (ctx: FileCtx, inherited: { decl: Decl; why: string }[]) => {
      for (const s of ctx.statements) {
        if (s.k === 'module') {
          const m = ctx.symbols.get(s.sym) as ModuleDecl;
          const child = this.childOf(m);
          emit(child, [...inherited, ...[...m.deps].map(([decl, why]) => ({ decl, why }))]);
          continue;
        }
        if (s.k !== 'resource') continue;
        const d = ctx.symbols.get(s.sym) as ResourceDecl;
        const at = this.locate(d);
        const id = stepIdOf(d);
        const after: DeployStep['after'] = [];
        const body = this.bodyWithDeps(d, (dep, why) => edgesTo(dep, why, after, id));
        for (const { decl, why } of inherited) edgesTo(decl, why, after, id);
        const action: StepAction = s.existing ? 'read' : this.existing.has(resourceKey(at.id)) ? 'update' : 'create';
        const props = s.existing ? {} : armProps(s.type, body);
        if (action === 'update' && s.type.toLowerCase() === 'microsoft.network/virtualnetworks/subnets') {
          const properties = isRecord(body) ? body.properties : undefined;
          props.preservesLiveProperties =
            properties !== undefined && isRecord(properties) && this.carriesLive.has(properties);
        }
        const step: DeployStep = {
          id,
          type: s.type,
          name: at.name,
          action,
          scope: at.scope,
          props,
          after,
          source: { file: ctx.file, line: s.line },
        };
        const location = isRecord(body) ? body.location : undefined;
        if (typeof location === 'string' && location.toLowerCase() !== 'global' && d.segments.length === 2) {
          step.location = location;
        }
        out.push(step);
      }
    };
    emit(main, []);
    return out;
  }

  /** The evaluated body of a resource, reporting each declaration it refers to with why. */
  private bodyWithDeps(d: ResourceDecl, edge: (dep: Decl, why: string) => void): Value {
    const { ctx, stmt } = d;
    const body: { [key: string]: Value } = {};
    if (stmt.body.k !== 'object') this.fail(ctx.file, stmt.line, 'a resource body that is not an object');
    // One record for the whole body: what an earlier property already refers to gave its edge with that property.
    const deps: Deps = new Map();
    for (const entry of stmt.body.entries) {
      if (!('key' in entry)) this.fail(ctx.file, stmt.line, 'a spread at the top of a resource body');
      const { key, value } = entry;
      const before = deps.size;
      body[key] = this.evaluate(value, ctx, deps, key);
      if (deps.size === before) continue;
      let i = 0;
      for (const [dep, via] of deps) {
        i += 1;
        if (i <= before) continue;
        const why =
          key === 'dependsOn'
            ? `${stmt.sym} has dependsOn ${dep.stmt.sym}`
            : key === 'parent'
              ? `${stmt.sym} has parent ${dep.stmt.sym}`
              : `${stmt.sym}.${via} refers to ${dep.stmt.sym} (implicit dependency)`;
        edge(dep, `${ctx.file}: ${why}`);
      }
    }
    return body;
  }
}

function normalisePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** Reads a Bicep export into steps; throws `DryRunReadError` naming file and line for anything unreadable. */
export const readBicep: ArtefactReader = (files, plan) => new BicepReader(files, plan).read();
