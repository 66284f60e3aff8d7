/**
 * ARM resource IDs as Azure returns them: `/subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}…`.
 * Azure compares IDs without regard to case (resource names are case-insensitive: facts §2.6), so the importer keys
 * every resource by its lower-cased ID and keeps the spelling Azure gave for the plan.
 */

export interface ResourceIdParts {
  readonly subscription: string;
  readonly resourceGroup: string;
  /** `Microsoft.Network/virtualNetworks/subnets`. */
  readonly type: string;
  /** One name per type segment: `['vnet-hub', 'snet-app']`. */
  readonly names: readonly string[];
}

const ID = /^\/subscriptions\/([^/]*)\/resourcegroups\/([^/]*)\/providers\/([^/]+)((?:\/[^/]+\/[^/]+)+)\/?$/i;

/** The parts of a resource-group-scoped resource ID, or null when the text isn't one. */
export function parseArmId(id: string): ResourceIdParts | null {
  const m = ID.exec(id.trim());
  if (m === null) return null;
  const pairs = (m[4] as string).slice(1).split('/');
  const types: string[] = [];
  const names: string[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    types.push(pairs[i] as string);
    names.push(decodeURIComponent(pairs[i + 1] as string));
  }
  return {
    subscription: m[1] as string,
    resourceGroup: m[2] as string,
    type: [m[3] as string, ...types].join('/'),
    names,
  };
}

/** The key two spellings of one resource ID share. */
export const idKey = (id: string): string => id.trim().replace(/\/+$/, '').toLowerCase();

/** The ID of the parent resource (`…/virtualNetworks/v/subnets/s` → `…/virtualNetworks/v`), or null at the top. */
export function parentId(id: string): string | null {
  const parts = parseArmId(id);
  if (parts === null || parts.names.length < 2) return null;
  return id
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/[^/]+\/[^/]+$/, '');
}

/** The last name of the ID (`…/subnets/snet-app` → `snet-app`), or the ID itself when it isn't one. */
export const lastName = (id: string): string => parseArmId(id)?.names.at(-1) ?? id;

/** Whether `type` names the same resource type as `expected` (types are case-insensitive). */
export const isType = (type: unknown, expected: string): boolean =>
  typeof type === 'string' && type.toLowerCase() === expected.toLowerCase();
