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
 *
 * Speed (spec/budgets.md, the dry run of the large plan): a JSON path is written only when something fails (a
 * `Failure` thrown inside a value collects its path on the way out), each expression text is parsed once per read,
 * and an expression whose value depends only on its context (no `reference()`) is evaluated once per context.
 */
import type { ExportFile } from '../exporters/types';
import type { Plan } from '../domain/plan';
import type { StepProps, StepScope } from '../exporters/steps';
import {
  ExprSyntaxError,
  isDigit,
  isIdent,
  isIdentStart,
  isSpace,
  Live,
  parseExpr,
  Secret,
  type ExprNode,
} from './arm-expr';
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
const DEPLOYMENTS_LOWER = DEPLOYMENTS.toLowerCase();

type Json = Record<string, unknown>;
type After = DeployStep['after'][number];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A failure inside a JSON value or an expression. Its JSON path is not known where it happens: each level on the
 * way out prepends its part (`.key`, `[i]`), and the caller that knows where the value sits turns it into a
 * `DryRunReadError` naming the whole path.
 */
class Failure extends Error {
  rel = '';
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
  /** The JSON path of the template whose variables these are (`$`, `….properties.template`). */
  templatePath: string;
  /** Each variable's value, with what its evaluation depends on. */
  variableCache: Map<string, { value: unknown; deps: Entry[]; reads: string[] }>;
  /** The values of expression texts that depend on nothing but this context (no `reference()`). */
  memo: Map<string, unknown>;
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
  /** Built when first needed (most templates name their dependencies by ID); see `named`. */
  byName: Map<string, Entry> | null;
  deploy: { subscription: string; group: string };
  inherited: After[];
  /** The IDs of this scope's resources up to their type (`/subscriptions/…/resourcegroups/…/providers/`). */
  idPrefix: string;
  /** Whether the subscription and group in `idPrefix` hold no '/' (parseResourceId, world.ts, reads them back). */
  plainPrefix: boolean;
  /** The step scope of its resources. */
  stepScope: StepScope;
  /** The entries that `dependsOn` texts name (its entries share one context: a text names the same one). */
  dependencies: Map<string, Entry>;
}

interface Entry {
  json: Json;
  path: string;
  type: string;
  name: string;
  id: string;
  isDeployment: boolean;
  /** The type in lower case as parseResourceId(id) finds it (world.ts), when it surely does; null otherwise. */
  lowerType: string | null;
  scope: TemplateScope;
  ctx: EvalCtx;
  state: 'new' | 'busy' | 'done';
  /** Resource: its step. Nested deployment: every step inside it. */
  steps: string[];
  /** Why a resource listing this one in its `dependsOn` waits (written once, on first use). */
  why: string | null;
  /** Nested deployment: the inner context and template, for `reference(name).outputs`. */
  inner?: { ctx: EvalCtx; template: Json; path: string };
}

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Whether a resourceId() argument is a resource type: `/^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[A-Za-z0-9]/`. */
function isResourceType(s: string): boolean {
  const n = s.length;
  let i = 0;
  while (i < n && isAlnum(s.charCodeAt(i))) i += 1;
  if (i === 0 || s.charCodeAt(i) !== 46) return false;
  i += 1;
  const from = i;
  while (i < n && (isAlnum(s.charCodeAt(i)) || s.charCodeAt(i) === 46)) i += 1;
  return i > from && s.charCodeAt(i) === 47 && isAlnum(s.charCodeAt(i + 1));
}

/** A delegation's service name, and a service endpoint's service (as `props` reads them). */
const serviceNameOf = (d: unknown): unknown => (isObject(d) && isObject(d.properties) ? d.properties.serviceName : d);
const serviceOf = (s: unknown): unknown => (isObject(s) ? s.service : s);

/** The quick path's answer for an expression it leaves to the full one (`ArmReader.quick`). */
const FULL = Symbol('full');

/** `{0}`-style items of format(), with an optional format specifier. */
const FORMAT_ITEM = /\{(\d+)(:[^}]*)?\}/g;

/**
 * format() of `values[0]` with `values[1…]` where every `{n}` has its argument and no format specifier; null
 * otherwise, for `FORMAT_ITEM` to find the item that fails (the same items: `{` then digits then `}`).
 */
function formatPlain(fmt: string, values: readonly string[]): string | null {
  let out = '';
  let from = 0;
  for (let i = fmt.indexOf('{'); i >= 0; i = fmt.indexOf('{', i + 1)) {
    let j = i + 1;
    let k = 0;
    for (let c = fmt.charCodeAt(j); c >= 48 && c <= 57; c = fmt.charCodeAt(j)) {
      k = k * 10 + c - 48;
      j += 1;
    }
    if (j === i + 1) continue;
    const c = fmt.charCodeAt(j);
    if (c === 58 || j - i > 9) return null;
    if (c !== 125) continue;
    if (k + 1 >= values.length) return null;
    out += fmt.slice(from, i) + (values[k + 1] as string);
    from = j + 1;
    i = j;
  }
  return from === 0 ? fmt : out + fmt.slice(from);
}

/** What ends a name or type segment of a resource ID for `parseResourceId` (world.ts): '/' and line breaks. */
const ID_BREAK = /[/\n\r\u2028\u2029]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** A resource type in lower case, split at '/', and whether it is a nested deployment. */
interface TypeParts {
  lower: string;
  /** Whether parseResourceId (world.ts) reads this type back from an ID (a namespace, no line break). */
  plain: boolean;
  parts: string[];
  deployment: boolean;
}

/** A resource of the template with its values as the deployment would set them (see `evaluateArm`). */
export interface EvaluatedArmResource {
  /** The subscription and resource group it is deployed to, as the template resolves them (markers of world.ts). */
  readonly subscription: string;
  readonly resourceGroup: string;
  readonly type: string;
  readonly name: string;
  readonly location: string | undefined;
  /** `properties`, evaluated: a `Live` where it carries over the live resource's, a `Secret` for a secure value. */
  readonly properties: unknown;
  /** The resource's other keys (`sku`, `zones`, `tags`, …), evaluated; not its type, name, location or order. */
  readonly other: Readonly<Record<string, unknown>>;
}

/** The keys of a resource that `EvaluatedArmResource.other` leaves out. */
const NOT_OTHER = new Set([
  'type',
  'apiVersion',
  'name',
  'location',
  'properties',
  'dependsOn',
  'condition',
  'comments',
]);

class ArmReader {
  readonly steps: DeployStep[] = [];
  /** When set, every resource's evaluated values are collected here too (`evaluateArm`). */
  evaluated: EvaluatedArmResource[] | null = null;
  readonly ctx: IdContext;
  readonly existing: Set<string>;
  /** What the plan says the existing resources hold (for decisions a template makes on their live state). */
  readonly known: Map<string, StepProps>;
  readonly stepIds = new Set<string>();
  /** Expressions repeat (the same resourceId() in every dependsOn): each text is parsed once. */
  readonly parsed = new Map<string, ExprNode>();
  /** Canonical IDs of the raw IDs met so far. */
  readonly canonical = new Map<string, string | null>();
  /** The ID prefixes by subscription and group (as written). */
  readonly prefixes = new Map<string, Map<string, string>>();
  /** The resource types met so far. */
  readonly types = new Map<string, TypeParts>();
  /** The entries being processed, outermost first (for the chain of a circular dependency). */
  readonly busy: Entry[] = [];
  /** The reference() calls so far: a value whose evaluation made one depends on more than its context. */
  references = 0;
  /** Where the dependencies go of values whose dependencies don't count (names, conditions, dependsOn, defaults). */
  readonly ignored: Sink = { deps: [], reads: [] };
  /** The quick path's text, position, end (the closing bracket) and arguments (innermost call's last). */
  qs = '';
  qi = 0;
  qn = 0;
  readonly stack: unknown[] = [];
  /** The end of the arguments in `stack` (below it; what lies above is stale). */
  top = 0;

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

  /** A failure inside a value, whose path the callers add. */
  oops(message: string): never {
    throw new Failure(message);
  }

  /** Rethrows `e`, a failure inside the value at `path` with that path. */
  rethrow(e: unknown, path: string): never {
    if (e instanceof Failure) this.fail(`${path}${e.rel}`, e.message);
    throw e;
  }

  /** `resourceIdOf(subscription, group, '', …)`: the IDs of a scope up to their type. */
  idPrefix(subscription: string, group: string): string {
    let groups = this.prefixes.get(subscription);
    if (groups === undefined) this.prefixes.set(subscription, (groups = new Map<string, string>()));
    let prefix = groups.get(group);
    if (prefix === undefined) groups.set(group, (prefix = resourceIdOf(subscription, group, '', [], this.ctx)));
    return prefix;
  }

  newScope(subscription: string, group: string, inherited: After[]): TemplateScope {
    const prefix = this.idPrefix(subscription, group);
    return {
      entries: [],
      byId: new Map(),
      byName: null,
      deploy: { subscription, group },
      inherited,
      idPrefix: prefix,
      plainPrefix: prefix.split('/').length === 7,
      stepScope: stepScope(subscription, group, this.ctx),
      dependencies: new Map(),
    };
  }

  // ---- expressions ----

  /** A string that starts with `[`: `[[…` is a literal `[…`, `[…]` an expression, anything else a literal. */
  evalString(s: string, ctx: EvalCtx, sink: Sink): unknown {
    if (s.charCodeAt(1) === 91) return s.slice(1);
    if (s.charCodeAt(s.length - 1) !== 93) return s;
    const memo = ctx.lambdaVars === undefined ? ctx.memo : null;
    if (memo !== null) {
      const known = memo.get(s);
      if (known !== undefined) return known;
    }
    const quick = this.quick(s, ctx);
    if (quick !== FULL) {
      if (memo !== null && (typeof quick === 'string' || typeof quick === 'number' || typeof quick === 'boolean'))
        memo.set(s, quick);
      return quick;
    }
    let node = this.parsed.get(s);
    if (node === undefined) {
      try {
        node = parseExpr(s, 1, s.length - 1);
      } catch (e) {
        if (e instanceof ExprSyntaxError) this.oops(`the expression can't be read: ${e.message}.`);
        throw e;
      }
      this.parsed.set(s, node);
    }
    const references = this.references;
    const value = this.evalNode(node, ctx, sink);
    if (memo !== null && references === this.references) {
      const t = typeof value;
      if (t === 'string' || t === 'number' || t === 'boolean') memo.set(s, value);
    }
    return value;
  }

  /**
   * The value of the expression `s` (`[…]`) read and evaluated in one pass, without a syntax tree, for what
   * exports are made of: string and number literals, parameters(), the pure functions of `quickCall` and property
   * reads. `FULL` for anything else or anything that would fail: the full path (parse, then evaluate) then gives
   * the same value or the exact error. Nothing changes on the way but caches (no reference(), no variables()).
   */
  quick(s: string, ctx: EvalCtx): unknown {
    this.qs = s;
    this.qi = 1;
    this.qn = s.length - 1;
    const base = this.top;
    let v: unknown;
    try {
      v = this.quickExpr(ctx);
    } catch (e) {
      if (!(e instanceof Failure)) throw e;
      v = FULL;
    }
    this.top = base;
    if (v === FULL) return FULL;
    this.quickSpace();
    return this.qi === this.qn ? v : FULL;
  }

  quickCode(): number {
    return this.qi < this.qn ? this.qs.charCodeAt(this.qi) : NaN;
  }

  quickSpace(): void {
    while (this.qi < this.qn && isSpace(this.qs.charCodeAt(this.qi))) this.qi += 1;
  }

  quickIdent(): void {
    if (this.qi < this.qn && isIdentStart(this.qs.charCodeAt(this.qi)))
      while (this.qi < this.qn && isIdent(this.qs.charCodeAt(this.qi))) this.qi += 1;
  }

  quickExpr(ctx: EvalCtx): unknown {
    let v = this.quickPrimary(ctx);
    for (;;) {
      if (v === FULL) return FULL;
      this.quickSpace();
      if (this.quickCode() !== 46) return v;
      // A property read (`.name`) of a plain object, as member() reads it; indexing goes the full way.
      this.qi += 1;
      this.quickSpace();
      const from = this.qi;
      this.quickIdent();
      if (this.qi === from || !isObject(v) || Object.getPrototypeOf(v) !== Object.prototype) return FULL;
      const name = this.qs.slice(from, this.qi).toLowerCase();
      const key = Object.keys(v).find((k) => k.toLowerCase() === name);
      if (key === undefined) return FULL;
      v = v[key];
    }
  }

  quickPrimary(ctx: EvalCtx): unknown {
    this.quickSpace();
    const s = this.qs;
    const c = this.quickCode();
    if (c === 39) {
      const end = s.indexOf("'", this.qi + 1);
      if (end < 0 || end >= this.qn || s.charCodeAt(end + 1) === 39) return FULL;
      const value = s.slice(this.qi + 1, end);
      this.qi = end + 1;
      return value;
    }
    if (isDigit(c) || c === 45) return FULL;
    const from = this.qi;
    this.quickIdent();
    const to = this.qi;
    if (to === from) return FULL;
    this.quickSpace();
    if (this.quickCode() !== 40) return FULL;
    this.qi += 1;
    this.quickSpace();
    const start = this.top;
    if (this.quickCode() === 41) this.qi += 1;
    else
      for (;;) {
        const arg = this.quickExpr(ctx);
        if (arg === FULL) return FULL;
        this.stack[this.top] = arg;
        this.top += 1;
        this.quickSpace();
        const d = this.quickCode();
        this.qi += 1;
        if (d === 41) break;
        if (d !== 44) return FULL;
      }
    const v = this.quickCall(s.slice(from, to).toLowerCase(), start, ctx);
    this.top = start;
    return v;
  }

  /** The arguments from `start` on as strings (numbers written out), as stringArgs() has them; null otherwise. */
  quickStrings(start: number): string[] | null {
    const out: string[] = [];
    for (let i = start; i < this.top; i += 1) {
      const a = this.stack[i];
      if (typeof a === 'string') out.push(a);
      else if (typeof a === 'number') out.push(String(a));
      else return null;
    }
    return out;
  }

  /** call() of the pure functions on values that don't make it fail; FULL otherwise. */
  quickCall(fn: string, start: number, ctx: EvalCtx): unknown {
    const count = this.top - start;
    const first = this.stack[start];
    const text = typeof first === 'string' ? first : typeof first === 'number' ? String(first) : null;
    switch (fn) {
      case 'parameters':
        // A parameter's value is never undefined (JSON has none): one lookup says both.
        return count === 1 && text !== null ? (ctx.params.get(text) ?? FULL) : FULL;
      case 'format': {
        const args = this.quickStrings(start);
        return args === null || args.length === 0 ? FULL : (formatPlain(args[0] as string, args) ?? FULL);
      }
      case 'resourceid':
      case 'subscriptionresourceid': {
        const args = this.quickStrings(start);
        return args === null ? FULL : this.resourceIdCall(args, ctx, fn === 'subscriptionresourceid');
      }
      case 'concat': {
        const args = this.quickStrings(start);
        return args === null ? FULL : args.join('');
      }
      case 'tolower':
        return count === 1 && text !== null ? text.toLowerCase() : FULL;
      case 'toupper':
        return count === 1 && text !== null ? text.toUpperCase() : FULL;
      case 'string':
        return count === 1 && (text !== null || typeof first === 'boolean') ? String(first) : FULL;
      case 'true':
        return true;
      case 'false':
        return false;
      case 'subscription':
        return { subscriptionId: ctx.subscription, id: `/subscriptions/${ctx.subscription}` };
      case 'resourcegroup':
        return { name: ctx.group, id: `/subscriptions/${ctx.subscription}/resourceGroups/${ctx.group}` };
      default:
        return FULL;
    }
  }

  /** A JSON value with its expressions evaluated; literal parts are returned as they are (not copied). */
  evalValue(v: unknown, ctx: EvalCtx, sink: Sink): unknown {
    if (typeof v === 'string') {
      // Only `[...]` is an expression (facts: ARM template syntax); anything else is a literal as written.
      return v.charCodeAt(0) === 91 ? this.evalString(v, ctx, sink) : v;
    }
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      for (let i = 0; i < v.length; i += 1) {
        const x: unknown = v[i];
        let y = x;
        if (typeof x === 'object' || typeof x === 'string') {
          try {
            y = this.evalValue(x, ctx, sink);
          } catch (e) {
            if (e instanceof Failure) e.rel = `[${i}]${e.rel}`;
            throw e;
          }
        }
        if (y !== x && out === null) out = v.slice(0, i);
        if (out !== null) out.push(y);
      }
      return out ?? v;
    }
    if (isObject(v)) {
      let out: Json | null = null;
      for (const k in v) {
        const x = v[k];
        let y = x;
        if (typeof x === 'object' || typeof x === 'string') {
          try {
            y = this.evalValue(x, ctx, sink);
          } catch (e) {
            if (e instanceof Failure) e.rel = `.${k}${e.rel}`;
            throw e;
          }
        }
        if (y !== x && out === null) out = { ...v };
        if (out !== null) out[k] = y;
      }
      return out ?? v;
    }
    return v;
  }

  /** `evalValue` of the value at `base + suffix` (the path is written only if it fails). */
  evalAt(v: unknown, ctx: EvalCtx, sink: Sink, base: string, suffix: string): unknown {
    try {
      return this.evalValue(v, ctx, sink);
    } catch (e) {
      return this.rethrow(e, base + suffix);
    }
  }

  /** A string value inside an expression. */
  text(v: unknown, what: string): string {
    if (typeof v === 'string') return v;
    if (v instanceof Live) this.oops(`${what} is known only at deployment time (reference(${v.id})).`);
    if (v instanceof Secret) this.oops(`${what} is the secure parameter ${v.name}.`);
    return this.oops(`${what} is not a string.`);
  }

  /** A string value at `path`. */
  str(v: unknown, path: string, what: string): string {
    if (typeof v === 'string') return v;
    try {
      return this.text(v, what);
    } catch (e) {
      return this.rethrow(e, path);
    }
  }

  /** `str` of the value at `base + suffix` (the path is written only if it fails). */
  strAt(v: unknown, base: string, suffix: string, what: string): string {
    return typeof v === 'string' ? v : this.str(v, base + suffix, what);
  }

  member(target: unknown, name: string): unknown {
    if (target instanceof Live) return new Live(target.id, [...target.path, name], target.full);
    if (isObject(target)) {
      const key = Object.keys(target).find((k) => k.toLowerCase() === name.toLowerCase());
      if (key === undefined) this.oops(`the value has no property "${name}".`);
      return target[key];
    }
    return this.oops(`"${name}" is read from a value that has no properties.`);
  }

  evalNode(node: ExprNode, ctx: EvalCtx, sink: Sink): unknown {
    switch (node.k) {
      case 'str':
        return node.value;
      case 'num':
        return node.value;
      case 'prop':
        return this.member(this.evalNode(node.target, ctx, sink), node.name);
      case 'index': {
        const target = this.evalNode(node.target, ctx, sink);
        const index = this.evalNode(node.index, ctx, sink);
        if (Array.isArray(target) && typeof index === 'number') {
          if (index < 0 || index >= target.length) this.oops(`index ${index} is outside the array.`);
          return target[index];
        }
        return this.member(target, this.text(index, 'an index'));
      }
      case 'call':
        return this.call(node.fn, node.args, ctx, sink);
    }
  }

  call(name: string, args: ExprNode[], ctx: EvalCtx, sink: Sink): unknown {
    // Arguments are evaluated on demand (if() evaluates one branch); methods, not closures, on this hot path.
    switch (name) {
      case 'parameters': {
        const n = this.firstString(args, ctx, sink, 'a parameter name');
        if (!ctx.params.has(n as string)) this.oops(`parameters('${n}') is not a parameter of this template.`);
        return ctx.params.get(n as string);
      }
      case 'variables':
        return this.variable(this.firstString(args, ctx, sink, 'a variable name') as string, ctx, sink);
      case 'format': {
        const values = this.stringArgs(args, ctx, sink, 'a format() argument');
        if (values[0] === undefined) this.oops('format() has no format string.');
        const plain = formatPlain(values[0], values);
        if (plain !== null) return plain;
        return values[0].replace(FORMAT_ITEM, (m, k: string, spec?: string) => {
          if (spec !== undefined) this.oops(`format() with a format specifier (${m}) is not evaluated.`);
          if (Number(k) >= values.length - 1) this.oops(`format() has no argument {${k}}.`);
          return values[Number(k) + 1] as string;
        });
      }
      case 'concat': {
        const values = this.evalArgs(args, ctx, sink);
        if (values.length > 0 && values.every(Array.isArray)) return values.flat();
        let out = '';
        for (const v of values) out += typeof v === 'number' ? String(v) : this.text(v, 'a concat() argument');
        return out;
      }
      case 'tolower':
        return (this.firstString(args, ctx, sink, 'a toLower() argument') ?? '').toLowerCase();
      case 'toupper':
        return (this.firstString(args, ctx, sink, 'a toUpper() argument') ?? '').toUpperCase();
      case 'string': {
        const v = this.firstValue(args, ctx, sink);
        return typeof v === 'string'
          ? v
          : typeof v === 'number' || typeof v === 'boolean'
            ? String(v)
            : this.text(v, 'string()');
      }
      case 'true':
        return true;
      case 'false':
        return false;
      case 'equals': {
        const [a, b] = this.evalArgs(args, ctx, sink);
        if (a instanceof Live || b instanceof Live) this.oops('equals() of a value known only at deployment.');
        return JSON.stringify(a) === JSON.stringify(b);
      }
      case 'not': {
        const a = this.firstValue(args, ctx, sink);
        if (typeof a !== 'boolean') this.oops('not() of a value that is not a boolean.');
        return !a;
      }
      case 'if': {
        const cond = this.evalNode(args[0] as ExprNode, ctx, sink);
        if (typeof cond !== 'boolean' || args.length !== 3) this.oops('if() needs a boolean and two values.');
        return this.evalNode(args[cond ? 1 : 2] as ExprNode, ctx, sink);
      }
      case 'createobject': {
        const values = this.evalArgs(args, ctx, sink);
        const out: Json = {};
        for (let i = 0; i + 1 < values.length; i += 2) out[this.text(values[i], 'a key')] = values[i + 1];
        return out;
      }
      case 'createarray':
        return this.evalArgs(args, ctx, sink);
      case 'union': {
        const values = this.evalArgs(args, ctx, sink);
        const [first, ...rest] = values;
        if (first instanceof Live) {
          if (!rest.every(isObject)) this.oops('union() of a live value with something that is not an object.');
          const overlay: Json = { ...first.overlay };
          for (const r of rest) Object.assign(overlay, r);
          return new Live(first.id, first.path, first.full, overlay);
        }
        if (values.every(isObject)) return Object.assign({}, ...values);
        if (values.every(Array.isArray))
          return [...new Set(values.flat().map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v) as unknown);
        return this.oops('union() of values the dry run does not evaluate (live or mixed).');
      }
      case 'contains': {
        const [container, item] = this.evalArgs(args, ctx, sink).map((v) => this.resolved(v));
        if (isObject(container))
          return Object.keys(container).some((k) => k.toLowerCase() === this.text(item, 'a key').toLowerCase());
        if (Array.isArray(container)) return container.some((v) => JSON.stringify(v) === JSON.stringify(item));
        if (typeof container === 'string') return container.includes(this.text(item, 'a string'));
        return this.oops('contains() of a value that is not an object, an array or a string.');
      }
      case 'empty': {
        const [v] = this.evalArgs(args, ctx, sink).map((x) => this.resolved(x));
        if (v === null || v === undefined) return true;
        if (Array.isArray(v) || typeof v === 'string') return v.length === 0;
        if (isObject(v)) return Object.keys(v).length === 0;
        return this.oops('empty() of a value that is not an object, an array or a string.');
      }
      case 'lambda': {
        if (args.length < 2) this.oops('lambda() needs a variable name and a body.');
        const names = args.slice(0, -1).map((n) => (n.k === 'str' ? n.value : this.oops('a lambda name')));
        return new Lambda(names, args[args.length - 1] as ExprNode, ctx);
      }
      case 'lambdavariables': {
        const n = this.firstString(args, ctx, sink, 'a lambda variable name');
        if (!ctx.lambdaVars?.has(n as string)) this.oops(`lambdaVariables('${n}') outside its lambda.`);
        return ctx.lambdaVars?.get(n as string);
      }
      case 'filter': {
        const [list, fn] = this.evalArgs(args, ctx, sink);
        const items = this.resolved(list);
        if (!Array.isArray(items) || !(fn instanceof Lambda) || fn.names.length !== 1)
          this.oops('filter() needs an array and a lambda of one variable.');
        const f = fn;
        return (items as unknown[]).filter((item) => {
          const vars = new Map(f.ctx.lambdaVars ?? []);
          vars.set(f.names[0] as string, item);
          const keep = this.evalNode(f.body, { ...f.ctx, lambdaVars: vars }, sink);
          if (typeof keep !== 'boolean') this.oops('a filter() lambda that does not give a boolean.');
          return keep;
        });
      }
      case 'subscription':
        return { subscriptionId: ctx.subscription, id: `/subscriptions/${ctx.subscription}` };
      case 'resourcegroup':
        return { name: ctx.group, id: `/subscriptions/${ctx.subscription}/resourceGroups/${ctx.group}` };
      case 'resourceid':
        return this.resourceIdCall(this.stringArgs(args, ctx, sink, 'a resourceId() argument'), ctx, false);
      case 'subscriptionresourceid':
        return this.resourceIdCall(this.stringArgs(args, ctx, sink, 'a subscriptionResourceId() argument'), ctx, true);
      case 'reference':
        return this.reference(this.evalArgs(args, ctx, sink), ctx, sink);
      default:
        return this.oops(`the template function ${name}() is not evaluated by the dry run.`);
    }
  }

  /**
   * A value known only at deployment (`reference()` of an existing resource) as the plan describes that resource,
   * for the decisions a template makes on it (`contains`, `empty`, `filter`, an overlay that keeps a live list):
   * the delegations and service endpoints the plan says it has, nothing it doesn't.
   */
  resolved(v: unknown): unknown {
    if (!(v instanceof Live)) return v;
    const props = this.known.get(v.id);
    if (props === undefined) return this.oops(`${v.id} is read at deployment time, and the plan says nothing of it.`);
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

  evalArgs(nodes: ExprNode[], ctx: EvalCtx, sink: Sink): unknown[] {
    const out = new Array<unknown>(nodes.length);
    for (let i = 0; i < nodes.length; i += 1) out[i] = this.evalNode(nodes[i] as ExprNode, ctx, sink);
    return out;
  }

  stringArgs(nodes: ExprNode[], ctx: EvalCtx, sink: Sink, what: string): string[] {
    const values = this.evalArgs(nodes, ctx, sink);
    const out = new Array<string>(values.length);
    for (let i = 0; i < values.length; i += 1) {
      const v = values[i];
      out[i] = typeof v === 'number' ? String(v) : this.text(v, what);
    }
    return out;
  }

  /** `evalArgs(…)[0]`, without an array for the usual single argument. */
  firstValue(nodes: ExprNode[], ctx: EvalCtx, sink: Sink): unknown {
    return nodes.length === 1 ? this.evalNode(nodes[0] as ExprNode, ctx, sink) : this.evalArgs(nodes, ctx, sink)[0];
  }

  /** `stringArgs(…)[0]`, without arrays for the usual single argument. */
  firstString(nodes: ExprNode[], ctx: EvalCtx, sink: Sink, what: string): string | undefined {
    if (nodes.length !== 1) return this.stringArgs(nodes, ctx, sink, what)[0];
    const v = this.evalNode(nodes[0] as ExprNode, ctx, sink);
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : this.text(v, what);
  }

  resourceIdCall(args: string[], ctx: EvalCtx, subscriptionLevel: boolean): string {
    let at = 0;
    while (at < args.length && !isResourceType(args[at] as string)) at += 1;
    if (at === args.length) this.oops('resourceId() has no resource type argument.');
    const type = args[at] as string;
    let segments = 0;
    for (let i = type.indexOf('/'); i >= 0; i = type.indexOf('/', i + 1)) segments += 1;
    const count = args.length - at - 1;
    if (count !== segments) this.oops(`resourceId() for ${type} needs ${segments} name(s), got ${count}.`);
    if (subscriptionLevel) {
      if (at > 1) this.oops('subscriptionResourceId() takes at most a subscription before the type.');
      let id = `/subscriptions/${at === 1 ? (args[0] as string) : ctx.subscription}/providers/${type}/`;
      for (let i = at + 1; i < args.length; i += 1) id += i === at + 1 ? args[i] : `/${args[i]}`;
      return id;
    }
    if (at > 2) this.oops('resourceId() takes at most a subscription and a group before the type.');
    const sub = at === 2 ? (args[0] as string) : ctx.subscription;
    const group = at >= 1 ? (args[at - 1] as string) : ctx.group;
    // The canonical ID as canonicalId() (world.ts) would find it, written at once when the parts allow it.
    const parts = this.typeParts(type).parts;
    let canonical =
      sub.includes('/') || group.includes('/') || LINE_BREAK.test(type) ? null : this.idPrefix(sub, group);
    if (canonical !== null) canonical += parts[0] as string;
    let slash = type.indexOf('/');
    let id = `/subscriptions/${sub}/resourceGroups/${group}/providers/${type.slice(0, slash)}`;
    for (let i = at + 1; i < args.length; i += 1) {
      const name = args[i] as string;
      const next = type.indexOf('/', slash + 1);
      id += `/${type.slice(slash + 1, next < 0 ? type.length : next)}/${name}`;
      slash = next;
      if (canonical !== null)
        canonical = ID_BREAK.test(name) ? null : `${canonical}/${parts[i - at] as string}/${name.toLowerCase()}`;
    }
    if (canonical !== null) this.canonical.set(id, canonical);
    return id;
  }

  reference(args: unknown[], ctx: EvalCtx, sink: Sink): unknown {
    this.references += 1;
    const target = this.text(args[0], 'the reference() target');
    const full = typeof args[2] === 'string' && args[2].toLowerCase() === 'full';
    if (!target.startsWith('/')) {
      const entry = this.named(ctx.scope).get(target);
      if (!entry) this.oops(`reference('${target}') names nothing in this template.`);
      this.process(entry);
      sink.deps.push(entry);
      if (!entry.isDeployment) return new Live(entry.id, [], full);
      return this.deploymentResult(entry);
    }
    const id = this.canon(target);
    if (id === null) this.oops(`reference() of ${target}, which is not a resource group's resource ID.`);
    const entry = ctx.scope.byId.get(id);
    if (entry) {
      this.process(entry);
      sink.deps.push(entry);
    } else sink.reads.push(id);
    return new Live(id, [], full);
  }

  /** `reference('<deployment>')`: its outputs, evaluated in its inner context. */
  deploymentResult(entry: Entry): Json {
    const inner = entry.inner;
    if (!inner) return this.oops(`reference('${entry.name}') of a deployment whose template is not read.`);
    const outputs: Json = {};
    const declared = inner.template.outputs;
    if (isObject(declared)) {
      for (const [k, o] of Object.entries(declared)) {
        if (!isObject(o)) continue;
        const value = this.evalAt(o.value, inner.ctx, this.ignored, inner.path, `.outputs.${k}.value`);
        outputs[k] = { type: o.type, value };
      }
    }
    return { outputs };
  }

  variable(name: string, ctx: EvalCtx, sink: Sink): unknown {
    let cached = ctx.variableCache.get(name);
    if (cached === undefined) {
      if (!Object.hasOwn(ctx.variables, name)) this.oops(`variables('${name}') is not a variable of this template.`);
      // What the variable depends on is kept with its value: every expression that uses it depends on that too.
      const own: Sink = { deps: [], reads: [] };
      let value: unknown;
      try {
        value = this.evalValue(ctx.variables[name], ctx, own);
      } catch (e) {
        this.rethrow(e, `${ctx.templatePath}.variables.${name}`);
      }
      cached = { value, deps: own.deps, reads: own.reads };
      ctx.variableCache.set(name, cached);
    }
    if (cached.deps.length > 0 || cached.reads.length > 0) {
      // Like a reference() call: an expression using this variable is not memoised (each use needs the edges).
      this.references += 1;
      for (const d of cached.deps) sink.deps.push(d);
      for (const r of cached.reads) sink.reads.push(r);
    }
    return cached.value;
  }

  // ---- templates ----

  readParams(template: Json, given: Json, ctx: EvalCtx, path: string, givenBase: string, givenSuffix: string): void {
    const declared = template.parameters ?? {};
    if (!isObject(declared)) this.fail(`${path}.parameters`, 'parameters is not an object.');
    for (const k of Object.keys(given))
      if (!Object.hasOwn(declared, k))
        this.fail(givenBase + givenSuffix, `a value is given for "${k}", which the template does not declare.`);
    for (const [k, p] of Object.entries(declared)) {
      if (!isObject(p)) this.fail(`${path}.parameters.${k}`, 'the parameter is not an object.');
      const g = given[k];
      if (g !== undefined) ctx.params.set(k, g);
      else if (p.defaultValue !== undefined) {
        try {
          ctx.params.set(k, this.evalValue(p.defaultValue, ctx, this.ignored));
        } catch (e) {
          this.rethrow(e, `${path}.parameters.${k}.defaultValue`);
        }
      } else if (String(p.type).toLowerCase().startsWith('secure')) ctx.params.set(k, new Secret(k));
      else this.fail(`${path}.parameters.${k}`, `parameter ${k} has no value (none given, no default).`);
    }
  }

  /** A resource type in parts (cached: templates repeat a few types). */
  typeParts(type: string): TypeParts {
    let t = this.types.get(type);
    if (t === undefined) {
      const lower = type.toLowerCase();
      const parts = lower.split('/');
      t = { lower, parts, deployment: lower === DEPLOYMENTS_LOWER, plain: parts[0] !== '' && !LINE_BREAK.test(lower) };
      this.types.set(type, t);
    }
    return t;
  }

  template(template: Json, path: string, ctx: EvalCtx, scope: TemplateScope): void {
    const resources = template.resources;
    if (!Array.isArray(resources)) this.fail(`${path}.resources`, 'resources is not an array.');
    for (let k = 0; k < resources.length; k += 1) {
      const r: unknown = resources[k];
      const at = `${path}.resources[${k}]`;
      if (!isObject(r)) this.fail(at, 'the resource is not an object.');
      if (r.copy !== undefined) this.fail(`${at}.copy`, 'copy loops are not evaluated by the dry run.');
      if (r.scope !== undefined)
        this.fail(`${at}.scope`, 'extension resources (scope) are not evaluated by the dry run.');
      if (r.condition !== undefined) {
        const cond = this.evalAt(r.condition, ctx, this.ignored, at, '.condition');
        if (typeof cond !== 'boolean')
          this.fail(`${at}.condition`, 'the condition is not a boolean before deployment.');
        if (!cond) continue;
      }
      const type = this.strAt(this.evalAt(r.type, ctx, this.ignored, at, '.type'), at, '.type', 'type');
      const name = this.strAt(this.evalAt(r.name, ctx, this.ignored, at, '.name'), at, '.name', 'name');
      const t = this.typeParts(type);
      let slashes = 0;
      for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) slashes += 1;
      if (slashes !== t.parts.length - 2)
        this.fail(`${at}.name`, `the name "${name}" does not have one part per type segment of ${type}.`);
      // The ID as resourceIdOf (world.ts) writes it, from the scope's prefix and the type's parts in lower case;
      // and whether parseResourceId (world.ts) finds the type in it as written here (no line break in a name).
      let id = scope.idPrefix + (t.parts[0] as string);
      let plain = scope.plainPrefix && t.plain;
      for (let i = 1, from = 0; i < t.parts.length; i += 1) {
        const slash = name.indexOf('/', from);
        const part = slash < 0 ? name.slice(from) : name.slice(from, slash);
        id += `/${t.parts[i] as string}/${part.toLowerCase()}`;
        if (plain && LINE_BREAK.test(part)) plain = false;
        from = slash + 1;
      }
      const entry: Entry = {
        json: r,
        path: at,
        type,
        name,
        id,
        isDeployment: t.deployment,
        lowerType: plain ? t.lower : null,
        scope,
        ctx,
        state: 'new',
        steps: [],
        why: null,
      };
      scope.entries.push(entry);
      if (!scope.byId.has(id)) scope.byId.set(id, entry);
      if (scope.byName !== null && !scope.byName.has(name)) scope.byName.set(name, entry);
    }
    for (const e of scope.entries) this.process(e);
  }

  /** The entries of a scope by name (the first of a name), from its entries so far; `template` adds the others. */
  named(scope: TemplateScope): Map<string, Entry> {
    if (scope.byName === null) {
      scope.byName = new Map();
      for (const e of scope.entries) if (!scope.byName.has(e.name)) scope.byName.set(e.name, e);
    }
    return scope.byName;
  }

  /** A `dependsOn` item (the `k`th): a resource ID, a resource name, or `type/name`, of the same template. */
  dependency(item: unknown, e: Entry, k: number): Entry {
    const known = typeof item === 'string' ? e.scope.dependencies.get(item) : undefined;
    if (known !== undefined) return known;
    const references = this.references;
    let value: unknown;
    try {
      value = this.evalValue(item, e.ctx, this.ignored);
    } catch (x) {
      this.rethrow(x, `${e.path}.dependsOn[${k}]`);
    }
    const text = typeof value === 'string' ? value : this.str(value, `${e.path}.dependsOn[${k}]`, 'the dependency');
    const id = text.charCodeAt(0) === 47 ? this.canon(text) : null;
    const found =
      id !== null
        ? e.scope.byId.get(id)
        : (this.named(e.scope).get(text) ??
          e.scope.entries.find((x) => `${x.type}/${x.name}`.toLowerCase() === text.toLowerCase()));
    if (!found)
      this.fail(
        `${e.path}.dependsOn[${k}]`,
        `dependsOn "${text}" names no resource of this template (Azure refuses the template).`,
      );
    if (typeof item === 'string' && references === this.references) e.scope.dependencies.set(item, found);
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
    const after: After[] = e.scope.inherited.slice();
    const deps = e.json.dependsOn ?? [];
    if (!Array.isArray(deps)) this.fail(`${e.path}.dependsOn`, 'dependsOn is not an array.');
    for (let k = 0; k < deps.length; k += 1) {
      const dep = this.dependency(deps[k], e, k);
      this.process(dep);
      const why = (dep.why ??= `dependsOn ${dep.type === DEPLOYMENTS ? 'nested deployment ' : ''}${dep.name}`);
      for (const step of dep.steps) after.push({ step, why });
    }
    if (e.isDeployment) this.nested(e, after);
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
        : this.strAt(
            this.evalAt(j.subscriptionId, e.ctx, sink, e.path, '.subscriptionId'),
            e.path,
            '',
            'subscriptionId',
          );
    if (j.resourceGroup === undefined && j.subscriptionId !== undefined)
      this.fail(`${e.path}.resourceGroup`, 'a deployment to a subscription (no resourceGroup) is not read.');
    const group =
      j.resourceGroup === undefined
        ? e.scope.deploy.group
        : this.strAt(this.evalAt(j.resourceGroup, e.ctx, sink, e.path, '.resourceGroup'), e.path, '', 'resourceGroup');
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
        try {
          given[k] = this.evalValue(v.value, e.ctx, sink);
        } catch (x) {
          this.rethrow(x, `${e.path}.properties.parameters.${k}.value`);
        }
      }
      const variables = template.variables ?? {};
      if (!isObject(variables)) this.fail(`${tPath}.variables`, 'variables is not an object.');
      ctx = {
        subscription: sub,
        group,
        params: new Map(),
        variables,
        templatePath: tPath,
        variableCache: new Map(),
        memo: new Map(),
        scope: e.scope,
      };
      this.readParams(template, given, ctx, tPath, e.path, '.properties.parameters');
    } else {
      // Outer evaluation: the nested template's expressions are the parent's (its parameters, variables and
      // subscription()/resourceGroup()), while its resources go to the deployment's scope.
      if (isObject(template.parameters) && Object.keys(template.parameters).length > 0)
        this.fail(`${tPath}.parameters`, 'an outer-scoped nested template cannot declare parameters.');
      ctx = e.ctx;
    }
    const wait = [...after, ...this.readsAndRefs(sink, after, e, `nested deployment ${e.name}`)];
    const scope = this.newScope(
      sub,
      group,
      wait.map((a) => ({ step: a.step, why: `in nested deployment ${e.name}, which waits: ${a.why}` })),
    );
    // The values memoised in `ctx` hold for `innerCtx` too: only reference(), never memoised, reads the scope.
    const innerCtx: EvalCtx = { ...ctx, scope };
    const first = this.steps.length;
    this.template(template, tPath, innerCtx, scope);
    e.steps = this.steps.slice(first).map((s) => s.id);
    e.inner = { ctx: innerCtx, template, path: tPath };
  }

  resource(e: Entry, after: After[]): void {
    const sink: Sink = { deps: [], reads: [] };
    const json = e.json;
    const location =
      json.location === undefined
        ? undefined
        : this.strAt(this.evalAt(json.location, e.ctx, sink, e.path, '.location'), e.path, '.location', 'location');
    const properties = this.evalAt(json.properties ?? {}, e.ctx, sink, e.path, '.properties');
    const extra = this.readsAndRefs(sink, after, e, e.name);
    const type = e.lowerType ?? parseResourceId(e.id)?.type ?? e.type;
    const { subscription, resourceGroup } = e.scope.stepScope;
    const scope = { subscription, resourceGroup };
    const action = this.existing.has(e.id) ? 'update' : 'create';
    const props = this.props(e, properties, type);
    // `after` is this entry's own list (process() made it): the step takes it over.
    for (const x of extra) after.push(x);
    const source = { file: TEMPLATE_FILE, path: e.path };
    const step: DeployStep =
      location === undefined
        ? { id: e.id, type: e.type, name: e.name, action, scope, props, after, source }
        : { id: e.id, type: e.type, name: e.name, action, scope, location, props, after, source };
    if (this.stepIds.has(step.id))
      this.fail(e.path, `${e.name} is deployed twice (${e.type}); Azure refuses a template that does so.`);
    this.steps.push(step);
    this.stepIds.add(step.id);
    e.steps = [step.id];
    if (this.evaluated !== null) {
      const other: Json = {};
      for (const k of Object.keys(json))
        if (!NOT_OTHER.has(k)) other[k] = this.evalAt(json[k], e.ctx, this.ignored, e.path, `.${k}`);
      const { subscription: sub, group } = e.scope.deploy;
      this.evaluated.push({
        subscription: sub,
        resourceGroup: group,
        type: e.type,
        name: e.name,
        location,
        properties,
        other,
      });
    }
  }

  // ---- properties ----

  /** `body[k1]` or `body[k1][k2]`: a property of a resource's evaluated properties (`e.path` + `.properties`). */
  prop(e: Entry, body: Json, k1: string, k2?: string): unknown {
    const v = body[k1];
    if (k2 === undefined) return v;
    if (v instanceof Live) this.fail(`${e.path}.properties.${k1}.${k2}`, 'the value is known only at deployment time.');
    return isObject(v) ? v[k2] : undefined;
  }

  bool(e: Entry, body: Json, k: string): boolean | undefined {
    const v = body[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') this.fail(`${e.path}.properties.${k}`, 'not a boolean.');
    return v;
  }

  /** The strings of an array property (`key`, `a.b` below the properties), each as `pick` finds it. */
  strs(e: Entry, v: unknown, key: string, pick?: (x: unknown) => unknown): string[] | undefined {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return this.fail(`${e.path}.properties.${key}`, 'not an array.');
    const out: string[] = [];
    for (let i = 0; i < v.length; i += 1) {
      const item: unknown = v[i];
      const x = pick ? pick(item) : item;
      out.push(typeof x === 'string' ? x : this.str(x, `${e.path}.properties.${key}[${i}]`, 'an item'));
    }
    return out;
  }

  /** The canonical resource ID at `body[k1][k2]`, if there is one. */
  optId(e: Entry, body: Json, k1: string, k2: string): string | undefined {
    const v = this.prop(e, body, k1, k2);
    if (v === undefined) return undefined;
    const text = typeof v === 'string' ? v : this.str(v, `${e.path}.properties.${k1}.${k2}`, 'the resource ID');
    const id = this.canon(text);
    if (id === null) this.fail(`${e.path}.properties.${k1}.${k2}`, `"${text}" is not a resource group's resource ID.`);
    return id;
  }

  /** Reads the modelled properties out of one resource's evaluated `properties`. */
  props(e: Entry, properties: unknown, type: string): StepProps {
    let live: Live | null = null;
    let body: Json;
    if (properties instanceof Live) {
      if (!properties.isProperties || properties.id !== e.id)
        this.fail(
          `${e.path}.properties`,
          `the properties are read from ${properties.id} at deployment time; only a resource's own are.`,
        );
      live = properties;
      body = {};
      for (const [k, v] of Object.entries(properties.overlay ?? {})) {
        try {
          body[k] = this.resolved(v);
        } catch (x) {
          this.rethrow(x, `${e.path}.properties.${k}`);
        }
      }
    } else if (isObject(properties)) body = properties;
    else return this.fail(`${e.path}.properties`, 'properties is not an object.');
    const out: StepProps = {};
    switch (type.toLowerCase()) {
      case 'microsoft.network/virtualnetworks': {
        const prefixes = this.strs(
          e,
          this.prop(e, body, 'addressSpace', 'addressPrefixes'),
          'addressSpace.addressPrefixes',
        );
        if (prefixes !== undefined) out.addressPrefixes = prefixes;
        const dns = this.strs(e, this.prop(e, body, 'dhcpOptions', 'dnsServers'), 'dhcpOptions.dnsServers');
        if (dns !== undefined) out.dnsServers = dns;
        if (body.subnets !== undefined || body.virtualNetworkPeerings !== undefined)
          this.fail(
            `${e.path}.properties`,
            'subnets or peerings inline in a VNet are not read; declare them as child resources.',
          );
        break;
      }
      case 'microsoft.network/virtualnetworks/subnets': {
        const prefix = body.addressPrefix;
        if (prefix !== undefined)
          out.addressPrefix = this.strAt(prefix, e.path, '.properties.addressPrefix', 'addressPrefix');
        const delegations = this.strs(e, body.delegations, 'delegations', serviceNameOf);
        if (delegations !== undefined) out.delegations = delegations;
        const nsg = this.optId(e, body, 'networkSecurityGroup', 'id');
        if (nsg !== undefined) out.networkSecurityGroup = nsg;
        const routeTable = this.optId(e, body, 'routeTable', 'id');
        if (routeTable !== undefined) out.routeTable = routeTable;
        const endpoints = this.strs(e, body.serviceEndpoints, 'serviceEndpoints', serviceOf);
        if (endpoints !== undefined) out.serviceEndpoints = endpoints;
        out.preservesLiveProperties = live !== null;
        break;
      }
      case 'microsoft.network/virtualnetworks/virtualnetworkpeerings': {
        const remote = this.optId(e, body, 'remoteVirtualNetwork', 'id');
        if (remote !== undefined) out.remoteVirtualNetwork = remote;
        const forwarded = this.bool(e, body, 'allowForwardedTraffic');
        if (forwarded !== undefined) out.allowForwardedTraffic = forwarded;
        const transit = this.bool(e, body, 'allowGatewayTransit');
        if (transit !== undefined) out.allowGatewayTransit = transit;
        const remoteGateways = this.bool(e, body, 'useRemoteGateways');
        if (remoteGateways !== undefined) out.useRemoteGateways = remoteGateways;
        break;
      }
      case 'microsoft.network/privatednszones/virtualnetworklinks': {
        const vnet = this.optId(e, body, 'virtualNetwork', 'id');
        if (vnet !== undefined) out.virtualNetwork = vnet;
        break;
      }
      case 'microsoft.network/privateendpoints': {
        const subnet = this.optId(e, body, 'subnet', 'id');
        if (subnet !== undefined) out.subnet = subnet;
        // PE §2.1: one of the two connection lists, each connection's properties.privateLinkServiceId.
        const list = body.privateLinkServiceConnections ?? body.manualPrivateLinkServiceConnections;
        const first: unknown = Array.isArray(list) ? list[0] : undefined;
        const target = isObject(first) ? this.optId(e, first, 'properties', 'privateLinkServiceId') : undefined;
        if (target !== undefined) out.privateLinkServiceId = target;
        break;
      }
      case 'microsoft.network/privateendpoints/privatednszonegroups': {
        const configs = body.privateDnsZoneConfigs;
        const first: unknown = Array.isArray(configs) ? configs[0] : undefined;
        const zone = isObject(first) ? this.optId(e, first, 'properties', 'privateDnsZoneId') : undefined;
        if (zone !== undefined) out.privateDnsZone = zone;
        break;
      }
      case 'microsoft.dbforpostgresql/flexibleservers': {
        const subnet = this.optId(e, body, 'network', 'delegatedSubnetResourceId');
        if (subnet !== undefined) out.delegatedSubnet = subnet;
        const zoneId = this.optId(e, body, 'network', 'privateDnsZoneArmResourceId');
        if (zoneId !== undefined) out.privateDnsZone = zoneId;
        const pna = this.prop(e, body, 'network', 'publicNetworkAccess');
        if (pna === 'Enabled' || pna === 'Disabled') out.publicNetworkAccess = pna;
        const zone = body.availabilityZone;
        if (zone !== undefined)
          out.availabilityZone = this.strAt(zone, e.path, '.properties.availabilityZone', 'availabilityZone');
        const ha = this.prop(e, body, 'highAvailability', 'mode');
        if (ha !== undefined)
          out.highAvailability = this.strAt(ha, e.path, '.properties.highAvailability.mode', 'the HA mode');
        const standby = this.prop(e, body, 'highAvailability', 'standbyAvailabilityZone');
        if (standby !== undefined)
          out.standbyAvailabilityZone = this.strAt(
            standby,
            e.path,
            '.properties.highAvailability.standbyAvailabilityZone',
            'a zone',
          );
        break;
      }
      default:
        if (live !== null) this.fail(`${e.path}.properties`, `live properties of ${type} are not read.`);
    }
    return out;
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

export const readArm: ArtefactReader = (files, plan) => read(files, plan, null);

/**
 * Every resource of an ARM export with its values evaluated as `readArm` evaluates them (test support: what the
 * export deploys, for tests that need the deployed resources rather than the steps).
 */
export function evaluateArm(files: readonly ExportFile[], plan: Plan): EvaluatedArmResource[] {
  const evaluated: EvaluatedArmResource[] = [];
  read(files, plan, evaluated);
  return evaluated;
}

function read(files: readonly ExportFile[], plan: Plan, evaluated: EvaluatedArmResource[] | null): DeployStep[] {
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
  reader.evaluated = evaluated;
  const variables = template.variables ?? {};
  if (!isObject(variables)) throw new DryRunReadError(TEMPLATE_FILE, '$.variables is not an object.');
  const group = reader.ctx.ownGroup || TARGET_GROUP;
  const scope = reader.newScope(OWN_SUBSCRIPTION, group, []);
  const ctx: EvalCtx = {
    subscription: OWN_SUBSCRIPTION,
    group,
    params: new Map(),
    variables,
    templatePath: '$',
    variableCache: new Map(),
    memo: new Map(),
    scope,
  };
  reader.readParams(template, given, ctx, '$', `${PARAMETERS_FILE} $.parameters`, '');
  reader.template(template, '$', ctx, scope);
  return reader.steps;
}
