/**
 * The checks Azure makes when a resource is created that the deployment dry run models, each with a stable id and
 * where it is documented. The engine (`engine.ts`) applies them; docs and the CLI list them from here.
 */
import type { Constraint } from './types';

const c = (id: string, title: string, source: string): Constraint => ({ id, title, source });

export const CONSTRAINTS = {
  gatewayTransit: c(
    'DRY-GATEWAY-TRANSIT',
    'A peering that uses the remote VNet’s gateway is created after the remote VNet’s peering back to it ' +
      'that allows gateway transit, and the remote VNet has a gateway.',
    'az CLI `network vnet peering create` help (--use-remote-gateways); MicrosoftDocs/azure-docs#18399; ' +
      'hashicorp/terraform-provider-azurerm#2872',
  ),
  oneRemoteGateway: c(
    'DRY-ONE-REMOTE-GATEWAY',
    'A VNet has at most one peering that uses a remote gateway, and none when it has a gateway of its own ' +
      '(as far as the plan tells which VNets have one).',
    'az CLI `network vnet peering create` help (--use-remote-gateways); spec/rules.md PGN-140',
  ),
  delegatedSubnet: c(
    'DRY-DELEGATED-SUBNET',
    'The subnet a server is created in exists and is delegated to Microsoft.DBforPostgreSQL/flexibleServers ' +
      'before the server is created.',
    'azure-facts.md §1.2 (D-priv), §2.2 (network.delegatedSubnetResourceId, "required during creation")',
  ),
  zoneAndLink: c(
    'DRY-ZONE-AND-LINK',
    'The private DNS zone exists before the server is created, and so does the zone’s link to the server VNet ' +
      '(Azure no longer checks the link, but without it the server’s name does not resolve in its VNet).',
    'azure-facts.md §1.4 (zone mandatory with a delegated subnet), §1.5 (link presence not validated; ' +
      'DNS is scoped per VNet)',
  ),
  peeringBeforeDns: c(
    'DRY-PEERING-BEFORE-DNS',
    'When the server VNet’s custom DNS servers are in another VNet, both peerings between the two VNets exist ' +
      'before the server is created, since it resolves names through them from its first boot; a zone link to ' +
      'another VNet needs no peering at creation.',
    'azure-facts.md §1.5 (custom DNS server inside the VNet or reachable via its DNS setting; zone settings ' +
      'and peering are independent), §2.4 (one peering resource per direction)',
  ),
  nsgAndRouteTable: c(
    'DRY-NSG-ROUTE-TABLE',
    'The network security group and the route table a subnet refers to exist before the subnet refers to them.',
    'azure-facts.md §2.4 (subnet networkSecurityGroup.id, routeTable.id are references to existing resources)',
  ),
  peeringRemote: c(
    'DRY-PEERING-REMOTE',
    'A peering is created once the remote VNet it points to exists, whichever two VNets of the plan it joins.',
    'azure-facts.md §2.4 (virtualNetworkPeerings: properties.remoteVirtualNetwork.id, a reference to the remote ' +
      'VNet; one resource per direction)',
  ),
  parentFirst: c(
    'DRY-PARENT-FIRST',
    'A child resource (subnet, peering, zone link, server configuration or firewall rule) is created after its ' +
      'parent exists, and a step that changes a resource comes after that resource exists.',
    'azure-facts.md §2.3, §2.4, §2.5 (child resource types are named parent/child)',
  ),
  readExisting: c(
    'DRY-READ-EXISTING',
    'A resource the deployment reads (ARM reference(), Bicep existing, a Terraform data source, az show) ' +
      'exists when it is read.',
    'https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#reference',
  ),
  existingPreserved: c(
    'DRY-EXISTING-PRESERVED',
    'A resource that exists already is referenced, never re-created, and updated only with its live ' +
      'properties carried over (a PUT replaces what it leaves out, such as a subnet’s route table or NSG).',
    'azure-facts.md §2.4 (a subnet PUT carries addressPrefix, delegations, NSG, route table, NAT gateway, ' +
      'service endpoints); spec/plan.md (existing VNets and subnets are context)',
  ),
  guidSubscription: c(
    'DRY-GUID-SUBSCRIPTION',
    'Every resource ID and deployment scope uses a subscription ID (a GUID) or the deployment’s own ' +
      'subscription, never a subscription name.',
    'azure-facts.md §2.2 (network.* are ARM resource IDs, /subscriptions/{id}/…); ' +
      'https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#resourceid',
  ),
  region: c(
    'DRY-REGION',
    'Every resource is deployed to the region of its plan object (a server to its own region, a VNet and its ' +
      'NSG to the VNet’s, private DNS zones and links to "global").',
    'azure-facts.md §1.3 (the VNet is in the server’s region), §2.5 (zones and links use "global")',
  ),
  endpointTarget: c(
    'DRY-ENDPOINT-TARGET',
    'A private endpoint is created after the server it connects to exists.',
    'private-endpoint-facts.md §2.1 (privateLinkServiceId: the server’s ID), §1.1 (a server takes private ' +
      'endpoints once it is Available)',
  ),
  endpointZone: c(
    'DRY-ENDPOINT-ZONE',
    'A private endpoint’s DNS zone group is created after its endpoint and the private DNS zone it points to.',
    'private-endpoint-facts.md §2.1 (privateDnsZoneGroups: a child of the endpoint; privateDnsZoneId: the zone’s ' +
      'ID), §1.3',
  ),
  endpointSubnet: c(
    'DRY-ENDPOINT-SUBNET',
    'A private endpoint sits in an existing subnet that is not delegated to a service.',
    'private-endpoint-facts.md §1.6 (no endpoint in the PostgreSQL-delegated subnet); azure-facts.md §1.2 (a ' +
      'delegated subnet holds only the service’s resources)',
  ),
  endpointRegion: c(
    'DRY-ENDPOINT-REGION',
    'A private endpoint is deployed to its VNet’s region.',
    'private-endpoint-facts.md §1.6 (same region and subscription as its VNet; InvalidResourceReference)',
  ),
} as const satisfies Record<string, Constraint>;

/** Every modelled constraint, in the order the engine checks a step. */
export const CONSTRAINT_LIST: readonly Constraint[] = Object.values(CONSTRAINTS);
