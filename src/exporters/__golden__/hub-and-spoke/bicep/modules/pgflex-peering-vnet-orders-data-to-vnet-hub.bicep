// Module pgflex-peering-vnet-orders-data-to-vnet-hub of the plan "Contoso orders: hub and spoke": deployed to resource group rg-orders-network.

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

resource peering1 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-orders-data', 'vnet-orders-data-to-vnet-hub')
  properties: {
    remoteVirtualNetwork: {
      id: resourceId(subscriptionId, 'rg-hub-network', 'Microsoft.Network/virtualNetworks', 'vnet-hub')
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: true
  }
}
