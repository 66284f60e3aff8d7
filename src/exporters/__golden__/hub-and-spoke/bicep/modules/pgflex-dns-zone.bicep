// Module pgflex-dns-zone of the plan "Contoso orders: hub and spoke": deployed to resource group rg-hub-dns.

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

resource privateDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'contoso-orders.private.postgres.database.azure.com'
  location: 'global'
  properties: {}
}

resource zoneLink1 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  name: format('{0}/{1}', 'contoso-orders.private.postgres.database.azure.com', 'vnet-orders-data-link')
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: resourceId(subscriptionId, 'rg-orders-network', 'Microsoft.Network/virtualNetworks', 'vnet-orders-data')
    }
  }
  dependsOn: [
    privateDnsZone
  ]
}

resource zoneLink2 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  name: format('{0}/{1}', 'contoso-orders.private.postgres.database.azure.com', 'vnet-hub-link')
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

resource zoneLink3 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  name: format('{0}/{1}', 'contoso-orders.private.postgres.database.azure.com', 'vnet-spoke-2-link')
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: resourceId(subscriptionId, 'rg-spoke-2', 'Microsoft.Network/virtualNetworks', 'vnet-spoke-2')
    }
  }
  dependsOn: [
    privateDnsZone
  ]
}
