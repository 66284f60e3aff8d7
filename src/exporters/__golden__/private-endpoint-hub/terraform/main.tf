# Resources - plan "Contoso ledger: private endpoint in the hub".

locals {
  vnet_hub_id              = "/subscriptions/${var.subscription_id}/resourceGroups/rg-connectivity/providers/Microsoft.Network/virtualNetworks/vnet-hub"
  vnet_spoke_ledger_app_id = "/subscriptions/${var.subscription_id}/resourceGroups/rg-ledger-app/providers/Microsoft.Network/virtualNetworks/vnet-spoke-ledger-app"
}

resource "azurerm_private_dns_zone" "postgres" {
  name                = "privatelink.postgres.database.azure.com"
  resource_group_name = "rg-connectivity"
}

resource "azurerm_private_dns_zone_virtual_network_link" "vnet_hub_link" {
  name                 = "vnet-hub-link"
  private_dns_zone_id  = azurerm_private_dns_zone.postgres.id
  virtual_network_id   = local.vnet_hub_id
  registration_enabled = false
}

resource "azurerm_virtual_network_peering" "vnet_hub_to_vnet_spoke_ledger_app" {
  name                         = "vnet-hub-to-vnet-spoke-ledger-app"
  resource_group_name          = "rg-connectivity"
  virtual_network_name         = "vnet-hub"
  remote_virtual_network_id    = local.vnet_spoke_ledger_app_id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = false
  allow_gateway_transit        = true
  use_remote_gateways          = false
}

resource "azurerm_virtual_network_peering" "vnet_spoke_ledger_app_to_vnet_hub" {
  name                         = "vnet-spoke-ledger-app-to-vnet-hub"
  resource_group_name          = "rg-ledger-app"
  virtual_network_name         = "vnet-spoke-ledger-app"
  remote_virtual_network_id    = local.vnet_hub_id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = false
  allow_gateway_transit        = false
  use_remote_gateways          = true
  depends_on                   = [azurerm_virtual_network_peering.vnet_hub_to_vnet_spoke_ledger_app]
}

resource "azurerm_postgresql_flexible_server" "pg_contoso_ledger" {
  name                          = var.server_name
  resource_group_name           = "rg-ledger-data"
  location                      = var.location
  version                       = "17"
  sku_name                      = var.sku_name
  storage_mb                    = var.storage_mb
  administrator_login           = var.administrator_login
  administrator_password        = var.administrator_password
  public_network_access_enabled = false

  high_availability {
    mode = "ZoneRedundant"
  }

  lifecycle {
    ignore_changes = [zone, high_availability[0].standby_availability_zone]
  }
}

resource "azurerm_postgresql_flexible_server_configuration" "pg_contoso_ledger_require_secure_transport" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.pg_contoso_ledger.id
  value     = "on"
}

resource "azurerm_postgresql_flexible_server_configuration" "pg_contoso_ledger_ssl_min_protocol_version" {
  name       = "ssl_min_protocol_version"
  server_id  = azurerm_postgresql_flexible_server.pg_contoso_ledger.id
  value      = "TLSv1.2"
  depends_on = [azurerm_postgresql_flexible_server_configuration.pg_contoso_ledger_require_secure_transport]
}

resource "azurerm_private_endpoint" "pe_pg_contoso_ledger" {
  name                = "pe-pg-contoso-ledger"
  resource_group_name = "rg-connectivity"
  location            = "westeurope"
  subnet_id           = "/subscriptions/${var.subscription_id}/resourceGroups/rg-connectivity/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-private-endpoints"

  private_service_connection {
    name                           = "pe-pg-contoso-ledger"
    is_manual_connection           = false
    private_connection_resource_id = azurerm_postgresql_flexible_server.pg_contoso_ledger.id
    subresource_names              = ["postgresqlServer"]
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.postgres.id]
  }

  ip_configuration {
    name               = "pe-pg-contoso-ledger-ipconfig"
    private_ip_address = "10.0.1.10"
    subresource_name   = "postgresqlServer"
    member_name        = "postgresqlServer"
  }

  depends_on = [azurerm_postgresql_flexible_server_configuration.pg_contoso_ledger_ssl_min_protocol_version]
}
