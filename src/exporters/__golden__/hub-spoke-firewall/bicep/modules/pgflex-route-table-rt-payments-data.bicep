// Module pgflex-route-table-rt-payments-data of the plan "Fabrikam payments: hub and spoke through Azure Firewall": deployed to resource group rg-payments-network.
// Note: The existing subnet snet-app of vnet-payments-app is associated with the route table rt-payments-app in place; everything else it has stays as it is.
// Note: The existing subnet GatewaySubnet of vnet-hub is associated with the route table rt-hub-gateway in place; everything else it has stays as it is.

@description('Azure region of the servers and the network resources (the plan\'s region).')
param location string

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

resource routeTable1 'Microsoft.Network/routeTables@2025-07-01' = {
  name: 'rt-payments-data'
  location: location
  properties: {
    routes: [
      {
        name: 'to-payments-app'
        properties: {
          addressPrefix: '10.2.0.0/16'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: '10.0.1.4'
        }
      }
      {
        name: 'to-datacenter'
        properties: {
          addressPrefix: '192.168.0.0/16'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: '10.0.1.4'
        }
      }
    ]
  }
}
