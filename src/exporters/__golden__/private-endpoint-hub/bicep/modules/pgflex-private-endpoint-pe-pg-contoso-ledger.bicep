// Module pgflex-private-endpoint-pe-pg-contoso-ledger of the plan "Contoso ledger: private endpoint in the hub": deployed to resource group rg-connectivity.

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

@description('Resource group the deployment targets, for the resources the plan puts in rg-ledger-data (default: the deployment\'s).')
param resourceGroupName string

@description('Name of server 1 (globally unique; becomes <name>.postgres.database.azure.com).')
param serverName string

resource privateEndpoint1 'Microsoft.Network/privateEndpoints@2025-07-01' = {
  name: 'pe-pg-contoso-ledger'
  location: 'westeurope'
  properties: {
    subnet: {
      id: resourceId(subscriptionId, 'rg-connectivity', 'Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'snet-private-endpoints')
    }
    privateLinkServiceConnections: [
      {
        name: 'pe-pg-contoso-ledger'
        properties: {
          privateLinkServiceId: resourceId(subscriptionId, resourceGroupName, 'Microsoft.DBforPostgreSQL/flexibleServers', serverName)
          groupIds: [
            'postgresqlServer'
          ]
        }
      }
    ]
    ipConfigurations: [
      {
        name: 'pe-pg-contoso-ledger-ipconfig'
        properties: {
          groupId: 'postgresqlServer'
          memberName: 'postgresqlServer'
          privateIPAddress: '10.0.1.10'
        }
      }
    ]
  }
}

resource privateEndpoint1ZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-07-01' = {
  name: format('{0}/{1}', 'pe-pg-contoso-ledger', 'default')
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-postgres-database-azure-com'
        properties: {
          privateDnsZoneId: resourceId(subscriptionId, 'rg-connectivity', 'Microsoft.Network/privateDnsZones', 'privatelink.postgres.database.azure.com')
        }
      }
    ]
  }
  dependsOn: [
    privateEndpoint1
  ]
}
