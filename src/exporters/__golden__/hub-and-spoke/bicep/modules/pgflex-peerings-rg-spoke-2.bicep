// Module pgflex-peerings-rg-spoke-2 of the plan "Contoso orders: hub and spoke": deployed to resource group rg-spoke-2.

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

resource peering4 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-spoke-2', 'vnet-spoke-2-to-vnet-orders-data')
  properties: {
    remoteVirtualNetwork: {
      id: resourceId(subscriptionId, 'rg-orders-network', 'Microsoft.Network/virtualNetworks', 'vnet-orders-data')
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: false
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}

resource peering5 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-spoke-2', 'vnet-spoke-2-to-vnet-hub')
  properties: {
    remoteVirtualNetwork: {
      id: resourceId(subscriptionId, 'rg-hub-network', 'Microsoft.Network/virtualNetworks', 'vnet-hub')
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: false
    allowGatewayTransit: false
    useRemoteGateways: false
  }
  dependsOn: [
    peering4
  ]
}
