// Module pgflex-peering-vnet-payments-data-to-vnet-hub of the plan "Fabrikam payments: hub and spoke through Azure Firewall": deployed to resource group rg-payments-network.
// Note: The existing subnet snet-app of vnet-payments-app is associated with the route table rt-payments-app in place; everything else it has stays as it is.
// Note: The existing subnet GatewaySubnet of vnet-hub is associated with the route table rt-hub-gateway in place; everything else it has stays as it is.

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

resource peering1 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-payments-data', 'vnet-payments-data-to-vnet-hub')
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
