/**
 * The dry run's Terraform reader: the `.tf` files and `terraform.tfvars.example` (or `terraform.tfvars`) of an
 * export, read with the strict HCL subset parser, into steps. Variables resolve from the tfvars file, then the
 * defaults; locals and references resolve to the values and ARM IDs they build; each resource's provider alias
 * gives its subscription. The ordering edges are exactly Terraform's: every reference from one resource or data
 * block to another (through locals too) and `depends_on`. Terraform runs everything else in parallel.
 */
import type { StepAction, StepProps, StepScope } from '../exporters/steps';
import type { ExportFile } from '../exporters/types';
import type { ArtefactReader, DeployStep } from './types';
import { parseHcl, type HclAttr, type HclBlock, type HclExpr, type HclItem } from './hcl-parse';
import { DryRunReadError } from './read-error';
import { parseResourceId, type ParsedResourceId } from './resource-id';

/** A value only Azure knows (a computed attribute, a sensitive variable without value). */
const UNKNOWN = Symbol('unknown');
type Value = string | number | boolean | null | typeof UNKNOWN | Value[] | { [key: string]: Value };

/** What a step of this type is in ARM terms, and how its ID is built from its arguments. */
interface TypeSpec {
  arm: string;
  /** Names of the ID's segments from these arguments, in the resource group of `resource_group_name`. */
  names?: string[];
  /** Or: the ID is `<parent argument's ID>/<child type>/<name>`. */
  parent?: { arg: string; child: string };
  /** Or: the step sets properties on the resource `target` names; its ID is the target's plus `suffix`. */
  association?: { target: string; suffix: string };
  /** Not created with a region (global, or a child of another resource). */
  global?: boolean;
}

/**
 * azurerm resource types and their ARM types (azurerm docs, each resource's "Import" section gives the ARM ID it
 * maps to); the link's parent is its zone by ID in azurerm 5.x, by name and group in 4.x (facts §4.2).
 */
const TYPES: Record<string, TypeSpec> = {
  azurerm_virtual_network: { arm: 'Microsoft.Network/virtualNetworks', names: ['name'] },
  azurerm_subnet: { arm: 'Microsoft.Network/virtualNetworks/subnets', names: ['virtual_network_name', 'name'] },
  azurerm_network_security_group: { arm: 'Microsoft.Network/networkSecurityGroups', names: ['name'] },
  azurerm_route_table: { arm: 'Microsoft.Network/routeTables', names: ['name'] },
  azurerm_route: {
    arm: 'Microsoft.Network/routeTables/routes',
    names: ['route_table_name', 'name'],
    global: true,
  },
  azurerm_subnet_network_security_group_association: {
    arm: 'Microsoft.Network/virtualNetworks/subnets',
    association: { target: 'subnet_id', suffix: '#nsg-association' },
  },
  azurerm_subnet_route_table_association: {
    arm: 'Microsoft.Network/virtualNetworks/subnets',
    association: { target: 'subnet_id', suffix: '#route-table-association' },
  },
  azurerm_virtual_network_peering: {
    arm: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    names: ['virtual_network_name', 'name'],
    global: true,
  },
  azurerm_private_dns_zone: { arm: 'Microsoft.Network/privateDnsZones', names: ['name'], global: true },
  azurerm_private_dns_zone_virtual_network_link: {
    arm: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
    parent: { arg: 'private_dns_zone_id', child: 'virtualNetworkLinks' },
    names: ['private_dns_zone_name', 'name'],
    global: true,
  },
  azurerm_private_endpoint: { arm: 'Microsoft.Network/privateEndpoints', names: ['name'] },
  azurerm_postgresql_flexible_server: { arm: 'Microsoft.DBforPostgreSQL/flexibleServers', names: ['name'] },
  azurerm_postgresql_flexible_server_configuration: {
    arm: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
    parent: { arg: 'server_id', child: 'configurations' },
    global: true,
  },
  azurerm_postgresql_flexible_server_firewall_rule: {
    arm: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
    parent: { arg: 'server_id', child: 'firewallRules' },
    global: true,
  },
};

/**
 * Each type's ID around its names, lower-case: `/providers/microsoft.network/virtualnetworks/`, then `/subnets/` for
 * a subnet.
 */
const ID_TEXTS = new Map(
  Object.values(TYPES).map((spec) => {
    const [namespace, ...types] = spec.arm.toLowerCase().split('/');
    return [spec, types.map((t, i) => (i === 0 ? `/providers/${namespace ?? ''}/${t}/` : `/${t}/`))];
  }),
);

/**
 * The ID `armResourceId(scope, '', spec.arm, names)` builds (resource-id.ts: the readers' one way of writing an ID),
 * in one `join` of its parts, each lower-cased on its own, rather than by lower-casing the text built piece by piece:
 * the same text (lower-casing looks at a letter's neighbours only for a final sigma, and never across a `/`) for a
 * fraction of the allocations, which the thousand IDs of a large export add up to. The reader tests compare both on
 * every example and on generated plans.
 */
function resourceIdOf(scope: StepScope, spec: TypeSpec, names: readonly string[]): string {
  const texts = ID_TEXTS.get(spec) as string[];
  const parts = ['/subscriptions/', scope.subscription.toLowerCase(), '/resourcegroups/'];
  parts.push(scope.resourceGroup.toLowerCase());
  for (let i = 0; i < texts.length; i += 1) parts.push(texts[i] as string, (names[i] ?? '').toLowerCase());
  return parts.join('');
}

const TOP_BLOCKS = new Set(['terraform', 'provider', 'variable', 'locals', 'resource', 'data', 'output', 'import']);
/** A subscription value that says nothing: the example tfvars' placeholder. */
const NO_SUBSCRIPTION = /^(0{8}-0{4}-0{4}-0{4}-0{12})?$/;

interface Declared {
  /** `azurerm_subnet.postgres` or `data.azurerm_subnet.x`. */
  address: string;
  type: string;
  spec: TypeSpec;
  block: HclBlock;
  /**
   * The arguments the reader asks every block for (the last of each when written twice), found in one pass over
   * its body when it is declared rather than by a scan of the body for each.
   */
  args: { name?: HclAttr; provider?: HclAttr; location?: HclAttr; dependsOn?: HclAttr };
  file: string;
  data: boolean;
  /** Its ID, name and scope once `locate` has built them. */
  located?: Located;
  /** Whether `locate` is building its ID (a reference back to it is a cycle). */
  locating: boolean;
  /** The import block that adopts it, once `steps` has matched the import blocks to their resources. */
  imported?: Import;
}

/** The resource or data blocks of one type, by name. */
interface OfType {
  spec: TypeSpec;
  named: Map<string, Declared>;
}

interface Import {
  block: HclBlock;
  file: string;
  /** The resource it adopts, as written: `to = azurerm_subnet.x`. */
  to: HclExpr & { k: 'ref' };
  conditional: boolean;
}

interface Local {
  attr: HclAttr;
  file: string;
  /** Its value and the blocks it refers to, once evaluated. */
  evaluated?: { value: Value; deps: Deps };
}

interface Located {
  id: string;
  name: string;
  scope: StepScope;
  target?: string;
}

/** The resource address a reference spells out, as `depends_on` and an import's `to` write it: `a.b.c`. */
const addressText = (e: HclExpr & { k: 'ref' }): string => [e.root, ...e.path].join('.');

/** What `dependsOn` gives for a block without `depends_on` (most of them). */
const NONE: readonly Declared[] = [];

/** A reference as written: `a.b[0].c`. */
const refText = (e: HclExpr & { k: 'ref' }): string =>
  e.root + e.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');

/**
 * The attribute `name` among a block's items (the last one when written twice). A block has a handful of items: a
 * scan is cheaper than a map made for each of the thousand blocks of a large export.
 */
const attrOf = (items: readonly HclItem[], name: string): HclAttr | undefined => {
  for (let n = items.length - 1; n >= 0; n -= 1) {
    const i = items[n] as HclItem;
    if (i.kind === 'attr' && i.name === name) return i;
  }
  return undefined;
};

/**
 * The resource/data blocks an expression refers to, in the order met, each with the argument path it went by (the
 * first one). A block refers to a few: two arrays searched in order, not a map made for each block.
 */
class Deps {
  readonly targets: Declared[] = [];
  readonly vias: string[] = [];

  has(target: Declared): boolean {
    return this.targets.includes(target);
  }

  add(target: Declared, via: string): void {
    this.targets.push(target);
    this.vias.push(via);
  }

  clear(): void {
    this.targets.length = 0;
    this.vias.length = 0;
  }
}

/** A resource or data block's argument `name` (the last one when written twice). */
const argOf = (r: Declared, name: string): HclAttr | undefined =>
  name === 'name' ? r.args.name : attrOf(r.block.body, name);

const setProp = <K extends keyof StepProps>(props: StepProps, key: K, value: StepProps[K] | undefined): void => {
  if (value !== undefined) props[key] = value;
};

const blocksOf = (items: readonly HclItem[], type: string) =>
  items.filter((i): i is HclBlock => i.kind === 'block' && i.type === type);

class TerraformReader {
  /** The value of each declared variable (set for every one by the end of the constructor). */
  private readonly vars = new Map<string, Value>();
  private readonly declaredVars = new Set<string>();
  /** Each local, with its value and references once evaluated. */
  private readonly locals = new Map<string, Local>();
  /**
   * The resource and data blocks by type, then name: a reference finds its block without building a key, and an
   * address (`type.name`: a type the reader models has no dot) is declared when its name is in its type's map.
   */
  private readonly byType = new Map<string, OfType>();
  private readonly dataByType = new Map<string, OfType>();
  /**
   * Each ID text an argument holds, parsed once (a large export's links and configurations name the same zone and
   * server hundreds of times), with its lower-case form; null when it is no ARM resource ID.
   */
  private readonly parsedIds = new Map<string, { id: string; parsed: ParsedResourceId } | null>();
  /** The subscription of each provider alias, once read. */
  private readonly subscriptions = new Map<string, string>();
  private readonly providers = new Map<string, { block: HclBlock; file: string }>();
  /**
   * The import blocks by the resource they adopt. A conditional one (`for_each` on what the live resources hold)
   * adopts the resource only when Azure has it, which the plan doesn't say: the dry run reads it as a create.
   */
  private readonly imports = new Map<string, Import>();
  /** The locals being evaluated (a reference back to one is a cycle). */
  private readonly localsInProgress = new Set<string>();
  /** The references of the block `steps` is at (one list, emptied for each block). */
  private readonly blockDeps = new Deps();
  private readonly order: Declared[] = [];
  /** The IDs the configuration writes, each with the resource address that writes it. */
  private readonly writes = new Map<string, string>();

  constructor(files: readonly ExportFile[]) {
    const tf = files.filter((f) => f.path.endsWith('.tf'));
    if (tf.length === 0) throw new DryRunReadError('main.tf', 'no .tf file in the export');
    const tfvars: Map<string, HclExpr> = new Map();
    for (const name of ['terraform.tfvars.example', 'terraform.tfvars']) {
      const f = files.find((x) => x.path === name);
      if (!f) continue;
      for (const item of parseHcl(f.path, f.contents)) {
        if (item.kind !== 'attr') throw new DryRunReadError(f.path, `line ${item.line}: a block in a tfvars file`);
        tfvars.set(item.name, item.value);
      }
    }
    for (const f of tf) this.declare(f, parseHcl(f.path, f.contents), tfvars);
    for (const [name, value] of tfvars) {
      if (!this.declaredVars.has(name)) continue;
      this.vars.set(name, this.literal(value, 'terraform.tfvars.example'));
    }
    for (const [name, value] of this.vars) {
      if (name.endsWith('subscription_id') && typeof value === 'string' && NO_SUBSCRIPTION.test(value)) {
        this.vars.set(name, '');
      }
    }
  }

  private declare(f: ExportFile, items: HclItem[], tfvars: Map<string, HclExpr>): void {
    const fail = (line: number, message: string): never => {
      throw new DryRunReadError(f.path, `line ${line}: ${message}`);
    };
    for (const item of items) {
      if (item.kind === 'attr') fail(item.line, `an attribute ${item.name} outside any block`);
      const b = item as HclBlock;
      if (!TOP_BLOCKS.has(b.type)) fail(b.line, `a "${b.type}" block (outside the Terraform subset read)`);
      if (b.type === 'variable') {
        this.expectLabels(f, b, 1);
        const name = b.labels[0] as string;
        this.declaredVars.add(name);
        const def = attrOf(b.body, 'default');
        if (def) this.vars.set(name, this.literal(def.value, f.path));
        // Unset (no default, no tfvars value): the user gives it at apply time; '' stands for that value (the
        // deployment's own subscription, the group the user names).
        else if (!tfvars.has(name)) this.vars.set(name, '');
      } else if (b.type === 'locals') {
        this.expectLabels(f, b, 0);
        for (const i of b.body) {
          if (i.kind === 'block') fail(i.line, 'a block inside locals');
          const a = i as HclAttr;
          if (this.locals.has(a.name)) fail(a.line, `local.${a.name} is declared twice`);
          this.locals.set(a.name, { attr: a, file: f.path });
        }
      } else if (b.type === 'resource' || b.type === 'data') {
        this.expectLabels(f, b, 2);
        const [type, name] = b.labels as [string, string];
        const data = b.type === 'data';
        const byType = data ? this.dataByType : this.byType;
        let ofType = byType.get(type);
        if (!ofType) {
          // Own keys only: `constructor` or `toString` is no type the dry run models.
          const spec = Object.hasOwn(TYPES, type) ? TYPES[type] : undefined;
          if (!spec) fail(b.line, `the ${b.type} type ${type} is not one the dry run models`);
          ofType = { spec: spec as TypeSpec, named: new Map<string, Declared>() };
          byType.set(type, ofType);
        }
        const address = `${data ? 'data.' : ''}${type}.${name}`;
        if (ofType.named.has(name)) fail(b.line, `${address} is declared twice`);
        const args: Declared['args'] = {
          name: undefined,
          provider: undefined,
          location: undefined,
          dependsOn: undefined,
        };
        let counted = false;
        for (const i of b.body) {
          if (i.kind !== 'attr') continue;
          switch (i.name) {
            case 'name':
              args.name = i;
              break;
            case 'provider':
              args.provider = i;
              break;
            case 'location':
              args.location = i;
              break;
            case 'depends_on':
              args.dependsOn = i;
              break;
            case 'count':
            case 'for_each':
              counted = true;
          }
        }
        if (counted) fail(b.line, `count/for_each on ${address}`);
        const d: Declared = { address, type, spec: ofType.spec, block: b, args, file: f.path, data, locating: false };
        ofType.named.set(name, d);
        this.order.push(d);
      } else if (b.type === 'provider') {
        this.expectLabels(f, b, 1);
        const alias = attrOf(b.body, 'alias');
        const key = alias ? this.literalString(alias, f.path) : '';
        if (this.providers.has(key)) fail(b.line, `the provider ${key || '(default)'} is declared twice`);
        this.providers.set(key, { block: b, file: f.path });
      } else if (b.type === 'import') {
        this.expectLabels(f, b, 0);
        const to = attrOf(b.body, 'to');
        if (to?.value.k !== 'ref') fail(b.line, 'an import block without "to = <resource address>"');
        const ref = (to as HclAttr).value as HclExpr & { k: 'ref' };
        const conditional = attrOf(b.body, 'for_each') !== undefined;
        this.imports.set(addressText(ref), { block: b, file: f.path, to: ref, conditional });
      }
    }
  }

  private expectLabels(f: ExportFile, b: HclBlock, n: number): void {
    if (b.labels.length === n) return;
    throw new DryRunReadError(f.path, `line ${b.line}: a ${b.type} block needs ${n} label(s), has ${b.labels.length}`);
  }

  private failAt(file: string, line: number, message: string): never {
    throw new DryRunReadError(file, `line ${line}: ${message}`);
  }

  private literal(e: HclExpr, file: string): Value {
    const deps = new Deps();
    const value = this.evaluate(e, file, deps, '');
    if (deps.targets.length > 0) throw new DryRunReadError(file, `line ${e.line}: a value that refers to a resource`);
    return value;
  }

  private literalString(a: HclAttr, file: string): string {
    const v = this.literal(a.value, file);
    if (typeof v !== 'string') throw new DryRunReadError(file, `line ${a.line}: ${a.name} is not a string`);
    return v;
  }

  /**
   * The value of an expression; the resource/data addresses it refers to are added to `deps` (each with the
   * argument path it went by) unless `deps` is null.
   */
  evaluate(e: HclExpr, file: string, deps: Deps | null, via: string): Value {
    switch (e.k) {
      case 'num':
      case 'bool':
        return e.value;
      case 'null':
        return null;
      case 'str': {
        let out = '';
        let unknown = false;
        for (const p of e.parts) {
          if (typeof p === 'string') out += p;
          else {
            const v = this.evaluate(p, file, deps, via);
            if (v === UNKNOWN) unknown = true;
            else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out += String(v);
            else this.failAt(file, e.line, 'a list, object or null interpolated into a string');
          }
        }
        return unknown ? UNKNOWN : out;
      }
      case 'list': {
        const out: Value[] = [];
        for (const i of e.items) out.push(this.evaluate(i, file, deps, via));
        return out;
      }
      case 'obj': {
        const o: { [key: string]: Value } = {};
        for (const { key, value } of e.entries) o[key] = this.evaluate(value, file, deps, via);
        return o;
      }
      case 'call':
        return this.failAt(file, e.line, `the function ${e.fn}() (outside the Terraform subset read)`);
      case 'compare':
      case 'cond':
        return this.failAt(file, e.line, "a condition outside an import block's for_each (outside the subset read)");
      case 'ref':
        return this.reference(e, file, deps, via);
    }
  }

  private reference(e: HclExpr & { k: 'ref' }, file: string, deps: Deps | null, via: string): Value {
    const [first, second, third] = e.path;
    if (e.root === 'var') {
      // Only a declared variable has a value (one lookup, rather than two, for the many references to variables).
      const value = typeof first === 'string' ? this.vars.get(first) : undefined;
      if (value !== undefined) return this.index(value, e.path, 1);
      if (typeof first !== 'string' || !this.declaredVars.has(first)) {
        this.failAt(file, e.line, `${refText(e)} is not a declared variable`);
      }
      return this.index(UNKNOWN, e.path, 1);
    }
    if (e.root === 'local') {
      const declared = typeof first === 'string' ? this.locals.get(first) : undefined;
      if (!declared) return this.failAt(file, e.line, `${refText(e)} is not a declared local`);
      const local = this.local(first as string, declared);
      if (deps) {
        for (const d of local.deps.targets) {
          if (!deps.has(d)) deps.add(d, `${via || refText(e)} (through local.${first as string})`);
        }
      }
      return this.index(local.value, e.path, 1);
    }
    const data = e.root === 'data';
    const r = data
      ? this.dataByType.get(String(first))?.named.get(String(second))
      : this.byType.get(e.root)?.named.get(String(first));
    if (!r) {
      const address = data ? `data.${String(first)}.${String(second)}` : `${e.root}.${String(first)}`;
      return this.failAt(
        file,
        e.line,
        `${refText(e)} refers to ${address}, which is not declared (outside the Terraform subset read)`,
      );
    }
    if (deps && !deps.has(r)) deps.add(r, via || refText(e));
    const attr = data ? third : second;
    if (attr === undefined) return UNKNOWN;
    if (attr === 'id') return this.locate(r).id;
    const { name } = r.args;
    if (attr !== 'name' || !name) return UNKNOWN;
    return this.index(this.evaluate(name.value, r.file, null, ''), e.path, data ? 3 : 2);
  }

  /** The value at `path[from…]` inside `v`. */
  private index(v: Value, path: readonly (string | number)[], from: number): Value {
    let cur = v;
    for (let i = from; i < path.length; i += 1) {
      const p = path[i] as string | number;
      if (cur === UNKNOWN) return UNKNOWN;
      if (Array.isArray(cur) && typeof p === 'number') cur = cur[p] ?? UNKNOWN;
      else if (cur !== null && typeof cur === 'object' && !Array.isArray(cur) && typeof p === 'string') {
        cur = cur[p] ?? UNKNOWN;
      } else return UNKNOWN;
    }
    return cur;
  }

  private local(name: string, declared: Local): { value: Value; deps: Deps } {
    const done = declared.evaluated;
    if (done) return done;
    const { attr, file } = declared;
    const key = `local.${name}`;
    if (this.localsInProgress.has(key)) {
      throw new DryRunReadError(file, `line ${attr.line}: local.${name} refers to itself`);
    }
    this.localsInProgress.add(key);
    const deps = new Deps();
    const result: { value: Value; deps: Deps } = {
      value: this.evaluate(attr.value, file, deps, `local.${name}`),
      deps,
    };
    this.localsInProgress.delete(key);
    declared.evaluated = result;
    return result;
  }

  /** An argument's value, without recording dependencies (those are collected once per block). */
  private argument(r: Declared, name: string): Value | undefined {
    const a = argOf(r, name);
    if (!a) return undefined;
    return this.evaluate(a.value, r.file, null, '');
  }

  private requiredString(r: Declared, name: string): string {
    const a = argOf(r, name);
    if (!a) throw new DryRunReadError(r.file, `line ${r.block.line}: ${r.address} has no ${name}`);
    const v = this.evaluate(a.value, r.file, null, '');
    if (typeof v !== 'string') {
      throw new DryRunReadError(
        r.file,
        `line ${a.line}: ${r.address}.${name} is not a string known before apply, so its resource ID can't be built`,
      );
    }
    return v;
  }

  private subscriptionOf(r: Declared): string {
    const p = r.args.provider;
    let alias = '';
    if (p) {
      if (p.value.k !== 'ref' || p.value.root !== 'azurerm' || p.value.path.length !== 1) {
        throw new DryRunReadError(r.file, `line ${p.line}: provider must be azurerm or azurerm.<alias>`);
      }
      alias = String(p.value.path[0]);
    }
    const known = this.subscriptions.get(alias);
    if (known !== undefined) return known;
    const sub = this.providerSubscription(r, alias, p);
    this.subscriptions.set(alias, sub);
    return sub;
  }

  /** The subscription a provider alias deploys to ('' for the deployment's own). */
  private providerSubscription(r: Declared, alias: string, p: HclAttr | undefined): string {
    const provider = this.providers.get(alias);
    if (!provider) {
      if (alias === '') return '';
      throw new DryRunReadError(r.file, `line ${(p as HclAttr).line}: no provider block has the alias ${alias}`);
    }
    const sub = attrOf(provider.block.body, 'subscription_id');
    if (!sub) return '';
    const v = this.literal(sub.value, provider.file);
    if (v === UNKNOWN || v === null) return '';
    if (typeof v !== 'string') throw new DryRunReadError(provider.file, `line ${sub.line}: subscription_id`);
    return NO_SUBSCRIPTION.test(v) ? '' : v;
  }

  /** The ARM ID, name and scope of a resource or data block (memoised; a cycle is an error). */
  locate(r: Declared): Located {
    const done = r.located;
    if (done) return done;
    if (r.locating) throw new DryRunReadError(r.file, `line ${r.block.line}: ${r.address}'s ID depends on itself`);
    r.locating = true;
    const { spec } = r;
    let result: Located;
    if (spec.association) {
      const { id, parsed } = this.idArgument(r, spec.association.target);
      result = {
        id: id + spec.association.suffix,
        name: parsed.names.join('/'),
        scope: { subscription: parsed.subscription, resourceGroup: parsed.resourceGroup },
        target: id,
      };
    } else if (spec.parent && attrOf(r.block.body, spec.parent.arg)) {
      const { id, parsed } = this.idArgument(r, spec.parent.arg);
      const name = this.requiredString(r, 'name');
      result = {
        id: `${id}/${spec.parent.child}/${name}`.toLowerCase(),
        name: [...parsed.names, name].join('/'),
        scope: { subscription: parsed.subscription, resourceGroup: parsed.resourceGroup },
      };
    } else if (spec.names) {
      const names = spec.names.map((n) => this.requiredString(r, n));
      const scope = {
        subscription: this.subscriptionOf(r),
        resourceGroup: this.requiredString(r, 'resource_group_name'),
      };
      result = { id: resourceIdOf(scope, spec, names), name: names.join('/'), scope };
    } else {
      throw new DryRunReadError(r.file, `line ${r.block.line}: ${r.address} has no ${spec.parent?.arg ?? 'parent'}`);
    }
    r.locating = false;
    r.located = result;
    return result;
  }

  /** An argument holding an ARM resource ID (a parent's, an association's target). */
  private idArgument(r: Declared, arg: string): { id: string; parsed: ParsedResourceId } {
    const id = this.requiredString(r, arg);
    let known = this.parsedIds.get(id);
    if (known === undefined) {
      const parsed = parseResourceId(id);
      known = parsed && { id: id.toLowerCase(), parsed };
      this.parsedIds.set(id, known);
    }
    if (!known) {
      const line = attrOf(r.block.body, arg)?.line ?? r.block.line;
      throw new DryRunReadError(r.file, `line ${line}: ${r.address}.${arg} is not an ARM resource ID: ${id}`);
    }
    return known;
  }

  /**
   * Every resource/data address a block's arguments refer to (nested blocks too, `lifecycle` aside), the block's own
   * address among them when it refers to itself; valid until the next call.
   */
  private references(r: Declared): Deps {
    const deps = this.blockDeps;
    deps.clear();
    this.collect(r, r.block.body, '', deps);
    return deps;
  }

  private collect(r: Declared, items: readonly HclItem[], prefix: string, deps: Deps): void {
    for (const i of items) {
      if (i.kind === 'block') {
        if (i.type !== 'lifecycle') this.collect(r, i.body, `${prefix}${i.type}.`, deps);
      } else if (i.name !== 'depends_on' && i.name !== 'provider') {
        this.evaluate(i.value, r.file, deps, prefix === '' ? i.name : prefix + i.name);
      }
    }
  }

  /**
   * The block declared at the address a reference spells out (`azurerm_subnet.x`, `data.azurerm_subnet.x`), as
   * `depends_on` and an import's `to` name blocks: the address's first part is the type (a type the reader models
   * has no dot), the rest the name.
   */
  private declaredAt(ref: HclExpr & { k: 'ref' }): Declared | undefined {
    const { root, path } = ref;
    if (root === 'data') {
      return path.length < 2 ? undefined : this.dataByType.get(String(path[0]))?.named.get(path.slice(1).join('.'));
    }
    return path.length < 1 ? undefined : this.byType.get(root)?.named.get(path.join('.'));
  }

  private dependsOn(r: Declared): readonly Declared[] {
    const a = r.args.dependsOn;
    if (!a) return NONE;
    if (a.value.k !== 'list') throw new DryRunReadError(r.file, `line ${a.line}: depends_on is not a list`);
    return a.value.items.map((i) => {
      if (i.k !== 'ref') throw new DryRunReadError(r.file, `line ${i.line}: depends_on holds something not an address`);
      const target = this.declaredAt(i);
      if (!target) {
        const address = addressText(i);
        throw new DryRunReadError(r.file, `line ${i.line}: depends_on names ${address}, which is not declared`);
      }
      return target;
    });
  }

  steps(): DeployStep[] {
    for (const [to, i] of this.imports) {
      const target = this.declaredAt(i.to);
      if (!target || to.startsWith('data.')) {
        throw new DryRunReadError(i.file, `line ${i.block.line}: the import block's "to" names ${to}, not a resource`);
      }
      target.imported = i;
    }
    const ids = this.writes;
    for (const r of this.order) {
      const loc = this.locate(r);
      if (r.data) continue;
      const other = ids.get(loc.id);
      if (other !== undefined) {
        throw new DryRunReadError(r.file, `line ${r.block.line}: ${r.address} and ${other} both write ${loc.id}`);
      }
      ids.set(loc.id, r.address);
    }
    const steps: DeployStep[] = [];
    for (const r of this.order) {
      const loc = this.locate(r);
      const after: DeployStep['after'] = [];
      const { targets, vias } = this.references(r);
      for (let n = 0; n < targets.length; n += 1) {
        const target = targets[n] as Declared;
        if (target !== r) this.edge(after, target, r.address, `.${vias[n] as string} refers to `);
      }
      for (const target of this.dependsOn(r)) this.edge(after, target, r.address, ' has depends_on ');
      const imported = r.imported;
      const action: StepAction = r.data ? 'read' : imported && !imported.conditional ? 'update' : 'create';
      const location =
        r.spec.global || r.data || !r.args.location
          ? undefined
          : this.evaluate(r.args.location.value, r.file, null, '');
      const step: DeployStep = {
        id: this.stepId(r),
        type: r.spec.arm,
        name: loc.name,
        action,
        scope: loc.scope,
        props: this.props(r, action),
        after,
        source: { file: r.file, line: r.block.line },
      };
      if (typeof location === 'string') step.location = location;
      if (loc.target !== undefined) step.target = loc.target;
      steps.push(step);
    }
    return steps;
  }

  /** A read of a resource the configuration also writes gets its own step ID. */
  private stepId(r: Declared): string {
    const id = this.locate(r).id;
    return r.data && this.writes.has(id) ? `${id}#read` : id;
  }

  /** An edge to `target`'s step, saying `<from><link><target's address>`, unless one to that step is there already. */
  private edge(after: DeployStep['after'], target: Declared, from: string, link: string): void {
    const step = this.stepId(target);
    for (const e of after) if (e.step === step) return;
    after.push({ step, why: from + link + target.address });
  }

  private props(r: Declared, action: StepAction): StepProps {
    const props: StepProps = {};
    switch (r.type) {
      case 'azurerm_virtual_network':
        setProp(props, 'addressPrefixes', this.strings(r, 'address_space'));
        setProp(props, 'dnsServers', this.strings(r, 'dns_servers'));
        break;
      case 'azurerm_subnet': {
        setProp(props, 'addressPrefix', this.strings(r, 'address_prefixes')?.[0]);
        if (r.data) break;
        const delegations: string[] = [];
        for (const d of r.block.body) {
          if (d.kind === 'block' && d.type === 'delegation') {
            this.nested(r, d.body, 'service_delegation', 'name', delegations);
          }
        }
        props.delegations = delegations;
        // A new array (`strings` filters the list), which the nested blocks are added to.
        const endpoints = this.strings(r, 'service_endpoints') ?? [];
        this.nested(r, r.block.body, 'service_endpoint', 'service', endpoints);
        props.serviceEndpoints = endpoints;
        // An imported subnet is updated by the provider: it reads the live subnet and changes only the arguments
        // whose value differs (azurerm internal/services/network/subnet_resource.go, resourceSubnetUpdate), so the
        // NSG, route table and NAT gateway associations it has (separate resources in azurerm) are kept.
        if (action === 'update') props.preservesLiveProperties = true;
        break;
      }
      case 'azurerm_subnet_network_security_group_association':
        setProp(props, 'networkSecurityGroup', this.str(r, 'network_security_group_id')?.toLowerCase());
        break;
      case 'azurerm_subnet_route_table_association':
        setProp(props, 'routeTable', this.str(r, 'route_table_id')?.toLowerCase());
        break;
      case 'azurerm_virtual_network_peering':
        setProp(props, 'remoteVirtualNetwork', this.str(r, 'remote_virtual_network_id')?.toLowerCase());
        setProp(props, 'allowForwardedTraffic', this.bool(r, 'allow_forwarded_traffic'));
        setProp(props, 'allowGatewayTransit', this.bool(r, 'allow_gateway_transit'));
        setProp(props, 'useRemoteGateways', this.bool(r, 'use_remote_gateways'));
        break;
      case 'azurerm_private_dns_zone_virtual_network_link':
        setProp(props, 'virtualNetwork', this.str(r, 'virtual_network_id')?.toLowerCase());
        break;
      case 'azurerm_private_endpoint': {
        // The zone group is a block of the endpoint here: its zone is the endpoint step's (PE §2.2).
        setProp(props, 'subnet', this.str(r, 'subnet_id')?.toLowerCase());
        const target = this.nested(r, r.block.body, 'private_service_connection', 'private_connection_resource_id', []);
        setProp(props, 'privateLinkServiceId', target[0]?.toLowerCase());
        for (const b of blocksOf(r.block.body, 'private_dns_zone_group')) {
          for (const a of b.kind === 'block' ? b.body : []) {
            const v =
              a.kind === 'attr' && a.name === 'private_dns_zone_ids' ? this.evaluate(a.value, r.file, null, '') : null;
            if (Array.isArray(v) && typeof v[0] === 'string') props.privateDnsZone = v[0].toLowerCase();
          }
        }
        break;
      }
      case 'azurerm_postgresql_flexible_server': {
        setProp(props, 'delegatedSubnet', this.str(r, 'delegated_subnet_id')?.toLowerCase());
        setProp(props, 'privateDnsZone', this.str(r, 'private_dns_zone_id')?.toLowerCase());
        const pna = this.bool(r, 'public_network_access_enabled');
        if (pna !== undefined) props.publicNetworkAccess = pna ? 'Enabled' : 'Disabled';
        setProp(props, 'availabilityZone', this.str(r, 'zone'));
        const ha = blocksOf(r.block.body, 'high_availability');
        setProp(props, 'highAvailability', this.nested(r, ha, 'high_availability', 'mode', [])[0]);
        const standby = this.nested(r, ha, 'high_availability', 'standby_availability_zone', [])[0];
        setProp(props, 'standbyAvailabilityZone', standby);
        break;
      }
    }
    return props;
  }

  private str(r: Declared, name: string): string | undefined {
    const v = this.argument(r, name);
    return typeof v === 'string' ? v : undefined;
  }

  private bool(r: Declared, name: string): boolean | undefined {
    const v = this.argument(r, name);
    return typeof v === 'boolean' ? v : undefined;
  }

  private strings(r: Declared, name: string): string[] | undefined {
    const v = this.argument(r, name);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
  }

  /** The string values of `name` in the nested blocks of `type` among `items`, appended to `into`. */
  private nested(r: Declared, items: readonly HclItem[], type: string, name: string, into: string[]): string[] {
    for (const b of items) {
      if (b.kind !== 'block' || b.type !== type) continue;
      for (const a of b.body) {
        if (a.kind !== 'attr' || a.name !== name) continue;
        const v = this.evaluate(a.value, r.file, null, '');
        if (typeof v === 'string') into.push(v);
      }
    }
    return into;
  }
}

/** Reads a Terraform export into steps; throws `DryRunReadError` naming file and line for anything unreadable. */
export const readTerraform: ArtefactReader = (files) => new TerraformReader(files).steps();
