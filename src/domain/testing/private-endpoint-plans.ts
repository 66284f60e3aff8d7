/**
 * A public-access plan with a private endpoint in a hub (the shape of Microsoft's hub-and-spoke pattern for private
 * endpoints, private-endpoint-facts §3.3): the server's public network access off, one endpoint in the hub's endpoint
 * subnet, the `privatelink.` zone linked to the hub, a spoke resolving through the hub's DNS Private Resolver, and
 * an office on ExpressRoute whose DNS forwards `postgres.database.azure.com` to the resolver's inbound endpoint.
 */
import { readFileSync } from 'node:fs';
import { readPlanDocument } from '../parse';
import type { Plan } from '../plan';

const PRIVATE_ENDPOINT_HUB_FILE = new URL('./private-endpoint-hub.json', import.meta.url);

export function privateEndpointHubPlan(): Plan {
  const read = readPlanDocument(JSON.parse(readFileSync(PRIVATE_ENDPOINT_HUB_FILE, 'utf8')));
  if (!read.ok) throw new Error(`private-endpoint-hub.json: ${read.error.message}`);
  return read.plan;
}
