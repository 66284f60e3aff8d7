/** The deployed resource behind a plan path, from an import's `resourceIds` (plan path → ARM ID). */

/** The ID of the plan object at `path` or, failing that, of the nearest object that holds it. */
export function liveResourceAt(resourceIds: Readonly<Record<string, string>>, path: string): string | undefined {
  // A VNet's link to the private DNS zone is a child of the zone: the zone is what to change.
  if (path.endsWith('.zoneLink') && resourceIds['access.privateDnsZone'] !== undefined)
    return resourceIds['access.privateDnsZone'];
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const id = resourceIds[parts.slice(0, n).join('.')];
    if (id !== undefined && id !== '') return id;
  }
  return undefined;
}
