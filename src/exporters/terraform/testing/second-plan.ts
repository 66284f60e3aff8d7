/**
 * Test support: a second `terraform plan` of an exported configuration, computed from the provider model
 * (`../provider-model.ts`) instead of the provider. It parses the .tf files (hcl2json), evaluates the expressions
 * the export writes (variables, locals, references to other resources' `id` and `name`), "applies" each resource
 * (state = the configuration as the provider's Read would store it, plus what Azure fills where the configuration
 * is silent) and then plans again the way terraform-plugin-sdk v2 does for these flags:
 * - a configured value that differs from state is a change, unless a DiffSuppressFunc suppresses it;
 * - an unset attribute with a Default compares the Default with state;
 * - an unset Computed attribute is never a change;
 * - an unset Optional attribute is a change only when state holds a non-zero value (`diffString`);
 * - a path `lifecycle.ignore_changes` names is never a change (Terraform core keeps state's value there).
 * An argument or block the model doesn't know, or an expression this evaluator doesn't read, throws: the model
 * must grow with the export, never silently skip what it writes.
 */
import { parse } from '@cdktf/hcl2json';
import type { ExportFile, ProviderMajor } from '../../types';
import { PROVIDER_MODEL, type AttributeModel, type ResourceModel } from '../provider-model';

type Json = Record<string, unknown>;

interface ResourceBlock {
  address: string;
  type: string;
  body: Json;
}

/** The parsed configuration: everything the evaluator reads. */
export interface TerraformConfig {
  major: ProviderMajor;
  variables: Record<string, unknown>;
  locals: Record<string, unknown>;
  /** Provider blocks by alias ('' for the default one): their `subscription_id` expression. */
  providers: Record<string, unknown>;
  resources: ResourceBlock[];
  /** `import` blocks: target address and ID expression. */
  imports: { to: string; id: unknown }[];
}

export async function parseConfig(files: readonly ExportFile[], major: ProviderMajor): Promise<TerraformConfig> {
  const config: TerraformConfig = { major, variables: {}, locals: {}, providers: {}, resources: [], imports: [] };
  for (const f of files.filter((file) => file.path.endsWith('.tf'))) {
    const json = (await parse(f.path, f.contents)) as Json;
    for (const [name, bodies] of Object.entries((json.variable ?? {}) as Record<string, Json[]>))
      config.variables[name] = bodies[0]?.default;
    for (const block of (json.locals ?? []) as Json[]) Object.assign(config.locals, block);
    for (const p of ((json.provider ?? {}) as Record<string, Json[]>).azurerm ?? [])
      config.providers[typeof p.alias === 'string' ? p.alias : ''] = p.subscription_id;
    for (const [type, byLabel] of Object.entries((json.resource ?? {}) as Record<string, Record<string, Json[]>>))
      for (const [label, bodies] of Object.entries(byLabel))
        for (const body of bodies) config.resources.push({ address: `${type}.${label}`, type, body });
    // A conditional import (`for_each` on what the live subnet holds) adopts a resource only when Azure has it; the
    // simulation starts from the resources the configuration creates, so it reads such a resource as created.
    for (const i of (json.import ?? []) as Json[])
      if (i.for_each === undefined) config.imports.push({ to: reference(i.to), id: i.id });
  }
  return config;
}

/** `${x}` → `x`. */
function reference(value: unknown): string {
  const m = typeof value === 'string' ? /^\$\{([^}]+)\}$/.exec(value) : null;
  if (!m) throw new Error(`expected a reference, got ${JSON.stringify(value)}`);
  return m[1] as string;
}

/** State after apply: per resource address, its ID and attribute values. */
export type State = Map<string, { id: string; values: Json }>;

/** Azure's choice among the values the model allows, per resource address and attribute path. */
export type AzureChoice = (address: string, path: string, values: readonly unknown[]) => unknown;
const firstChoice: AzureChoice = (_a, _p, values) => values[0];

const META = new Set(['provider', 'depends_on', 'lifecycle']);

const PROTOCOLS = ['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*'];
const normalizeLocation = (v: unknown) => String(v).toLowerCase().replace(/ /g, '');

class Simulation {
  readonly state: State = new Map();
  private readonly building = new Set<string>();

  constructor(
    private readonly config: TerraformConfig,
    private readonly tfvars: Record<string, string>,
    private readonly azure: AzureChoice,
  ) {}

  private model(block: ResourceBlock): ResourceModel {
    const m = PROVIDER_MODEL[this.config.major][block.type];
    if (!m) throw new Error(`${block.address}: resource type not in the provider model`);
    return m;
  }

  private block(address: string): ResourceBlock {
    const b = this.config.resources.find((r) => r.address === address);
    if (!b) throw new Error(`reference to an undeclared resource ${address}`);
    return b;
  }

  /** Evaluates an hcl2json value: literals, `${…}` expressions and templates. */
  evaluate(value: unknown, where: string): unknown {
    if (Array.isArray(value)) return value.map((v) => this.evaluate(v, where));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.evaluate(v, `${where}.${k}`)]));
    if (typeof value !== 'string') return value;
    const whole = /^\$\{([^}]+)\}$/.exec(value);
    if (whole) return this.expression(whole[1] as string, where);
    return value
      .replace(/(?<!\$)\$\{([^}]+)\}/g, (_m, e: string) => String(this.expression(e, where)))
      .replace(/\$\$\{/g, '${');
  }

  private expression(expr: string, where: string): unknown {
    const parts = expr.split('.');
    if (parts[0] === 'var' && parts.length === 2) {
      const name = parts[1] as string;
      const v = this.tfvars[name] ?? this.config.variables[name];
      if (v === undefined) throw new Error(`${where}: var.${name} has no value`);
      return v;
    }
    if (parts[0] === 'local' && parts.length === 2) {
      const v = this.config.locals[parts[1] as string];
      if (v === undefined) throw new Error(`${where}: local.${parts[1]} is not declared`);
      return this.evaluate(v, `local.${parts[1]}`);
    }
    const [type, label, attribute] = parts as [string, string?, string?];
    if (parts.length === 3 && type.startsWith('azurerm_') && label && attribute) {
      const s = this.apply(`${type}.${label}`);
      if (attribute === 'id') return s.id;
      if (attribute in s.values) return s.values[attribute];
    }
    throw new Error(`${where}: expression not read by the simulation: ${expr}`);
  }

  private subscription(body: Json, where: string): string {
    const alias = body.provider === undefined ? '' : reference(body.provider).replace(/^azurerm\./, '');
    const sub = this.config.providers[alias];
    if (sub === undefined) throw new Error(`${where}: provider azurerm.${alias} is not declared`);
    return String(this.evaluate(sub, `provider ${alias}`));
  }

  /** The configuration of a resource, evaluated, without meta-arguments. */
  configured(block: ResourceBlock): Json {
    const out: Json = {};
    for (const [k, v] of Object.entries(block.body))
      if (!META.has(k)) out[k] = this.evaluate(v, `${block.address}.${k}`);
    return out;
  }

  /** Creates (or imports and updates) the resource, once, and returns its state. */
  apply(address: string): { id: string; values: Json } {
    const done = this.state.get(address);
    if (done) return done;
    if (this.building.has(address)) throw new Error(`${address}: reference cycle`);
    this.building.add(address);
    const block = this.block(address);
    const model = this.model(block);
    const cfg = this.configured(block);
    const values = this.fill(model.attributes, cfg, address, '');
    const imported = this.config.imports.find((i) => i.to === address);
    const subscription = this.subscription(block.body, address);
    const id = imported
      ? String(this.evaluate(imported.id, `import ${address}`))
      : model.id.replace(/\{([a-z_]+)\}/g, (_m, name: string) =>
          name === 'subscription' ? subscription : String(values[name]),
        );
    // Read sets these from the resource ID (case-sensitive parse): an import ID that doesn't parse fails the Read.
    const segments = parseId(model.id, id);
    if (!segments) throw new Error(`${address}: Read can't parse its ID ${id} as ${model.id}`);
    for (const [name, m] of Object.entries(model.attributes))
      if (m.readBack === 'id-segment' && name in segments) values[name] = segments[name];
    const s = { id, values };
    this.state.set(address, s);
    this.building.delete(address);
    return s;
  }

  /** State of a (nested) schema from the configuration, Defaults and what Azure fills. */
  private fill(attrs: Record<string, AttributeModel>, cfg: Json, address: string, prefix: string): Json {
    for (const k of Object.keys(cfg))
      if (!(k in attrs)) throw new Error(`${address}: ${prefix}${k} is not in the provider model`);
    const out: Json = {};
    for (const [name, m] of Object.entries(attrs)) {
      const path = `${prefix}${name}`;
      if (name in cfg) {
        const v = cfg[name];
        out[name] =
          m.block !== undefined
            ? (v as Json[]).map((el, i) => this.fill(m.block!, el, address, `${path}.${i}.`))
            : readBack(m, v, `${address}.${path}`);
      } else if (m.default !== undefined) out[name] = m.default;
      else if (m.afterCreate) out[name] = this.azure(address, path, m.afterCreate.values);
      else if (m.computed) out[name] = null;
      else if (m.required) throw new Error(`${address}: required ${path} is not configured`);
      else throw new Error(`${address}: the model says nothing of ${path} when it is unset`);
    }
    return out;
  }
}

/** Matches an ID against a form such as `/subscriptions/{subscription}/…/{name}`; null when it doesn't parse. */
function parseId(form: string, id: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = form
    .split(/(\{[a-z_]+\})/)
    .map((part) => {
      const m = /^\{([a-z_]+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(m[1] as string);
      // A placeholder that is itself an ID (`{server_id}`) spans several segments.
      return m[1]!.endsWith('_id') ? '(.+)' : '([^/]+)';
    })
    .join('');
  const match = new RegExp(`^${pattern}$`).exec(id);
  if (!match) return null;
  return Object.fromEntries(names.map((n, i) => [n, match[i + 1] as string]));
}

function readBack(m: AttributeModel, v: unknown, where: string): unknown {
  if (m.stateFunc === 'location') return normalizeLocation(v);
  switch (m.readBack) {
    case 'nsg-protocol':
      return PROTOCOLS.find((p) => p.toLowerCase() === String(v).toLowerCase()) ?? v;
    case 'canonical-id': {
      const form = m.idForm as string;
      // Parsed case-insensitively, rebuilt with the form's own spelling of the fixed segments.
      const pattern = form
        .split('{}')
        .map((p) => p.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
        .join('([^/]+)');
      const match = new RegExp(`^${pattern}$`, 'i').exec(String(v));
      if (!match) throw new Error(`${where}: ${String(v)} is not an ID of the form ${form}`);
      let i = 1;
      return form.replace(/\{\}/g, () => match[i++] as string);
    }
    default:
      return v;
  }
}

export interface PlannedChange {
  address: string;
  path: string;
  from: unknown;
  to: unknown;
  /** The attribute is ForceNew: the change would destroy and re-create the resource. */
  replace: boolean;
}

const isZero = (v: unknown): boolean =>
  v === null ||
  v === undefined ||
  v === '' ||
  v === false ||
  v === 0 ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && Object.keys(v).length === 0);

/** A stable text of a value; sets sorted. */
function canonical(v: unknown, m: AttributeModel | undefined): string {
  if (Array.isArray(v)) {
    // Elements of a block are objects read with the block's schema; elements of a set are compared unordered.
    const items = v.map((x) => canonical(x, m?.block ? m : undefined));
    return `[${(m?.type === 'set' || m?.type === 'block-set' ? items.sort() : items).join(',')}]`;
  }
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${k}:${canonical((v as Json)[k], m?.block?.[k])}`)
      .join(',')}}`;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** A primitive zero value as the SDK's set hash reads it (`""`), collections as they are. */
const blankZero = (v: unknown) => (isZero(v) && !Array.isArray(v) ? '' : v);

/** A configured set element as the SDK hashes it: unset fields as their Default or zero value. */
function configElement(attrs: Record<string, AttributeModel>, el: Json): Json {
  const out: Json = {};
  for (const [name, m] of Object.entries(attrs)) {
    if (name in el) out[name] = blankZero(el[name]);
    else if (m.default !== undefined) out[name] = blankZero(m.default);
    else out[name] = m.type === 'set' || m.type === 'list' || m.type.startsWith('block') ? [] : '';
  }
  return out;
}

/** A state set element with zero values blanked, comparable with `configElement`. */
function stateElement(attrs: Record<string, AttributeModel>, el: Json): Json {
  const out: Json = {};
  for (const name of Object.keys(attrs)) out[name] = blankZero(el[name]);
  return out;
}

function diff(
  attrs: Record<string, AttributeModel>,
  cfg: Json,
  state: Json,
  ignored: (path: string) => boolean,
  address: string,
  prefix: string,
  out: PlannedChange[],
): void {
  for (const [name, m] of Object.entries(attrs)) {
    const path = `${prefix}${name}`;
    if (ignored(path)) continue;
    const sv = state[name];
    const change = (from: unknown, to: unknown) => out.push({ address, path, from, to, replace: m.forceNew === true });
    if (!(name in cfg)) {
      if (m.default !== undefined) {
        if (canonical(sv, m) !== canonical(m.default, m)) change(sv, m.default);
      } else if (!m.computed && !isZero(sv)) change(sv, null);
      continue;
    }
    let cv = cfg[name];
    if (m.block !== undefined) {
      const c = cv as Json[];
      const s = (sv ?? []) as Json[];
      if (m.type === 'block-set') {
        const cs = c.map((el) => canonical(configElement(m.block!, el), m)).sort();
        const ss = s.map((el) => canonical(stateElement(m.block!, el), m)).sort();
        if (cs.join('\n') !== ss.join('\n')) change(s, c);
      } else if (c.length !== s.length) change(s, c);
      else c.forEach((el, i) => diff(m.block!, el, s[i] as Json, ignored, address, `${path}.${i}.`, out));
      continue;
    }
    if (m.stateFunc === 'location') cv = normalizeLocation(cv);
    if (canonical(cv, m) === canonical(sv, m)) continue;
    if (m.diffSuppress === 'case-difference' && String(cv).toLowerCase() === String(sv).toLowerCase()) continue;
    if (m.diffSuppress === 'location' && normalizeLocation(cv) === normalizeLocation(sv)) continue;
    change(sv, cv);
  }
}

/** `ignore_changes = [zone, high_availability[0].standby_availability_zone]` → `zone`, `high_availability.0.…`. */
function ignoredPaths(body: Json): string[] {
  const lifecycle = (body.lifecycle ?? []) as Json[];
  return lifecycle.flatMap((l) =>
    ((l.ignore_changes ?? []) as string[]).map((p) =>
      p
        .replace(/^\$\{(.*)\}$/, '$1')
        .replace(/\[(\d+)\]/g, '.$1')
        .replace(/\["([^"]+)"\]/g, '.$1'),
    ),
  );
}

export interface Deployment {
  state: State;
  /** The second plan: every change Terraform would show. */
  plan: () => PlannedChange[];
}

/**
 * Applies the configuration once (`azure` picks what Azure fills; `tfvars` gives the variables without a default),
 * and returns the state and a function computing the second plan (so that a test may alter the state in between,
 * e.g. a failover).
 */
export function deploy(
  config: TerraformConfig,
  tfvars: Record<string, string>,
  azure: AzureChoice = firstChoice,
): Deployment {
  const sim = new Simulation(config, tfvars, azure);
  for (const r of config.resources) sim.apply(r.address);
  for (const i of config.imports)
    if (!config.resources.some((r) => r.address === i.to)) throw new Error(`import to an undeclared ${i.to}`);
  const plan = () => {
    const out: PlannedChange[] = [];
    for (const block of config.resources) {
      const model = PROVIDER_MODEL[config.major][block.type] as ResourceModel;
      const ignored = ignoredPaths(block.body);
      const isIgnored = (path: string) => ignored.some((p) => path === p || path.startsWith(`${p}.`));
      const s = sim.state.get(block.address)!;
      diff(model.attributes, sim.configured(block), s.values, isIgnored, block.address, '', out);
    }
    return out;
  };
  return { state: sim.state, plan };
}

/** `azurerm_x.y: zone "1" -> null (forces replacement)`, as `terraform plan` would show it. */
export function describeChange(c: PlannedChange): string {
  const show = (v: unknown) => (v === null || v === undefined ? 'null' : JSON.stringify(v));
  return `${c.address}: ${c.path} ${show(c.from)} -> ${show(c.to)}${c.replace ? ' (forces replacement)' : ''}`;
}
