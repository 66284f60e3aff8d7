import { AZURE_REGIONS } from '../../../domain/azure';

/** Region suggestions for the `list` attribute of region inputs on the private-access steps. */
export const REGION_LIST_ID = 'azure-regions-private';

export function RegionList() {
  return (
    <datalist id={REGION_LIST_ID}>
      {AZURE_REGIONS.map((r) => (
        <option key={r} value={r} />
      ))}
    </datalist>
  );
}
