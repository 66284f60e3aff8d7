/**
 * A public-access plan with a private endpoint in a hub (the shape of Microsoft's hub-and-spoke pattern for private
 * endpoints, private-endpoint-facts §3.3): the example `examples/private-endpoint-hub.json`, with the server's public
 * network access off, one endpoint in the hub's endpoint subnet, the `privatelink.` zone linked to the hub, a spoke
 * resolving through the hub's DNS Private Resolver, and an office on ExpressRoute whose DNS forwards
 * `postgres.database.azure.com` to the resolver's inbound endpoint.
 */
import type { Plan } from '../plan';
import { examplePlan } from './examples';

export function privateEndpointHubPlan(): Plan {
  return examplePlan('private-endpoint-hub');
}
