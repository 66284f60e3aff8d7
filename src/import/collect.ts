/**
 * What the user gave, read as a list of resources in the shape ARM's GET returns: an inventory bundle, a template
 * from "Export template", Resource Graph results, one resource from a "JSON view", or a list of them. Child resources
 * that GET nests in their parent (a VNet's subnets and peerings) are listed on their own too, so that the importer
 * finds any resource by its ID however it came.
 */
import { idKey, parentId, parseArmId } from './arm-id';
import { T } from './arm-types';
import { isRecord, str } from './reading';
import { isArmTemplate, templateResources } from './template';
import {
  INVENTORY_FORMAT,
  INVENTORY_VERSION,
  type ArmResource,
  type ImportFailure,
  type ImportSource,
  type Skipped,
} from './types';

export interface Collected {
  readonly ok: true;
  readonly source: ImportSource;
  /** Every resource once (the first of an ID wins), nested children listed on their own as well. */
  readonly resources: readonly ArmResource[];
  readonly skipped: readonly Skipped[];
  readonly warnings: readonly string[];
}

/** The input's raw list of resources, where it came from, and what was said while finding it. */
interface RawList {
  readonly source: ImportSource;
  readonly list: readonly unknown[];
  readonly skipped: readonly Skipped[];
  readonly warnings: readonly string[];
}

const fail = (message: string): ImportFailure => ({ ok: false, message });

/** Children that GET returns inside their parent's properties, and their type. */
const NESTED: readonly { parent: string; key: string; type: string }[] = [
  { parent: T.vnet.toLowerCase(), key: 'subnets', type: T.subnet },
  { parent: T.vnet.toLowerCase(), key: 'virtualNetworkPeerings', type: T.peering },
];

const OTHER_INPUTS =
  'a template from the portal\'s "Export template", Resource Graph results, or resource JSON from a portal "JSON ' +
  'view" (one resource or a list)';
const EXPECTED = `The planner reads the inventory script's bundle ("format": "${INVENTORY_FORMAT}"), ${OTHER_INPUTS}.`;

function describeInput(value: unknown): string {
  if (Array.isArray(value)) return 'a list with no Azure resource in it';
  if (!isRecord(value)) return `a JSON ${value === null ? 'null' : typeof value}`;
  const keys = Object.keys(value).slice(0, 5);
  return keys.length === 0 ? 'an empty object' : `an object with ${keys.map((k) => `"${k}"`).join(', ')}`;
}

function bundleList(value: Record<string, unknown>): RawList | ImportFailure {
  if (value.version !== INVENTORY_VERSION)
    return fail(
      (value.version === undefined
        ? 'This inventory bundle has no "version"'
        : `This inventory bundle is version ${JSON.stringify(value.version)}`) +
        `; this planner reads version ${INVENTORY_VERSION}. Collect it again with the inventory script this ` +
        'planner offers.',
    );
  if (!Array.isArray(value.resources)) return fail('The inventory bundle has no "resources" list.');
  // A `list` command's output stands in the bundle as one element: its items are resources.
  return { source: 'bundle', list: (value.resources as unknown[]).flat(), skipped: [], warnings: [] };
}

/**
 * A list that says it has more pages: ARM's `nextLink` (reference rest-examples, FirewallRules_ListByServer),
 * Resource Graph's `$skipToken` and `resultTruncated` (ResourcesNextPageQuery), and that token's other spellings.
 */
function morePages(value: Record<string, unknown>): string[] {
  const token = ['nextLink', '$skipToken', 'skipToken', 'skip_token'].find((k) => str(value[k]) !== '');
  const truncated = token !== undefined || String(value.resultTruncated).toLowerCase() === 'true';
  return truncated
    ? [
        `The list has more pages than the input holds (${token ?? 'resultTruncated'}): only this page was read, ` +
          'so resources on the other pages are missing from the plan.',
      ]
    : [];
}

/** The raw resource list of the input, or why there is none. */
function rawResources(value: unknown): RawList | ImportFailure {
  if (isRecord(value) && value.format === INVENTORY_FORMAT) return bundleList(value);
  if (isRecord(value) && 'formatVersion' in value)
    return fail('This is a plan file, not a deployment: open it with "Open plan file…" (or the CLI\'s validate).');
  if (isArmTemplate(value)) {
    const { resources, skipped } = templateResources(value);
    return { source: 'armTemplate', list: resources, skipped, warnings: [] };
  }
  if (isRecord(value) && typeof value.format === 'string')
    return fail(
      `This file's format is ${JSON.stringify(value.format)}, not the planner's inventory bundle ("format": ` +
        `"${INVENTORY_FORMAT}"). The planner also reads ${OTHER_INPUTS}.`,
    );
  for (const key of ['data', 'value'])
    if (isRecord(value) && Array.isArray(value[key]))
      return { source: 'resourceJson', list: value[key] as unknown[], skipped: [], warnings: morePages(value) };
  if (Array.isArray(value)) return { source: 'resourceJson', list: value, skipped: [], warnings: [] };
  if (isRecord(value) && asResource(value) !== null)
    return { source: 'resourceJson', list: [value], skipped: [], warnings: [] };
  return fail(`This is ${describeInput(value)}, not a deployment. ${EXPECTED}`);
}

/**
 * An item of the list as a resource: it needs an `id`; a missing `type` is read from the ID (some of Microsoft's own
 * example responses leave it out: reference rest-examples README, SubnetGetWithDelegation).
 */
function asResource(item: Record<string, unknown>, type?: string): ArmResource | null {
  const id = str(item.id);
  const typeOf = type ?? (str(item.type) || (parseArmId(id)?.type ?? ''));
  if (id === '' || typeOf === '') return null;
  return { ...item, id, type: typeOf, name: str(item.name) || (parseArmId(id)?.names.at(-1) ?? '') };
}

/** The resources once each, by ID in any case; a child both nested and listed on its own is one resource. */
class Seen {
  readonly byKey = new Map<string, ArmResource>();
  private readonly nestedOnly = new Set<string>();

  constructor(private readonly skipped: Skipped[]) {}

  add(resource: ArmResource, nested: boolean): void {
    const key = idKey(resource.id);
    const first = this.byKey.get(key);
    if (first === undefined) {
      this.byKey.set(key, resource);
      if (nested) this.nestedOnly.add(key);
    } else if (nested) {
      // The same child listed on its own as well: the one listed on its own is kept.
    } else if (this.nestedOnly.delete(key)) this.byKey.set(key, resource);
    else
      this.skipped.push({
        resourceId: resource.id,
        reason:
          first.id === resource.id
            ? 'It is in the input twice; the first was read.'
            : `It is in the input twice (the first time as ${first.id}; Azure's IDs ignore case); the first was read.`,
      });
  }

  addNested(parent: ArmResource): void {
    for (const n of NESTED) {
      if (parent.type.toLowerCase() !== n.parent) continue;
      const children = parent.properties?.[n.key];
      if (!Array.isArray(children)) continue;
      for (const child of children) {
        const resource = isRecord(child) ? asResource(child, n.type) : null;
        if (resource !== null && parentId(resource.id) !== null) this.add(resource, true);
      }
    }
  }
}

/** Reads the input's resources, each once, with those that can't be read listed as skipped. */
export function collectResources(value: unknown): Collected | ImportFailure {
  const raw = rawResources(value);
  if ('ok' in raw) return raw;
  const skipped = [...raw.skipped];
  const seen = new Seen(skipped);
  raw.list.forEach((item, i) => {
    const resource = isRecord(item) ? asResource(item) : null;
    if (resource === null) {
      skipped.push({
        resourceId: isRecord(item) && str(item.id) !== '' ? str(item.id) : `item ${i + 1} of the list`,
        reason: 'It has no "id" (or no "type"), so it is not an Azure resource as ARM returns one.',
      });
      return;
    }
    seen.add(resource, false);
    seen.addNested(resource);
  });
  if (seen.byKey.size === 0 && skipped.length === 0) return fail(`The input holds no resource. ${EXPECTED}`);
  return { ok: true, source: raw.source, resources: [...seen.byKey.values()], skipped, warnings: raw.warnings };
}
