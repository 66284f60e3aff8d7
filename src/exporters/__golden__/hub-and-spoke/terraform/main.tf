# Resources - plan "Contoso orders: hub and spoke".

locals {
  vnet_hub_id     = "/subscriptions/${var.subscription_id}/resourceGroups/rg-hub-network/providers/Microsoft.Network/virtualNetworks/vnet-hub"
  vnet_spoke_2_id = "/subscriptions/${var.subscription_id}/resourceGroups/rg-spoke-2/providers/Microsoft.Network/virtualNetworks/vnet-spoke-2"
}

resource "azurerm_virtual_network" "server" {
  name                = "vnet-orders-data"
  resource_group_name = "rg-orders-network"
  location            = var.location
  address_space       = ["10.20.0.0/16"]
  dns_servers         = ["10.0.0.4"]
}

resource "azurerm_network_security_group" "postgres" {
  name                = "nsg-postgres"
  resource_group_name = "rg-orders-network"
  location            = var.location

  security_rule {
    name                       = "allow-postgres-in-subnet"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_ranges    = ["5432", "6432"]
    source_address_prefix      = "10.20.0.0/28"
    destination_address_prefix = "10.20.0.0/28"
    description                = "HA: 5432 and 6432 within the delegated subnet"
  }

  security_rule {
    name                       = "allow-postgres-from-spokes"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "5432"
    source_address_prefixes    = ["10.20.1.0/24", "10.30.0.0/16", "192.168.10.0/24"]
    destination_address_prefix = "10.20.0.0/28"
    description                = "Applications and the office"
  }

  security_rule {
    name                       = "deny-all-inbound"
    priority                   = 4096
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "allow-postgres-out-subnet"
    priority                   = 100
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_ranges    = ["5432", "6432"]
    source_address_prefix      = "10.20.0.0/28"
    destination_address_prefix = "10.20.0.0/28"
    description                = "HA: 5432 and 6432 within the delegated subnet"
  }

  security_rule {
    name                       = "allow-storage-out"
    priority                   = 110
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "10.20.0.0/28"
    destination_address_prefix = "Storage.WestEurope"
    description                = "HA: WAL archival to Azure Storage"
  }
}

resource "azurerm_subnet" "postgres" {
  name                 = "snet-postgres"
  resource_group_name  = "rg-orders-network"
  virtual_network_name = azurerm_virtual_network.server.name
  address_prefixes     = ["10.20.0.0/28"]

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

resource "azurerm_subnet_network_security_group_association" "postgres" {
  subnet_id                 = azurerm_subnet.postgres.id
  network_security_group_id = azurerm_network_security_group.postgres.id
}

resource "azurerm_subnet" "snet_app" {
  name                 = "snet-app"
  resource_group_name  = "rg-orders-network"
  virtual_network_name = azurerm_virtual_network.server.name
  address_prefixes     = ["10.20.1.0/24"]
}

resource "azurerm_private_dns_zone" "postgres" {
  name                = "contoso-orders.private.postgres.database.azure.com"
  resource_group_name = "rg-hub-dns"
}

resource "azurerm_private_dns_zone_virtual_network_link" "vnet_orders_data_link" {
  name                 = "vnet-orders-data-link"
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

resource "azurerm_private_dns_zone_virtual_network_link" "vnet_spoke_2_link" {
  name                 = "vnet-spoke-2-link"
  private_dns_zone_id  = azurerm_private_dns_zone.postgres.id
  virtual_network_id   = local.vnet_spoke_2_id
  registration_enabled = false
}

resource "azurerm_virtual_network_peering" "vnet_orders_data_to_vnet_hub" {
  name                         = "vnet-orders-data-to-vnet-hub"
  resource_group_name          = "rg-orders-network"
  virtual_network_name         = azurerm_virtual_network.server.name
  remote_virtual_network_id    = local.vnet_hub_id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = true
  allow_gateway_transit        = false
  use_remote_gateways          = true
  depends_on                   = [azurerm_virtual_network_peering.vnet_hub_to_vnet_orders_data]
}

resource "azurerm_virtual_network_peering" "vnet_hub_to_vnet_orders_data" {
  name                         = "vnet-hub-to-vnet-orders-data"
  resource_group_name          = "rg-hub-network"
  virtual_network_name         = "vnet-hub"
  remote_virtual_network_id    = azurerm_virtual_network.server.id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = true
  allow_gateway_transit        = true
  use_remote_gateways          = false
}

resource "azurerm_virtual_network_peering" "vnet_orders_data_to_vnet_spoke_2" {
  name                         = "vnet-orders-data-to-vnet-spoke-2"
  resource_group_name          = "rg-orders-network"
  virtual_network_name         = azurerm_virtual_network.server.name
  remote_virtual_network_id    = local.vnet_spoke_2_id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = false
  allow_gateway_transit        = false
  use_remote_gateways          = false
}

resource "azurerm_virtual_network_peering" "vnet_spoke_2_to_vnet_orders_data" {
  name                         = "vnet-spoke-2-to-vnet-orders-data"
  resource_group_name          = "rg-spoke-2"
  virtual_network_name         = "vnet-spoke-2"
  remote_virtual_network_id    = azurerm_virtual_network.server.id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = false
  allow_gateway_transit        = false
  use_remote_gateways          = false
}

resource "azurerm_virtual_network_peering" "vnet_spoke_2_to_vnet_hub" {
  name                         = "vnet-spoke-2-to-vnet-hub"
  resource_group_name          = "rg-spoke-2"
  virtual_network_name         = "vnet-spoke-2"
  remote_virtual_network_id    = local.vnet_hub_id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = false
  allow_gateway_transit        = false
  use_remote_gateways          = false
}

resource "azurerm_virtual_network_peering" "vnet_hub_to_vnet_spoke_2" {
  name                         = "vnet-hub-to-vnet-spoke-2"
  resource_group_name          = "rg-hub-network"
  virtual_network_name         = "vnet-hub"
  remote_virtual_network_id    = local.vnet_spoke_2_id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = false
  allow_gateway_transit        = false
  use_remote_gateways          = false
}

resource "azurerm_postgresql_flexible_server" "pg_contoso_orders" {
  name                          = var.server_name
  resource_group_name           = "rg-orders-data"
  location                      = var.location
  version                       = "17"
  sku_name                      = var.sku_name
  storage_mb                    = var.storage_mb
  administrator_login           = var.administrator_login
  administrator_password        = var.administrator_password
  delegated_subnet_id           = azurerm_subnet.postgres.id
  private_dns_zone_id           = azurerm_private_dns_zone.postgres.id
  public_network_access_enabled = false

  high_availability {
    mode = "ZoneRedundant"
  }

  lifecycle {
    ignore_changes = [zone, high_availability[0].standby_availability_zone]
  }

  depends_on = [azurerm_private_dns_zone_virtual_network_link.vnet_orders_data_link, azurerm_private_dns_zone_virtual_network_link.vnet_hub_link, azurerm_private_dns_zone_virtual_network_link.vnet_spoke_2_link, azurerm_virtual_network_peering.vnet_orders_data_to_vnet_hub, azurerm_virtual_network_peering.vnet_hub_to_vnet_orders_data, azurerm_subnet_network_security_group_association.postgres]
}

resource "azurerm_postgresql_flexible_server_configuration" "pg_contoso_orders_require_secure_transport" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.pg_contoso_orders.id
  value     = "on"
}

resource "azurerm_postgresql_flexible_server_configuration" "pg_contoso_orders_ssl_min_protocol_version" {
  name       = "ssl_min_protocol_version"
  server_id  = azurerm_postgresql_flexible_server.pg_contoso_orders.id
  value      = "TLSv1.2"
  depends_on = [azurerm_postgresql_flexible_server_configuration.pg_contoso_orders_require_secure_transport]
}
