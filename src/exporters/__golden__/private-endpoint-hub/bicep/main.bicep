// Plan "Contoso ledger: private endpoint in the hub": Azure Database for PostgreSQL flexible server, public access (allowed IP addresses).
// Deploy: az deployment group create --subscription 00000000-0000-0000-0000-0000000000a1 --resource-group 'rg-ledger-data' --template-file main.bicep --parameters main.bicepparam (set PGADMIN_PASSWORD first)

metadata resourceGroup = 'rg-ledger-data'

@description('Azure region of the servers and the network resources (the plan\'s region).')
param location string = 'westeurope'

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string = subscription().subscriptionId

@description('Resource group the deployment targets, for the resources the plan puts in rg-ledger-data (default: the deployment\'s).')
param resourceGroupName string = resourceGroup().name

@description('Name of server 1 (globally unique; becomes <name>.postgres.database.azure.com).')
param serverName string = 'pg-contoso-ledger'

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

module deployDnsZone 'modules/pgflex-dns-zone.bicep' = {
  name: 'pgflex-dns-zone'
  scope: resourceGroup(subscriptionId, 'rg-connectivity')
  params: {
    subscriptionId: subscriptionId
  }
}

module deployPeeringVnetSpokeLedgerAppToVnetHub 'modules/pgflex-peering-vnet-spoke-ledger-app-to-vnet-hub.bicep' = {
  name: 'pgflex-peering-vnet-spoke-ledger-app-to-vnet-hub'
  scope: resourceGroup(subscriptionId, 'rg-ledger-app')
  params: {
    subscriptionId: subscriptionId
  }
  dependsOn: [
    deployDnsZone
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
      publicNetworkAccess: 'Disabled'
    }
  }
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

module deployPrivateEndpointPePgContosoLedger 'modules/pgflex-private-endpoint-pe-pg-contoso-ledger.bicep' = {
  name: 'pgflex-private-endpoint-pe-pg-contoso-ledger'
  scope: resourceGroup(subscriptionId, 'rg-connectivity')
  params: {
    subscriptionId: subscriptionId
    resourceGroupName: resourceGroupName
    serverName: serverName
  }
  dependsOn: [
    server1Config2
    deployDnsZone
  ]
}

output serverFqdn string = reference(resourceId(subscriptionId, resourceGroupName, 'Microsoft.DBforPostgreSQL/flexibleServers', serverName)).fullyQualifiedDomainName
output serverResourceId string = resourceId(subscriptionId, resourceGroupName, 'Microsoft.DBforPostgreSQL/flexibleServers', serverName)
