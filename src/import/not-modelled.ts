/** The resources of the input that the plan took nothing from, each listed with why: nothing is dropped silently. */
import { idKey, isType, parentId } from './arm-id';
import { READ_TYPES, T, UNMODELLED_TYPES } from './arm-types';
import type { Reading } from './reading';
import type { ArmResource } from './types';

/** Why a resource of a type the importer reads was not read. */
function notRead(resource: ArmResource, server: ArmResource): string {
  if (isType(resource.type, T.server))
    return 'The import reads one server at a time: import this one by its name to plan for it.';
  if (isType(resource.type, T.zone) || isType(resource.type, T.zoneLink))
    return `Server ${server.name} doesn't use this private DNS zone, so it was not read.`;
  if (isType(resource.type, T.endpoint))
    return `Not a private endpoint of server ${server.name} (group postgresqlServer), so not read.`;
  return `Not connected to server ${server.name}'s network in the input, so not read.`;
}

/** Lists every resource the plan took nothing from, and the server's own properties it has no place for. */
export function listNotModelled(reading: Reading, server: ArmResource): void {
  const otherServers = new Set(
    reading
      .ofType(T.server)
      .filter((s) => s !== server)
      .map((s) => idKey(s.id)),
  );
  let parameters = 0;
  for (const r of reading.all()) {
    if (reading.isUsed(r) || otherServers.has(idKey(parentId(r.id) ?? ''))) continue;
    if (!READ_TYPES.has(r.type.toLowerCase()))
      reading.notHeld(
        r,
        'resource',
        UNMODELLED_TYPES[r.type.toLowerCase()] ?? `The plan has no place for a ${r.type}.`,
      );
    else if (isType(r.type, T.configuration) && idKey(parentId(r.id) ?? '') === idKey(server.id)) parameters += 1;
    else reading.notHeld(r, 'resource', notRead(r, server));
  }
  if (parameters > 0)
    reading.notHeld(
      server,
      'configurations',
      `${parameters} server parameter${parameters === 1 ? '' : 's'} other than the TLS ones: not part of the plan.`,
    );
}
