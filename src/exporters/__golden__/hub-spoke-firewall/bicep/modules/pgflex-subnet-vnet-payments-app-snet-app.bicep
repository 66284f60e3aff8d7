// Module pgflex-subnet-vnet-payments-app-snet-app of the plan "Fabrikam payments: hub and spoke through Azure Firewall": deployed to resource group rg-payments-app.
// Note: The existing subnet snet-app of vnet-payments-app is associated with the route table rt-payments-app in place; everything else it has stays as it is.
// Note: The existing subnet GatewaySubnet of vnet-hub is associated with the route table rt-hub-gateway in place; everything else it has stays as it is.

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

@description('The live properties of the existing subnet vnet-payments-app/snet-app.')
param liveSubnetProperties object

resource routedSubnet1 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-payments-app', 'snet-app')
  properties: union(liveSubnetProperties, {
    routeTable: {
      id: resourceId(subscriptionId, 'rg-payments-app', 'Microsoft.Network/routeTables', 'rt-payments-app')
    }
  })
}
