// Plan "Contoso orders: hub and spoke": Azure Database for PostgreSQL flexible server, private access (VNet integration).
// Deploy: az deployment group create --resource-group 'rg-orders-data' --template-file main.bicep --parameters main.bicepparam (set PGADMIN_PASSWORD first)

@description('Azure region of the servers and the network resources (the plan\'s region).')
param location string = 'westeurope'

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says contoso-prod).')
param subscriptionId string = subscription().subscriptionId

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

module networkDeployment1 'modules/pgflex-network-1.bicep' = {
  name: 'pgflex-network-1'
  scope: resourceGroup(subscriptionId, 'rg-orders-network')
  params: {
    location: location
    subscriptionId: subscriptionId
  }
}

module dnsDeployment1 'modules/pgflex-dns-1.bicep' = {
  name: 'pgflex-dns-1'
  scope: resourceGroup(subscriptionId, 'rg-hub-dns')
  params: {
    subscriptionId: subscriptionId
  }
  dependsOn: [
    networkDeployment1
  ]
}

module dnsDeployment2 'modules/pgflex-dns-2.bicep' = {
  name: 'pgflex-dns-2'
  scope: resourceGroup(subscriptionId, 'rg-hub-network')
  params: {
    subscriptionId: subscriptionId
  }
  dependsOn: [
    networkDeployment1
  ]
}

module dnsDeployment3 'modules/pgflex-dns-3.bicep' = {
  name: 'pgflex-dns-3'
  scope: resourceGroup(subscriptionId, 'rg-spoke-2')
  params: {
    subscriptionId: subscriptionId
  }
  dependsOn: [
    networkDeployment1
  ]
}

module serversDeployment1 'modules/pgflex-servers-1.bicep' = {
  name: 'pgflex-servers-1'
  scope: resourceGroup(subscriptionId, 'rg-orders-network')
  params: {
    subscriptionId: subscriptionId
  }
  dependsOn: [
    networkDeployment1
    dnsDeployment2
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
    dnsDeployment1
    networkDeployment1
    serversDeployment1
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

output serverFqdn string = reference(resourceId(subscriptionId, 'rg-orders-data', 'Microsoft.DBforPostgreSQL/flexibleServers', serverName)).fullyQualifiedDomainName
output serverResourceId string = resourceId(subscriptionId, 'rg-orders-data', 'Microsoft.DBforPostgreSQL/flexibleServers', serverName)
