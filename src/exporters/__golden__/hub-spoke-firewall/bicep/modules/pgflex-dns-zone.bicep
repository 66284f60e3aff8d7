// Module pgflex-dns-zone of the plan "Fabrikam payments: hub and spoke through Azure Firewall": deployed to resource group rg-hub-dns.
// Note: The existing subnet snet-app of vnet-payments-app is associated with the route table rt-payments-app in place; everything else it has stays as it is.
// Note: The existing subnet GatewaySubnet of vnet-hub is associated with the route table rt-hub-gateway in place; everything else it has stays as it is.

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

resource privateDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'fabrikam-payments.private.postgres.database.azure.com'
  location: 'global'
  properties: {}
}

resource zoneLink1 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  name: format('{0}/{1}', 'fabrikam-payments.private.postgres.database.azure.com', 'vnet-payments-data-link')
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: resourceId(subscriptionId, 'rg-payments-network', 'Microsoft.Network/virtualNetworks', 'vnet-payments-data')
    }
  }
  dependsOn: [
    privateDnsZone
  ]
}

resource zoneLink2 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  name: format('{0}/{1}', 'fabrikam-payments.private.postgres.database.azure.com', 'vnet-hub-link')
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: resourceId(subscriptionId, 'rg-hub-network', 'Microsoft.Network/virtualNetworks', 'vnet-hub')
    }
  }
  dependsOn: [
    privateDnsZone
  ]
}
