// Plan "Fabrikam reporting: public access from the offices": Azure Database for PostgreSQL flexible server, public access (allowed IP addresses).
// Deploy: az deployment group create --subscription 00000000-0000-0000-0000-0000000000c1 --resource-group 'rg-reporting' --template-file main.bicep --parameters main.bicepparam (set PGADMIN_PASSWORD first)

metadata resourceGroup = 'rg-reporting'

@description('Azure region of the servers and the network resources (the plan\'s region).')
param location string = 'northeurope'

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000c1).')
param subscriptionId string = subscription().subscriptionId

@description('Resource group the deployment targets, for the resources the plan puts in rg-reporting (default: the deployment\'s).')
param resourceGroupName string = resourceGroup().name

@description('Name of server 1 (globally unique; becomes <name>.postgres.database.azure.com).')
param serverName string = 'pg-fabrikam-reporting'

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

resource server1 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: serverName
  location: location
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: '16'
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: storageSizeGB
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
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

resource server1Rule1 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2025-08-01' = {
  name: format('{0}/{1}', serverName, 'office-dublin')
  properties: {
    startIpAddress: '203.0.113.0'
    endIpAddress: '203.0.113.15'
  }
  dependsOn: [
    server1Config2
  ]
}

resource server1Rule2 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2025-08-01' = {
  name: format('{0}/{1}', serverName, 'office-cork')
  properties: {
    startIpAddress: '198.51.100.7'
    endIpAddress: '198.51.100.7'
  }
  dependsOn: [
    server1Rule1
  ]
}

resource server1Rule3 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2025-08-01' = {
  name: format('{0}/{1}', serverName, 'ci-runners')
  properties: {
    startIpAddress: '192.0.2.32'
    endIpAddress: '192.0.2.63'
  }
  dependsOn: [
    server1Rule2
  ]
}

output serverFqdn string = reference(resourceId(subscriptionId, resourceGroupName, 'Microsoft.DBforPostgreSQL/flexibleServers', serverName)).fullyQualifiedDomainName
output serverResourceId string = resourceId(subscriptionId, resourceGroupName, 'Microsoft.DBforPostgreSQL/flexibleServers', serverName)
