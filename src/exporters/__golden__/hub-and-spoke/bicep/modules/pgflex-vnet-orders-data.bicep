// Module pgflex-vnet-orders-data of the plan "Contoso orders: hub and spoke": deployed to resource group rg-orders-network.

@description('Azure region of the servers and the network resources (the plan\'s region).')
param location string

@description('Subscription ID of the servers and the server VNet (default: the deployment\'s; the plan says 00000000-0000-0000-0000-0000000000a1).')
param subscriptionId string

resource serverVnet 'Microsoft.Network/virtualNetworks@2025-07-01' = {
  name: 'vnet-orders-data'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.20.0.0/16'
      ]
    }
    dhcpOptions: {
      dnsServers: [
        '10.0.0.4'
      ]
    }
  }
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2025-07-01' = {
  name: 'nsg-postgres'
  location: location
  properties: {
    securityRules: [
      {
        name: 'allow-postgres-in-subnet'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '10.20.0.0/28'
          sourcePortRange: '*'
          destinationAddressPrefix: '10.20.0.0/28'
          destinationPortRanges: [
            '5432'
            '6432'
          ]
          description: 'HA: 5432 and 6432 within the delegated subnet'
        }
      }
      {
        name: 'allow-postgres-from-spokes'
        properties: {
          priority: 110
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefixes: [
            '10.20.1.0/24'
            '10.30.0.0/16'
            '192.168.10.0/24'
          ]
          sourcePortRange: '*'
          destinationAddressPrefix: '10.20.0.0/28'
          destinationPortRange: '5432'
          description: 'Applications and the office'
        }
      }
      {
        name: 'deny-all-inbound'
        properties: {
          priority: 4096
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
      {
        name: 'allow-postgres-out-subnet'
        properties: {
          priority: 100
          direction: 'Outbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '10.20.0.0/28'
          sourcePortRange: '*'
          destinationAddressPrefix: '10.20.0.0/28'
          destinationPortRanges: [
            '5432'
            '6432'
          ]
          description: 'HA: 5432 and 6432 within the delegated subnet'
        }
      }
      {
        name: 'allow-storage-out'
        properties: {
          priority: 110
          direction: 'Outbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '10.20.0.0/28'
          sourcePortRange: '*'
          destinationAddressPrefix: 'Storage.WestEurope'
          destinationPortRange: '443'
          description: 'HA: WAL archival to Azure Storage'
        }
      }
    ]
  }
}

resource delegatedSubnet 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-orders-data', 'snet-postgres')
  properties: {
    addressPrefix: '10.20.0.0/28'
    delegations: [
      {
        name: 'dlg-Microsoft.DBforPostgreSQL-flexibleServers'
        properties: {
          serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers'
        }
      }
    ]
    serviceEndpoints: [
      {
        service: 'Microsoft.Storage'
      }
    ]
    networkSecurityGroup: {
      id: resourceId(subscriptionId, 'rg-orders-network', 'Microsoft.Network/networkSecurityGroups', 'nsg-postgres')
    }
  }
  dependsOn: [
    serverVnet
    nsg
  ]
}

resource subnet2 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-orders-data', 'snet-app')
  properties: {
    addressPrefix: '10.20.1.0/24'
  }
  dependsOn: [
    delegatedSubnet
  ]
}

resource peering3 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-07-01' = {
  name: format('{0}/{1}', 'vnet-orders-data', 'vnet-orders-data-to-vnet-spoke-2')
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
    subnet2
  ]
}
