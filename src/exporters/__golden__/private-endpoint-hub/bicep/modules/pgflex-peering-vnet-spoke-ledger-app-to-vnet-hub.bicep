// Module pgflex-peering-vnet-spoke-ledger-app-to-vnet-hub of the plan "Contoso ledger: private endpoint in the hub": deployed to resource group rg-ledger-app.

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

resource peering2 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-spoke-ledger-app', 'vnet-spoke-ledger-app-to-vnet-hub')
  properties: {
    remoteVirtualNetwork: {
      id: resourceId(subscriptionId, 'rg-connectivity', 'Microsoft.Network/virtualNetworks', 'vnet-hub')
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: false
    allowGatewayTransit: false
    useRemoteGateways: true
  }
}
