# Resources - plan "Eight-subnet VNet".

resource "azurerm_virtual_network" "server" {
  name                = "vnet-platform"
  resource_group_name = "rg-platform"
  location            = var.location
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "postgres" {
  name                 = "postgres"
  resource_group_name  = "rg-platform"
  virtual_network_name = azurerm_virtual_network.server.name
  address_prefixes     = ["10.0.3.0/28"]

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

resource "azurerm_subnet" "app" {
  name                 = "app"
  resource_group_name  = "rg-platform"
  virtual_network_name = azurerm_virtual_network.server.name
  address_prefixes     = ["10.0.0.0/24"]
}

resource "azurerm_subnet" "web" {
  name                 = "web"
  resource_group_name  = "rg-platform"
  virtual_network_name = azurerm_virtual_network.server.name
  address_prefixes     = ["10.0.1.0/24"]
}

resource "azurerm_subnet" "data" {
  name                 = "data"
  resource_group_name  = "rg-platform"
  virtual_network_name = azurerm_virtual_network.server.name
  address_prefixes     = ["10.0.2.0/24"]
}

resource "azurerm_subnet" "aks_nodes" {
  name                 = "aks-nodes"
  resource_group_name  = "rg-platform"
  virtual_network_name = azurerm_virtual_network.server.name
  address_prefixes     = ["10.0.4.0/22"]
}

resource "azurerm_subnet" "AzureBastionSubnet" {
  name                 = "AzureBastionSubnet"
  resource_group_name  = "rg-platform"
  virtual_network_name = azurerm_virtual_network.server.name
  address_prefixes     = ["10.0.8.0/26"]
}

resource "azurerm_subnet" "GatewaySubnet" {
  name                 = "GatewaySubnet"
  resource_group_name  = "rg-platform"
  virtual_network_name = azurerm_virtual_network.server.name
  address_prefixes     = ["10.0.8.64/26"]
}

resource "azurerm_subnet" "private_endpoints" {
  name                 = "private-endpoints"
  resource_group_name  = "rg-platform"
  virtual_network_name = azurerm_virtual_network.server.name
  address_prefixes     = ["10.0.9.0/24"]
}

resource "azurerm_private_dns_zone" "postgres" {
  name                = "pg-platform.private.postgres.database.azure.com"
  resource_group_name = "rg-platform"
}

resource "azurerm_private_dns_zone_virtual_network_link" "vnet_platform_link" {
  name                 = "vnet-platform-link"
  private_dns_zone_id  = azurerm_private_dns_zone.postgres.id
  virtual_network_id   = azurerm_virtual_network.server.id
  registration_enabled = false
  depends_on           = [azurerm_subnet.postgres]
}

resource "azurerm_postgresql_flexible_server" "pg_platform" {
  name                          = var.server_name
  resource_group_name           = "rg-platform"
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

  depends_on = [azurerm_private_dns_zone_virtual_network_link.vnet_platform_link]
}

resource "azurerm_postgresql_flexible_server_configuration" "pg_platform_require_secure_transport" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.pg_platform.id
  value     = "on"
}

resource "azurerm_postgresql_flexible_server_configuration" "pg_platform_ssl_min_protocol_version" {
  name       = "ssl_min_protocol_version"
  server_id  = azurerm_postgresql_flexible_server.pg_platform.id
  value      = "TLSv1.2"
  depends_on = [azurerm_postgresql_flexible_server_configuration.pg_platform_require_secure_transport]
}
