// Module pgflex-vnet-payments-data of the plan "Fabrikam payments: hub and spoke through Azure Firewall": deployed to resource group rg-payments-network.
// Note: The existing subnet snet-app of vnet-payments-app is associated with the route table rt-payments-app in place; everything else it has stays as it is.
// Note: The existing subnet GatewaySubnet of vnet-hub is associated with the route table rt-hub-gateway in place; everything else it has stays as it is.

@description('Azure region of the servers and the network resources (the plan\'s region).')
param location string

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

resource serverVnet 'Microsoft.Network/virtualNetworks@2025-07-01' = {
  name: 'vnet-payments-data'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.1.0.0/16'
      ]
    }
    dhcpOptions: {
      dnsServers: [
        '10.0.2.4'
      ]
    }
  }
}

resource delegatedSubnet 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-payments-data', 'snet-postgres')
  properties: {
    addressPrefix: '10.1.0.0/28'
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
    routeTable: {
      id: resourceId(subscriptionId, 'rg-payments-network', 'Microsoft.Network/routeTables', 'rt-payments-data')
    }
  }
  dependsOn: [
    serverVnet
  ]
}

resource subnet2 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-payments-data', 'snet-data-tools')
  properties: {
    addressPrefix: '10.1.1.0/24'
  }
  dependsOn: [
    delegatedSubnet
  ]
}
