// Module pgflex-peering-vnet-hub-to-vnet-orders-data of the plan "Contoso orders: hub and spoke": deployed to resource group rg-hub-network.

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
