// Plan "Fabrikam payments: hub and spoke through Azure Firewall": Azure Database for PostgreSQL flexible server, private access (VNet integration).
// Deploy: az deployment group create --subscription 00000000-0000-0000-0000-0000000000a1 --resource-group 'rg-payments-data' --template-file main.bicep --parameters main.bicepparam (set PGADMIN_PASSWORD first)
// Note: The existing subnet snet-app of vnet-payments-app is associated with the route table rt-payments-app in place; everything else it has stays as it is.
// Note: The existing subnet GatewaySubnet of vnet-hub is associated with the route table rt-hub-gateway in place; everything else it has stays as it is.

metadata resourceGroup = 'rg-payments-data'

@description('Azure region of the servers and the network resources (the plan\'s region).')
param location string = 'westeurope'

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string = subscription().subscriptionId

@description('Resource group the deployment targets, for the resources the plan puts in rg-payments-data (default: the deployment\'s).')
param resourceGroupName string = resourceGroup().name

@description('Name of server 1 (globally unique; becomes <name>.postgres.database.azure.com).')
param serverName string = 'pg-fabrikam-payments'

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

module deployRouteTableRtPaymentsData 'modules/pgflex-route-table-rt-payments-data.bicep' = {
  name: 'pgflex-route-table-rt-payments-data'
  scope: resourceGroup(subscriptionId, 'rg-payments-network')
  params: {
    location: location
    subscriptionId: subscriptionId
  }
}

module deployRouteTableRtPaymentsApp 'modules/pgflex-route-table-rt-payments-app.bicep' = {
  name: 'pgflex-route-table-rt-payments-app'
  scope: resourceGroup(subscriptionId, 'rg-payments-app')
  params: {
    subscriptionId: subscriptionId
  }
}

module deployRouteTableRtHubGateway 'modules/pgflex-route-table-rt-hub-gateway.bicep' = {
  name: 'pgflex-route-table-rt-hub-gateway'
  scope: resourceGroup(subscriptionId, 'rg-hub-network')
  params: {
    subscriptionId: subscriptionId
  }
}

module deployVnetPaymentsData 'modules/pgflex-vnet-payments-data.bicep' = {
  name: 'pgflex-vnet-payments-data'
  scope: resourceGroup(subscriptionId, 'rg-payments-network')
  params: {
    location: location
    subscriptionId: subscriptionId
  }
  dependsOn: [
    deployRouteTableRtPaymentsData
  ]
}

resource livePeered2Vnet 'Microsoft.Network/virtualNetworks@2025-07-01' existing = {
  name: 'vnet-payments-app'
  scope: resourceGroup(subscriptionId, 'rg-payments-app')
}

resource liveRoutedSubnet1 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' existing = {
  parent: livePeered2Vnet
  name: 'snet-app'
}

module deploySubnetVnetPaymentsAppSnetApp 'modules/pgflex-subnet-vnet-payments-app-snet-app.bicep' = {
  name: 'pgflex-subnet-vnet-payments-app-snet-app'
  scope: resourceGroup(subscriptionId, 'rg-payments-app')
  params: {
    subscriptionId: subscriptionId
    liveSubnetProperties: liveRoutedSubnet1.properties
  }
  dependsOn: [
    deployRouteTableRtPaymentsApp
  ]
}

resource livePeered1Vnet 'Microsoft.Network/virtualNetworks@2025-07-01' existing = {
  name: 'vnet-hub'
  scope: resourceGroup(subscriptionId, 'rg-hub-network')
}

resource liveRoutedSubnet2 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' existing = {
  parent: livePeered1Vnet
  name: 'GatewaySubnet'
}

module deploySubnetVnetHubGatewaySubnet 'modules/pgflex-subnet-vnet-hub-GatewaySubnet.bicep' = {
  name: 'pgflex-subnet-vnet-hub-GatewaySubnet'
  scope: resourceGroup(subscriptionId, 'rg-hub-network')
  params: {
    subscriptionId: subscriptionId
    liveSubnetProperties: liveRoutedSubnet2.properties
  }
  dependsOn: [
    deployRouteTableRtHubGateway
  ]
}

module deployDnsZone 'modules/pgflex-dns-zone.bicep' = {
  name: 'pgflex-dns-zone'
  scope: resourceGroup(subscriptionId, 'rg-hub-dns')
  params: {
    subscriptionId: subscriptionId
  }
  dependsOn: [
    deployVnetPaymentsData
  ]
}

module deployPeeringsRgHubNetwork 'modules/pgflex-peerings-rg-hub-network.bicep' = {
  name: 'pgflex-peerings-rg-hub-network'
  scope: resourceGroup(subscriptionId, 'rg-hub-network')
  params: {
    subscriptionId: subscriptionId
  }
  dependsOn: [
    deployVnetPaymentsData
    deploySubnetVnetHubGatewaySubnet
  ]
}

module deployPeeringVnetPaymentsAppToVnetHub 'modules/pgflex-peering-vnet-payments-app-to-vnet-hub.bicep' = {
  name: 'pgflex-peering-vnet-payments-app-to-vnet-hub'
  scope: resourceGroup(subscriptionId, 'rg-payments-app')
  params: {
    subscriptionId: subscriptionId
  }
  dependsOn: [
    deploySubnetVnetPaymentsAppSnetApp
    deployPeeringsRgHubNetwork
  ]
}

module deployPeeringVnetPaymentsDataToVnetHub 'modules/pgflex-peering-vnet-payments-data-to-vnet-hub.bicep' = {
  name: 'pgflex-peering-vnet-payments-data-to-vnet-hub'
  scope: resourceGroup(subscriptionId, 'rg-payments-network')
  params: {
    subscriptionId: subscriptionId
  }
  dependsOn: [
    deployVnetPaymentsData
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
      mode: 'Disabled'
    }
    network: {
      delegatedSubnetResourceId: resourceId(subscriptionId, 'rg-payments-network', 'Microsoft.Network/virtualNetworks/subnets', 'vnet-payments-data', 'snet-postgres')
      privateDnsZoneArmResourceId: resourceId(subscriptionId, 'rg-hub-dns', 'Microsoft.Network/privateDnsZones', 'fabrikam-payments.private.postgres.database.azure.com')
      publicNetworkAccess: 'Disabled'
    }
  }
  dependsOn: [
    deployDnsZone
    deployVnetPaymentsData
    deployPeeringVnetPaymentsDataToVnetHub
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
