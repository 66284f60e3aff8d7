/**
 * What the user gave, read as a list of resources in the shape ARM's GET returns: an inventory bundle, a template
 * from "Export template", Resource Graph results, one resource from a "JSON view", or a list of them. Child resources
 * that GET nests in their parent (a VNet's subnets and peerings) are listed on their own too, so that the importer
 * finds any resource by its ID however it came.
 */
import { idKey, parentId } from './arm-id';
import { isArmTemplate, templateResources } from './template';
import {
  INVENTORY_FORMAT,
  INVENTORY_VERSION,
  type ArmResource,
  type ImportFailure,
  type ImportSource,
  type Skipped,
} from './types';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Collected {
  readonly ok: true;
  readonly source: ImportSource;
  /** Every resource once (the first of an ID wins), nested children listed on their own as well. */
  readonly resources: readonly ArmResource[];
  readonly skipped: Skipped[];
  readonly warnings: string[];
}

const fail = (message: string): ImportFailure => ({ ok: false, message });

/** Children that GET returns inside their parent's properties, and their type. */
const NESTED: readonly { parent: string; key: string; type: string }[] = [
  { parent: 'microsoft.network/virtualnetworks', key: 'subnets', type: 'Microsoft.Network/virtualNetworks/subnets' },
  {
    parent: 'microsoft.network/virtualnetworks',
    key: 'virtualNetworkPeerings',
    type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  },
];

function describeInput(value: unknown): string {
  if (Array.isArray(value)) return 'a list with no Azure resource in it';
  if (!isRecord(value)) return `a JSON ${value === null ? 'null' : typeof value}`;
  const keys = Object.keys(value).slice(0, 5);
  return keys.length === 0 ? 'an empty object' : `an object with ${keys.map((k) => `"${k}"`).join(', ')}`;
}

const EXPECTED =
  'The planner reads the inventory script\'s bundle ("format": "' +
  INVENTORY_FORMAT +
  '"), a template from the portal\'s "Export template", Resource Graph results, or resource JSON from a portal ' +
  '"JSON view" (one resource or a list).';

/** The raw resource list of the input, or why there is none. */
function rawResources(value: unknown): { source: ImportSource; list: unknown[]; warnings: string[] } | ImportFailure {
  if (isRecord(value) && value.format === INVENTORY_FORMAT) {
    if (value.version !== INVENTORY_VERSION)
      return fail(
        `This inventory bundle is version ${JSON.stringify(value.version)}; this planner reads version ` +
          `${INVENTORY_VERSION}. Run the inventory script this planner offers again.`,
      );
    if (!Array.isArray(value.resources)) return fail('The inventory bundle has no "resources" list.');
    // A `list` command's output stands in the bundle as one element: its items are resources.
    return { source: 'bundle', list: (value.resources as unknown[]).flat(), warnings: [] };
  }
  if (isRecord(value) && 'formatVersion' in value && 'access' in value)
    return fail('This is a plan file, not a deployment: open it with "Open plan file…" (or the CLI\'s validate).');
  if (isArmTemplate(value)) {
    const { resources, unresolved } = templateResources(value);
    const warnings = unresolved.map(
      (e) => `The template's expression ${e} could not be evaluated; what depends on it was left out.`,
    );
    return { source: 'armTemplate', list: resources, warnings };
  }
  if (isRecord(value) && Array.isArray(value.data)) return { source: 'resourceJson', list: value.data, warnings: [] };
  if (isRecord(value) && Array.isArray(value.value)) return { source: 'resourceJson', list: value.value, warnings: [] };
  if (Array.isArray(value)) return { source: 'resourceJson', list: value, warnings: [] };
  if (isRecord(value) && typeof value.id === 'string' && typeof value.type === 'string')
    return { source: 'resourceJson', list: [value], warnings: [] };
  return fail(`This is ${describeInput(value)}, not a deployment. ${EXPECTED}`);
}

/** Reads the input's resources, each once, with those that can't be read listed as skipped. */
export function collectResources(value: unknown): Collected | ImportFailure {
  const raw = rawResources(value);
  if (!('list' in raw)) return raw;
  const seen = new Map<string, ArmResource>();
  const skipped: Skipped[] = [];
  const nestedOnly = new Set<string>();
  const add = (resource: ArmResource, nested: boolean) => {
    const key = idKey(resource.id);
    if (seen.has(key)) {
      // A child both nested in its parent and listed on its own is one resource: the one listed on its own is kept.
      if (nested) return;
      if (nestedOnly.delete(key)) seen.set(key, resource);
      else skipped.push({ resourceId: resource.id, reason: 'It is in the input twice; the first was read.' });
      return;
    }
    seen.set(key, resource);
    if (nested) nestedOnly.add(key);
  };
  raw.list.forEach((item, i) => {
    if (!isRecord(item) || typeof item.id !== 'string' || typeof item.type !== 'string') {
      const id = isRecord(item) && typeof item.id === 'string' ? item.id : `item ${i + 1} of the list`;
      skipped.push({
        resourceId: id,
        reason: 'It has no "id" and "type", so it is not an Azure resource as ARM returns one.',
      });
      return;
    }
    const resource = { ...item, name: typeof item.name === 'string' ? item.name : '' } as ArmResource;
    add(resource, false);
    for (const n of NESTED) {
      if (resource.type.toLowerCase() !== n.parent) continue;
      const children = resource.properties?.[n.key];
      if (!Array.isArray(children)) continue;
      for (const child of children)
        if (isRecord(child) && typeof child.id === 'string' && parentId(child.id) !== null)
          add({ ...child, name: typeof child.name === 'string' ? child.name : '', type: n.type } as ArmResource, true);
    }
  });
  if (seen.size === 0 && skipped.length === 0) return fail(`The input holds no resource. ${EXPECTED}`);
  return { ok: true, source: raw.source, resources: [...seen.values()], skipped, warnings: raw.warnings };
}
