// Module pgflex-dns-zone of the plan "Contoso ledger: private endpoint in the hub": deployed to resource group rg-connectivity.

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

resource privateDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.postgres.database.azure.com'
  location: 'global'
  properties: {}
}

resource zoneLink1 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  name: format('{0}/{1}', 'privatelink.postgres.database.azure.com', 'vnet-hub-link')
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: resourceId(subscriptionId, 'rg-connectivity', 'Microsoft.Network/virtualNetworks', 'vnet-hub')
    }
  }
  dependsOn: [
    privateDnsZone
  ]
}

resource peering1 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-hub', 'vnet-hub-to-vnet-spoke-ledger-app')
  properties: {
    remoteVirtualNetwork: {
      id: resourceId(subscriptionId, 'rg-ledger-app', 'Microsoft.Network/virtualNetworks', 'vnet-spoke-ledger-app')
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: false
    allowGatewayTransit: true
    useRemoteGateways: false
  }
}
