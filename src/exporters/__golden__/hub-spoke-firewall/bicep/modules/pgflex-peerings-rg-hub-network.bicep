// Module pgflex-peerings-rg-hub-network of the plan "Fabrikam payments: hub and spoke through Azure Firewall": deployed to resource group rg-hub-network.
// Note: The existing subnet snet-app of vnet-payments-app is associated with the route table rt-payments-app in place; everything else it has stays as it is.
// Note: The existing subnet GatewaySubnet of vnet-hub is associated with the route table rt-hub-gateway in place; everything else it has stays as it is.

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

resource peering2 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-hub', 'vnet-hub-to-vnet-payments-data')
  properties: {
    remoteVirtualNetwork: {
      id: resourceId(subscriptionId, 'rg-payments-network', 'Microsoft.Network/virtualNetworks', 'vnet-payments-data')
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: false
    allowGatewayTransit: true
    useRemoteGateways: false
  }
}

resource peering4 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-hub', 'vnet-hub-to-vnet-payments-app')
  properties: {
    remoteVirtualNetwork: {
      id: resourceId(subscriptionId, 'rg-payments-app', 'Microsoft.Network/virtualNetworks', 'vnet-payments-app')
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: false
    allowGatewayTransit: true
    useRemoteGateways: false
  }
  dependsOn: [
    peering2
  ]
}
