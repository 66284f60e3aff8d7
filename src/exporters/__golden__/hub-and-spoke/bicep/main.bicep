// Plan "Contoso orders: hub and spoke": Azure Database for PostgreSQL flexible server, private access (VNet integration).
// Deploy: az deployment group create --subscription 00000000-0000-0000-0000-0000000000a1 --resource-group 'rg-orders-data' --template-file main.bicep --parameters main.bicepparam (set PGADMIN_PASSWORD first)

metadata resourceGroup = 'rg-orders-data'

@description('Azure region of the servers and the network resources (the plan\'s region).')
param location string = 'westeurope'

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string = subscription().subscriptionId

@description('Resource group the deployment targets, for the resources the plan puts in rg-orders-data (default: the deployment\'s).')
param resourceGroupName string = resourceGroup().name

@description('Name of server 1 (globally unique; becomes <name>.postgres.database.azure.com).')
param serverName string = 'pg-contoso-orders'

@description('Compute size.')
param skuName string = 'Standard_D2ds_v5'

@description('Compute tier (high availability needs GeneralPurpose or MemoryOptimized).')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string = 'GeneralPurpose'

@description('Storage size in GiB.')
param storageSizeGB int = 32

@description('Administrator login name.')
param administratorLogin string = 'pgadmin'

@description('Administrator password (never stored in the template).')
@secure()
param administratorLoginPassword string

module deployVnetOrdersData 'modules/pgflex-vnet-orders-data.bicep' = {
  name: 'pgflex-vnet-orders-data'
  scope: resourceGroup(subscriptionId, 'rg-orders-network')
  params: {
    location: location
    subscriptionId: subscriptionId
  }
}

module deployDnsZone 'modules/pgflex-dns-zone.bicep' = {
  name: 'pgflex-dns-zone'
  scope: resourceGroup(subscriptionId, 'rg-hub-dns')
  params: {
    subscriptionId: subscriptionId
  }
  dependsOn: [
    deployVnetOrdersData
  ]
}

module deployPeeringsRgHubNetwork 'modules/pgflex-peerings-rg-hub-network.bicep' = {
  name: 'pgflex-peerings-rg-hub-network'
  scope: resourceGroup(subscriptionId, 'rg-hub-network')
  params: {
    subscriptionId: subscriptionId
  }
  dependsOn: [
    deployVnetOrdersData
  ]
}

module deployPeeringsRgSpoke2 'modules/pgflex-peerings-rg-spoke-2.bicep' = {
  name: 'pgflex-peerings-rg-spoke-2'
  scope: resourceGroup(subscriptionId, 'rg-spoke-2')
  params: {
    subscriptionId: subscriptionId
  }
  dependsOn: [
    deployVnetOrdersData
  ]
}

module deployPeeringVnetOrdersDataToVnetHub 'modules/pgflex-peering-vnet-orders-data-to-vnet-hub.bicep' = {
  name: 'pgflex-peering-vnet-orders-data-to-vnet-hub'
  scope: resourceGroup(subscriptionId, 'rg-orders-network')
  params: {
    subscriptionId: subscriptionId
  }
  dependsOn: [
    deployVnetOrdersData
    deployPeeringsRgHubNetwork
  ]
}

resource server1 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: serverName
  location: location
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: '17'
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: storageSizeGB
    }
    highAvailability: {
      mode: 'ZoneRedundant'
    }
    network: {
      delegatedSubnetResourceId: resourceId(subscriptionId, 'rg-orders-network', 'Microsoft.Network/virtualNetworks/subnets', 'vnet-orders-data', 'snet-postgres')
      privateDnsZoneArmResourceId: resourceId(subscriptionId, 'rg-hub-dns', 'Microsoft.Network/privateDnsZones', 'contoso-orders.private.postgres.database.azure.com')
      publicNetworkAccess: 'Disabled'
    }
  }
  dependsOn: [
    deployDnsZone
    deployVnetOrdersData
    deployPeeringVnetOrdersDataToVnetHub
    deployPeeringsRgHubNetwork
  ]
}

resource server1Config1 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2025-08-01' = {
  name: format('{0}/{1}', serverName, 'require_secure_transport')
  properties: {
    value: 'on'
    source: 'user-override'
  }
  dependsOn: [
    server1
  ]
}

resource server1Config2 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2025-08-01' = {
  name: format('{0}/{1}', serverName, 'ssl_min_protocol_version')
  properties: {
    value: 'TLSv1.2'
    source: 'user-override'
  }
  dependsOn: [
    server1Config1
  ]
}

output serverFqdn string = reference(resourceId(subscriptionId, resourceGroupName, 'Microsoft.DBforPostgreSQL/flexibleServers', serverName)).fullyQualifiedDomainName
output serverResourceId string = resourceId(subscriptionId, resourceGroupName, 'Microsoft.DBforPostgreSQL/flexibleServers', serverName)
