// Plan "Eight-subnet VNet": Azure Database for PostgreSQL flexible server, private access (VNet integration).
// Deploy: az deployment group create --resource-group 'rg-platform' --template-file main.bicep --parameters main.bicepparam (set PGADMIN_PASSWORD first)

metadata resourceGroup = 'rg-platform'

@description('Azure region of the servers and the network resources (the plan\'s region).')
param location string = 'eastus2'

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s).')
param subscriptionId string = subscription().subscriptionId

@description('Resource group the deployment targets, for the resources the plan puts in rg-platform (default: the deployment\'s).')
param resourceGroupName string = resourceGroup().name

@description('Name of server 1 (globally unique; becomes <name>.postgres.database.azure.com).')
param serverName string = 'pg-platform'

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

resource serverVnet 'Microsoft.Network/virtualNetworks@2025-07-01' = {
  name: 'vnet-platform'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
  }
}

resource delegatedSubnet 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-platform', 'postgres')
  properties: {
    addressPrefix: '10.0.3.0/28'
    delegations: [
      {
        name: 'dlg-Microsoft.DBforPostgreSQL-flexibleServers'
        properties: {
          serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers'
        }
      }
    ]
    serviceEndpoints: [
      {
        service: 'Microsoft.Storage'
      }
    ]
  }
  dependsOn: [
    serverVnet
  ]
}

resource subnet2 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-platform', 'app')
  properties: {
    addressPrefix: '10.0.0.0/24'
  }
  dependsOn: [
    delegatedSubnet
  ]
}

resource subnet3 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-platform', 'web')
  properties: {
    addressPrefix: '10.0.1.0/24'
  }
  dependsOn: [
    subnet2
  ]
}

resource subnet4 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-platform', 'data')
  properties: {
    addressPrefix: '10.0.2.0/24'
  }
  dependsOn: [
    subnet3
  ]
}

resource subnet5 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-platform', 'aks-nodes')
  properties: {
    addressPrefix: '10.0.4.0/22'
  }
  dependsOn: [
    subnet4
  ]
}

resource subnet6 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-platform', 'AzureBastionSubnet')
  properties: {
    addressPrefix: '10.0.8.0/26'
  }
  dependsOn: [
    subnet5
  ]
}

resource subnet7 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-platform', 'GatewaySubnet')
  properties: {
    addressPrefix: '10.0.8.64/26'
  }
  dependsOn: [
    subnet6
  ]
}

resource subnet8 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-platform', 'private-endpoints')
  properties: {
    addressPrefix: '10.0.9.0/24'
  }
  dependsOn: [
    subnet7
  ]
}

resource privateDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'pg-platform.private.postgres.database.azure.com'
  location: 'global'
  properties: {}
}

resource zoneLink1 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  name: format('{0}/{1}', 'pg-platform.private.postgres.database.azure.com', 'vnet-platform-link')
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: resourceId(subscriptionId, resourceGroupName, 'Microsoft.Network/virtualNetworks', 'vnet-platform')
    }
  }
  dependsOn: [
    privateDnsZone
    serverVnet
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
      delegatedSubnetResourceId: resourceId(subscriptionId, resourceGroupName, 'Microsoft.Network/virtualNetworks/subnets', 'vnet-platform', 'postgres')
      privateDnsZoneArmResourceId: resourceId(subscriptionId, resourceGroupName, 'Microsoft.Network/privateDnsZones', 'pg-platform.private.postgres.database.azure.com')
      publicNetworkAccess: 'Disabled'
    }
  }
  dependsOn: [
    privateDnsZone
    delegatedSubnet
    zoneLink1
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
