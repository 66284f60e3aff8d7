/**
 * What an export deploys, one resource operation at a time, in terms every format shares: the resource's ARM ID,
 * type, scope, action and the properties Azure checks at creation time. The Azure CLI exporter writes its script
 * from a list of these steps; the deployment dry run (`src/deploy`) reads every format's artefacts into them.
 */

/** What a step does to its resource. */
export type StepAction =
  /** PUT of a resource the deployment owns (created, or converged on a second run). */
  | 'create'
  /** PUT of a resource that already exists (e.g. an existing subnet updated with its delegation). */
  | 'update'
  /** Read only: an `existing` resource (Bicep), a `data` source (Terraform), a `show` (az), a `reference()` (ARM). */
  | 'read';

/** Where the step's resource lives, resolved from the artefact's parameters, variables and defaults. */
export interface StepScope {
  /**
   * The subscription ID as the artefact builds it: `''` when it is the deployment's own (`subscription()`, the
   * provider's default, the az login's current one), otherwise the resolved value (which must be a GUID).
   */
  subscription: string;
  /** The resource group, resolved; `''` when it is the deployment's target group. */
  resourceGroup: string;
}

/** A reference from one resource to another, by full ARM resource ID (resolved; case-insensitive). */
export type ResourceId = string;

/**
 * The properties the modelled checks read, normalised across formats (ARM property names, ARM value shapes).
 * A reader fills what its artefact says and leaves the rest undefined.
 */
export interface StepProps {
  /** virtualNetworks: the address spaces and custom DNS servers. */
  addressPrefixes?: string[];
  dnsServers?: string[];
  /** subnets: prefix, delegations (service names), NSG and route table IDs, service endpoints. */
  addressPrefix?: string;
  delegations?: string[];
  networkSecurityGroup?: ResourceId;
  routeTable?: ResourceId;
  serviceEndpoints?: string[];
  /**
   * subnets that exist already: true when the artefact carries over the live subnet's properties that the plan
   * doesn't own (read from Azure at deployment time), false when the PUT would replace them.
   */
  preservesLiveProperties?: boolean;
  /** virtualNetworkPeerings: the remote VNet and the flags Azure checks. */
  remoteVirtualNetwork?: ResourceId;
  allowForwardedTraffic?: boolean;
  allowGatewayTransit?: boolean;
  useRemoteGateways?: boolean;
  /** privateDnsZones/virtualNetworkLinks: the linked VNet. */
  virtualNetwork?: ResourceId;
  /** privateEndpoints: the subnet it sits in and the server it connects to; a zone group's zone is `privateDnsZone`. */
  subnet?: ResourceId;
  privateLinkServiceId?: ResourceId;
  /** flexibleServers: the network block and zones. */
  delegatedSubnet?: ResourceId;
  privateDnsZone?: ResourceId;
  publicNetworkAccess?: 'Enabled' | 'Disabled';
  availabilityZone?: string;
  standbyAvailabilityZone?: string;
  highAvailability?: string;
}

/** One step of the Azure CLI script: the resource operation and the commands that perform it. */
export interface ScriptStep {
  id: ResourceId;
  type: string;
  name: string;
  action: StepAction;
  scope: StepScope;
  location?: string;
  props: StepProps;
  /** The shell text of the step, as `deploy.sh` writes it. */
  commands: string;
}
