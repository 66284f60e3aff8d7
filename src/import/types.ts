/**
 * What is deployed, as the planner reads it: an inventory bundle (what the inventory script collects), a template
 * from the portal's "Export template", or resource JSON copied from a portal "JSON view". Every resource keeps the
 * shape that Azure Resource Manager's GET returns (which `az … show` and Resource Graph rows also give).
 */
import type { Plan } from '../domain/plan';

/** The `format` of an inventory bundle. */
export const INVENTORY_FORMAT = 'pgflex-netplan-inventory';
/** The bundle version this planner writes and reads. */
export const INVENTORY_VERSION = 1;

/** A resource as ARM's GET returns it: `id`, `name`, `type`, usually `location` and `properties`. */
export interface ArmResource {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly location?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

/** What the inventory script was asked to collect. */
interface InventoryScope {
  readonly subscription: string;
  readonly resourceGroup: string;
  readonly server: string;
  /** How many peering hops from the server VNet were followed. */
  readonly peeringDepth: number;
}

/** The inventory script's output. */
export interface InventoryBundle {
  readonly format: typeof INVENTORY_FORMAT;
  readonly version: typeof INVENTORY_VERSION;
  /** ISO 8601 time of collection. */
  readonly collectedAt: string;
  readonly scope: InventoryScope;
  /** ARM resources; a `list` command's output (an array of them) may stand as one element. */
  readonly resources: readonly (ArmResource | readonly ArmResource[])[];
}

/** Where the imported text came from. */
export type ImportSource = 'bundle' | 'armTemplate' | 'resourceJson';

/** Something deployed that the plan has no place for: a whole resource, or one property of a resource. */
export interface NotModelled {
  /** The resource's ID, as Azure gave it. */
  readonly resourceId: string;
  readonly type: string;
  /** `resource` for the whole resource, else the property path inside it (`properties.natGateway`). */
  readonly what: string;
  /** Why the plan does not hold it, and what that means for the checks. */
  readonly why: string;
}

/** A resource that could not be read, and why. */
export interface Skipped {
  readonly resourceId: string;
  readonly reason: string;
}

export interface ImportSuccess {
  readonly ok: true;
  readonly source: ImportSource;
  /** A format-2 plan: every object marked existing, names, resource groups and subscriptions as deployed. */
  readonly plan: Plan;
  /** The ARM resource ID of each plan object read from one, by the object's dotted plan path. */
  readonly resourceIds: Readonly<Record<string, string>>;
  readonly notModelled: readonly NotModelled[];
  readonly skipped: readonly Skipped[];
  /** Things the user should know (e.g. a custom DNS server whose forwarding can't be seen from Azure). */
  readonly warnings: readonly string[];
}

export interface ImportFailure {
  readonly ok: false;
  /** What was wrong and where, in words the user can act on. */
  readonly message: string;
}

export type ImportResult = ImportSuccess | ImportFailure;
