# Resources - plan "Fabrikam payments: hub and spoke through Azure Firewall".
# Note: The existing subnet snet-app of vnet-payments-app is associated with the route table rt-payments-app in place; everything else it has stays as it is.
# Note: The existing subnet GatewaySubnet of vnet-hub is associated with the route table rt-hub-gateway in place; everything else it has stays as it is.

locals {
  vnet_hub_id          = "/subscriptions/${var.subscription_id}/resourceGroups/rg-hub-network/providers/Microsoft.Network/virtualNetworks/vnet-hub"
  vnet_payments_app_id = "/subscriptions/${var.subscription_id}/resourceGroups/rg-payments-app/providers/Microsoft.Network/virtualNetworks/vnet-payments-app"
}

resource "azurerm_virtual_network" "server" {
  name                = "vnet-payments-data"
  resource_group_name = "rg-payments-network"
  location            = var.location
  address_space       = ["10.1.0.0/16"]
  dns_servers         = ["10.0.2.4"]
}

resource "azurerm_route_table" "rt_payments_data" {
  name                = "rt-payments-data"
  resource_group_name = "rg-payments-network"
  location            = var.location

  route {
    name                   = "to-payments-app"
    address_prefix         = "10.2.0.0/16"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = "10.0.1.4"
  }

  route {
    name                   = "to-datacenter"
    address_prefix         = "192.168.0.0/16"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = "10.0.1.4"
  }
}

resource "azurerm_route_table" "rt_payments_app" {
  name                = "rt-payments-app"
  resource_group_name = "rg-payments-app"
  location            = "westeurope"

  route {
    name                   = "to-payments-data"
    address_prefix         = "10.1.0.0/16"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = "10.0.1.4"
  }
}

resource "azurerm_route_table" "rt_hub_gateway" {
  name                = "rt-hub-gateway"
  resource_group_name = "rg-hub-network"
  location            = "westeurope"

  route {
    name                   = "to-payments-data"
    address_prefix         = "10.1.0.0/16"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = "10.0.1.4"
  }

  route {
    name                   = "to-payments-app"
    address_prefix         = "10.2.0.0/16"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = "10.0.1.4"
  }
}

resource "azurerm_subnet" "postgres" {
  name                 = "snet-postgres"
  resource_group_name  = "rg-payments-network"
  virtual_network_name = azurerm_virtual_network.server.name
  address_prefixes     = ["10.1.0.0/28"]

  delegation {
    name = "dlg-Microsoft.DBforPostgreSQL-flexibleServers"

    service_delegation {
      name    = "Microsoft.DBforPostgreSQL/flexibleServers"
      actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
    }
  }

  service_endpoint {
    service = "Microsoft.Storage"
  }
}

resource "azurerm_subnet_route_table_association" "postgres" {
  subnet_id      = azurerm_subnet.postgres.id
  route_table_id = azurerm_route_table.rt_payments_data.id
}

resource "azurerm_subnet" "snet_data_tools" {
  name                 = "snet-data-tools"
  resource_group_name  = "rg-payments-network"
  virtual_network_name = azurerm_virtual_network.server.name
  address_prefixes     = ["10.1.1.0/24"]
}

data "azurerm_subnet" "vnet_payments_app_snet_app_live" {
  name                 = "snet-app"
  resource_group_name  = "rg-payments-app"
  virtual_network_name = "vnet-payments-app"
}

import {
  for_each = length(compact([data.azurerm_subnet.vnet_payments_app_snet_app_live.route_table_id])) > 0 ? toset(["/subscriptions/${var.subscription_id}/resourceGroups/rg-payments-app/providers/Microsoft.Network/virtualNetworks/vnet-payments-app/subnets/snet-app"]) : toset([])
  to       = azurerm_subnet_route_table_association.vnet_payments_app_snet_app
  id       = each.value
}

resource "azurerm_subnet_route_table_association" "vnet_payments_app_snet_app" {
  subnet_id      = "/subscriptions/${var.subscription_id}/resourceGroups/rg-payments-app/providers/Microsoft.Network/virtualNetworks/vnet-payments-app/subnets/snet-app"
  route_table_id = azurerm_route_table.rt_payments_app.id
}

data "azurerm_subnet" "vnet_hub_GatewaySubnet_live" {
  name                 = "GatewaySubnet"
  resource_group_name  = "rg-hub-network"
  virtual_network_name = "vnet-hub"
}

import {
  for_each = length(compact([data.azurerm_subnet.vnet_hub_GatewaySubnet_live.route_table_id])) > 0 ? toset(["/subscriptions/${var.subscription_id}/resourceGroups/rg-hub-network/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/GatewaySubnet"]) : toset([])
  to       = azurerm_subnet_route_table_association.vnet_hub_GatewaySubnet
  id       = each.value
}

resource "azurerm_subnet_route_table_association" "vnet_hub_GatewaySubnet" {
  subnet_id      = "/subscriptions/${var.subscription_id}/resourceGroups/rg-hub-network/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/GatewaySubnet"
  route_table_id = azurerm_route_table.rt_hub_gateway.id
}

resource "azurerm_private_dns_zone" "postgres" {
  name                = "fabrikam-payments.private.postgres.database.azure.com"
  resource_group_name = "rg-hub-dns"
}

resource "azurerm_private_dns_zone_virtual_network_link" "vnet_payments_data_link" {
  name                 = "vnet-payments-data-link"
  private_dns_zone_id  = azurerm_private_dns_zone.postgres.id
  virtual_network_id   = azurerm_virtual_network.server.id
  registration_enabled = false
  depends_on           = [azurerm_subnet.postgres]
}

resource "azurerm_private_dns_zone_virtual_network_link" "vnet_hub_link" {
  name                 = "vnet-hub-link"
  private_dns_zone_id  = azurerm_private_dns_zone.postgres.id
  virtual_network_id   = local.vnet_hub_id
  registration_enabled = false
}

resource "azurerm_virtual_network_peering" "vnet_payments_data_to_vnet_hub" {
  name                         = "vnet-payments-data-to-vnet-hub"
  resource_group_name          = "rg-payments-network"
  virtual_network_name         = azurerm_virtual_network.server.name
  remote_virtual_network_id    = local.vnet_hub_id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = true
  allow_gateway_transit        = false
  use_remote_gateways          = true
  depends_on                   = [azurerm_virtual_network_peering.vnet_hub_to_vnet_payments_data]
}

resource "azurerm_virtual_network_peering" "vnet_hub_to_vnet_payments_data" {
  name                         = "vnet-hub-to-vnet-payments-data"
  resource_group_name          = "rg-hub-network"
  virtual_network_name         = "vnet-hub"
  remote_virtual_network_id    = azurerm_virtual_network.server.id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = false
  allow_gateway_transit        = true
  use_remote_gateways          = false
}

resource "azurerm_virtual_network_peering" "vnet_payments_app_to_vnet_hub" {
  name                         = "vnet-payments-app-to-vnet-hub"
  resource_group_name          = "rg-payments-app"
  virtual_network_name         = "vnet-payments-app"
  remote_virtual_network_id    = local.vnet_hub_id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = true
  allow_gateway_transit        = false
  use_remote_gateways          = true
  depends_on                   = [azurerm_virtual_network_peering.vnet_hub_to_vnet_payments_app]
}

resource "azurerm_virtual_network_peering" "vnet_hub_to_vnet_payments_app" {
  name                         = "vnet-hub-to-vnet-payments-app"
  resource_group_name          = "rg-hub-network"
  virtual_network_name         = "vnet-hub"
  remote_virtual_network_id    = local.vnet_payments_app_id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = false
  allow_gateway_transit        = true
  use_remote_gateways          = false
}

resource "azurerm_postgresql_flexible_server" "pg_fabrikam_payments" {
  name                          = var.server_name
  resource_group_name           = "rg-payments-data"
  location                      = var.location
  version                       = "17"
  sku_name                      = var.sku_name
  storage_mb                    = var.storage_mb
  administrator_login           = var.administrator_login
  administrator_password        = var.administrator_password
  delegated_subnet_id           = azurerm_subnet.postgres.id
  private_dns_zone_id           = azurerm_private_dns_zone.postgres.id
  public_network_access_enabled = false

  lifecycle {
    ignore_changes = [zone]
  }

  depends_on = [azurerm_private_dns_zone_virtual_network_link.vnet_payments_data_link, azurerm_private_dns_zone_virtual_network_link.vnet_hub_link, azurerm_virtual_network_peering.vnet_payments_data_to_vnet_hub, azurerm_virtual_network_peering.vnet_hub_to_vnet_payments_data, azurerm_subnet_route_table_association.postgres]
}

resource "azurerm_postgresql_flexible_server_configuration" "pg_fabrikam_payments_require_secure_transport" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.pg_fabrikam_payments.id
  value     = "on"
}

resource "azurerm_postgresql_flexible_server_configuration" "pg_fabrikam_payments_ssl_min_protocol_version" {
  name       = "ssl_min_protocol_version"
  server_id  = azurerm_postgresql_flexible_server.pg_fabrikam_payments.id
  value      = "TLSv1.2"
  depends_on = [azurerm_postgresql_flexible_server_configuration.pg_fabrikam_payments_require_secure_transport]
}
