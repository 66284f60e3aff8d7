/**
 * Azure's public regions: the programmatic name that templates, the Azure CLI and service tags use
 * (`westeurope`) and the display name the portal shows (`West Europe`). Plans hold programmatic
 * names (PGN-010); a display name is converted when a plan is read and when a region field is left.
 */

export interface AzureRegion {
  /** Programmatic name, e.g. `westeurope`. */
  readonly name: string;
  /** Display name, e.g. `West Europe`. */
  readonly displayName: string;
}

/**
 * Display names of Azure's public regions, in the order of their programmatic names. A programmatic
 * name is its display name in lower case without spaces, so the table holds display names only.
 * Source: Microsoft Learn "Azure regions list" (https://learn.microsoft.com/azure/reliability/regions-list),
 * Region and Programmatic name columns; Jio India Central and West from `az account list-locations`.
 */
const DISPLAY_NAMES =
  'Australia Central,Australia Central 2,Australia East,Australia Southeast,Austria East,Belgium Central,' +
  'Brazil South,Brazil Southeast,Canada Central,Canada East,Central India,Central US,Chile Central,East Asia,' +
  'East US,East US 2,France Central,France South,Germany North,Germany West Central,Indonesia Central,' +
  'Israel Central,Italy North,Japan East,Japan West,Jio India Central,Jio India West,Korea Central,Korea South,' +
  'Malaysia West,Mexico Central,New Zealand North,North Central US,North Europe,Norway East,Norway West,' +
  'Poland Central,Qatar Central,South Africa North,South Africa West,South Central US,Southeast Asia,' +
  'South India,Spain Central,Sweden Central,Switzerland North,Switzerland West,UAE Central,UAE North,' +
  'UK South,UK West,West Central US,West Europe,West India,West US,West US 2,West US 3';

/**
 * The lookup key of a region as someone may write it: without the portal's `(Europe) ` group prefix,
 * without white space, in lower case. `West Europe`, `WestEurope` and `west europe` all give `westeurope`.
 */
const keyOf = (input: string): string =>
  input
    .replace(/^\s*\([^)]*\)/, '')
    .replace(/\s+/g, '')
    .toLowerCase();

/** Every public region, sorted by programmatic name. */
export const REGION_CATALOG: readonly AzureRegion[] = DISPLAY_NAMES.split(',').map((displayName) => ({
  name: keyOf(displayName),
  displayName,
}));

/** The programmatic names, for suggestions and the regional service tags (PGN-125). */
export const AZURE_REGIONS: readonly string[] = REGION_CATALOG.map((r) => r.name);

const BY_KEY: ReadonlyMap<string, AzureRegion> = new Map(REGION_CATALOG.map((r) => [r.name, r]));

/**
 * The catalog entry for a programmatic or display name, compared without regard to case or spaces
 * (`West Europe`, `westeurope`, `WestEurope`, `west europe`, `(Europe) West Europe`); undefined when
 * the text names no Azure region.
 */
export function regionByName(input: string): AzureRegion | undefined {
  return BY_KEY.get(keyOf(input));
}

/** The programmatic name of the region `input` names, or `input` unchanged when it names none. */
export function normalizeRegion(input: string): string {
  return regionByName(input)?.name ?? input;
}

/** Longer text is not compared with the catalog: no region name comes near it. */
const SUGGEST_MAX_LENGTH = 40;

/** Edit distance (insertions, deletions, substitutions) between two short strings. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The catalog region closest to a misspelt name (`westeurop`, `west-europe`, `eastus-2`), or undefined
 * when none is close: at most one edit per four characters of the name, and at least one.
 */
export function closestRegion(input: string): AzureRegion | undefined {
  const key = keyOf(input);
  if (key === '' || key.length > SUGGEST_MAX_LENGTH) return undefined;
  const allowed = Math.max(1, Math.floor(key.length / 4));
  let best: AzureRegion | undefined;
  let bestDistance = allowed + 1;
  for (const region of REGION_CATALOG) {
    const d = distance(key, region.name);
    if (d < bestDistance) {
      best = region;
      bestDistance = d;
    }
  }
  return best;
}
