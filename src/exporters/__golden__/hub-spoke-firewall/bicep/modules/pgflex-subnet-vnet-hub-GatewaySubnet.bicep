// Module pgflex-subnet-vnet-hub-GatewaySubnet of the plan "Fabrikam payments: hub and spoke through Azure Firewall": deployed to resource group rg-hub-network.
// Note: The existing subnet snet-app of vnet-payments-app is associated with the route table rt-payments-app in place; everything else it has stays as it is.
// Note: The existing subnet GatewaySubnet of vnet-hub is associated with the route table rt-hub-gateway in place; everything else it has stays as it is.

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

@description('The live properties of the existing subnet vnet-hub/GatewaySubnet.')
param liveSubnetProperties object

resource routedSubnet2 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-hub', 'GatewaySubnet')
  properties: union(liveSubnetProperties, {
    routeTable: {
      id: resourceId(subscriptionId, 'rg-hub-network', 'Microsoft.Network/routeTables', 'rt-hub-gateway')
    }
  })
}
