/**
 * The high-availability helper's Storage rule and its regional service tag, apart from the NSG templates so
 * that the Basics step (first screen) can make the tag follow the region without the address math.
 */
import { STORAGE_SERVICE_TAG } from './azure';
import type { NsgRule, Plan } from './plan';
import { regionByName } from './regions';

/**
 * The regional Storage service tag of a region, by its programmatic name (`West Europe` gives
 * `Storage.westeurope`, PGN-010); plain `Storage` when the region is empty or not one of Azure's. facts §1.6
 */
export function storageTagFor(region: string): string {
  const known = regionByName(region);
  return known === undefined ? STORAGE_SERVICE_TAG : `${STORAGE_SERVICE_TAG}.${known.name}`;
}

/** The description the high-availability helper gives its Storage rule: it marks the rules the helper made. */
export const HA_STORAGE_DESCRIPTION = 'High availability: log archival to Azure Storage over TCP 443.';

const REGIONAL_STORAGE_TAG = new RegExp(`^${STORAGE_SERVICE_TAG}\\.[^.]+$`, 'i');

/** True for the Storage rule the HA helper made: its description, outbound, one regional Storage tag. */
function isHelperStorageRule(rule: NsgRule): boolean {
  if (rule.description !== HA_STORAGE_DESCRIPTION || rule.direction !== 'Outbound') return false;
  const [only, ...more] = rule.destinationAddresses;
  return only !== undefined && more.length === 0 && REGIONAL_STORAGE_TAG.test(only);
}

/**
 * The plan with the Storage rule the HA helper made in the delegated subnet's NSG pointing at the first
 * server's region (`Storage.<region>`), so that the tag follows a change of region; the same plan
 * object when there is nothing to change, or when the region is not one of Azure's (yet: it is being
 * typed). Rules the user wrote are left alone, a tag for a replica's region among them.
 */
export function withHaStorageRegion(plan: Plan): Plan {
  const region = regionByName(plan.servers[0]?.region ?? '');
  const access = plan.access;
  const nsg = access.mode === 'private' ? access.delegatedSubnet.nsg : null;
  if (region === undefined || access.mode !== 'private' || nsg === null) return plan;
  const tag = storageTagFor(region.name);
  let changed = false;
  const rules = nsg.rules.map((rule) => {
    if (!isHelperStorageRule(rule) || rule.destinationAddresses[0] === tag) return rule;
    changed = true;
    return { ...rule, destinationAddresses: [tag] };
  });
  if (!changed) return plan;
  return { ...plan, access: { ...access, delegatedSubnet: { ...access.delegatedSubnet, nsg: { ...nsg, rules } } } };
}
