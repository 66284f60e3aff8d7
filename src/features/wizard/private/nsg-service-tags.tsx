/**
 * The service tags an NSG rule's source or destination may name, offered as suggestions (a datalist):
 * the common ones first, the regional forms for the server's region next, then every other tag Azure
 * knows. The list is NSG_SERVICE_TAGS (domain/azure.ts: Microsoft Learn "Azure service tags overview",
 * "Available service tags"), the same list PGN-125 checks the fields against.
 */
import { NSG_SERVICE_TAGS } from '../../../domain/azure';
import { regionByName } from '../../../domain/regions';

/** The tags people use most with a database subnet, shown first. */
const COMMON = [
  'VirtualNetwork',
  'AzureLoadBalancer',
  'Internet',
  'AzureCloud',
  'Storage',
  'Sql',
  'AzureActiveDirectory',
  'AzureMonitor',
  'AzureKeyVault',
];

/** The suggestions, in the order shown: `*`, the common tags, their regional forms, then the others. */
export function serviceTagSuggestions(region: string): string[] {
  const known = regionByName(region)?.name;
  const all = [...NSG_SERVICE_TAGS.values()];
  const common = COMMON.map((name) => NSG_SERVICE_TAGS.get(name.toLowerCase())).filter((t) => t !== undefined);
  const regional = known === undefined ? [] : common.filter((t) => t.regional).map((t) => `${t.name}.${known}`);
  const others = all
    .filter((t) => !COMMON.includes(t.name))
    .map((t) => t.name)
    .sort((a, b) => a.localeCompare(b));
  return ['*', ...common.map((t) => t.name), ...regional, ...others];
}

export function ServiceTagList({ id, region }: { id: string; region: string }) {
  return (
    <datalist id={id}>
      {serviceTagSuggestions(region).map((tag) => (
        <option key={tag} value={tag} />
      ))}
    </datalist>
  );
}
