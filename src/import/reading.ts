/**
 * The importer's working state: the input's resources by ID, by type and by parent, what the plan took from them
 * (`resourceIds`, `used`) and what was said about them (`notModelled`, `skipped`, `warnings`). Plus the small readers
 * of ARM's JSON that every part of the import shares.
 */
import { idKey, isType, parentId } from './arm-id';
import type { ArmResource, NotModelled, Skipped } from './types';

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** The text, or '' when the value isn't text. */
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
export const records = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);
/** A resource's `properties`, or an empty object. */
export const props = (r: { readonly properties?: unknown } | undefined): Record<string, unknown> =>
  isRecord(r?.properties) ? r.properties : {};
/** The ID of a reference (`{ "id": "…" }`), or ''. */
export const refId = (v: unknown): string => (isRecord(v) ? str(v.id) : '');
/** The value among `allowed` that `v` spells in any case, or undefined. */
export const oneOf = <T extends string>(allowed: readonly T[], v: unknown): T | undefined =>
  allowed.find((a) => a.toLowerCase() === str(v).toLowerCase());

/** One IP configuration of a resource: the subnet it is in and its private address ('' when dynamic and unshown). */
interface IpConfiguration {
  readonly subnet: string;
  readonly ip: string;
}

/**
 * The IP configurations of a resource. Azure Firewall and gateways nest each under `properties`
 * (`properties.privateIPAddress`, `properties.subnet`), DNS resolver endpoints don't (`privateIpAddress`, `subnet`), as
 * Microsoft's example responses show (reference rest-examples: AzureFirewallGet, InboundEndpoint_Get).
 */
export function ipConfigurations(resource: ArmResource): IpConfiguration[] {
  return records(props(resource).ipConfigurations).map((c) => {
    const inner = isRecord(c.properties) ? c.properties : c;
    return { subnet: refId(inner.subnet), ip: str(inner.privateIPAddress) || str(inner.privateIpAddress) };
  });
}

/** The first private address of a resource's IP configurations, or ''. */
export const privateIpOf = (resource: ArmResource): string =>
  ipConfigurations(resource).find((c) => c.ip !== '')?.ip ?? '';

/** The VNet a subnet ID is in (`…/virtualNetworks/v/subnets/s` → `…/virtualNetworks/v`), or ''. */
export const vnetOfSubnet = (subnetId: string): string => parentId(subnetId) ?? '';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export class Reading {
  private readonly byId = new Map<string, ArmResource>();
  private readonly byType = new Map<string, ArmResource[]>();
  private readonly byParent = new Map<string, ArmResource[]>();
  readonly notModelled: NotModelled[] = [];
  readonly skipped: Skipped[];
  readonly warnings: string[];
  readonly resourceIds: Record<string, string> = {};
  /** Keys of the resources the plan took in, or that were read to work something out. */
  private readonly used = new Set<string>();

  constructor(resources: readonly ArmResource[], skipped: readonly Skipped[], warnings: readonly string[]) {
    for (const r of resources) {
      this.byId.set(idKey(r.id), r);
      push(this.byType, r.type.toLowerCase(), r);
      const parent = parentId(r.id);
      if (parent !== null) push(this.byParent, idKey(parent), r);
    }
    this.skipped = [...skipped];
    this.warnings = [...warnings];
  }

  /** The resource with this ID (in any case), marked as read; undefined when the input lacks it. */
  get(id: string): ArmResource | undefined {
    const r = id === '' ? undefined : this.byId.get(idKey(id));
    if (r !== undefined) this.used.add(idKey(r.id));
    return r;
  }

  ofType(type: string): readonly ArmResource[] {
    return this.byType.get(type.toLowerCase()) ?? [];
  }

  /** The children of `parent` of one type (a VNet's subnets, a server's firewall rules). */
  childrenOf(parent: string, type: string): ArmResource[] {
    return (this.byParent.get(idKey(parent)) ?? []).filter((r) => isType(r.type, type));
  }

  /** Every resource the input holds. */
  all(): IterableIterator<ArmResource> {
    return this.byId.values();
  }

  isUsed(resource: ArmResource): boolean {
    return this.used.has(idKey(resource.id));
  }

  /** Records that the plan object at `path` is the resource `id`. */
  mark(path: string, id: string): void {
    this.resourceIds[path] = id;
    this.used.add(idKey(id));
  }

  notHeld(resource: Pick<ArmResource, 'id' | 'type'>, what: string, why: string): void {
    this.notModelled.push({ resourceId: resource.id, type: resource.type, what, why });
  }

  /** Says that `id` could not be read, unless that was said already (its shape, or another part of the import). */
  skip(id: string, reason: string): void {
    if (!this.wasSkipped(id)) this.skipped.push({ resourceId: id, reason });
  }

  /** Whether `id` was said to be unreadable. */
  wasSkipped(id: string): boolean {
    return this.skipped.some((s) => idKey(s.resourceId) === idKey(id));
  }

  warn(text: string): void {
    if (!this.warnings.includes(text)) this.warnings.push(text);
  }
}
