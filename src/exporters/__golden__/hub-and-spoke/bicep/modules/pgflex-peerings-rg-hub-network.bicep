// Module pgflex-peerings-rg-hub-network of the plan "Contoso orders: hub and spoke": deployed to resource group rg-hub-network.

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

resource peering2 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-hub', 'vnet-hub-to-vnet-orders-data')
  properties: {
    remoteVirtualNetwork: {
      id: resourceId(subscriptionId, 'rg-orders-network', 'Microsoft.Network/virtualNetworks', 'vnet-orders-data')
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: true
    useRemoteGateways: false
  }
}

resource peering6 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-hub', 'vnet-hub-to-vnet-spoke-2')
  properties: {
    remoteVirtualNetwork: {
      id: resourceId(subscriptionId, 'rg-spoke-2', 'Microsoft.Network/virtualNetworks', 'vnet-spoke-2')
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: false
    allowGatewayTransit: false
    useRemoteGateways: false
  }
  dependsOn: [
    peering2
  ]
}
