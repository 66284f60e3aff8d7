# Resources - plan "Fabrikam reporting: public access from the offices".

resource "azurerm_postgresql_flexible_server" "pg_fabrikam_reporting" {
  name                          = var.server_name
  resource_group_name           = "rg-reporting"
  location                      = var.location
  version                       = "16"
  sku_name                      = var.sku_name
  storage_mb                    = var.storage_mb
  administrator_login           = var.administrator_login
  administrator_password        = var.administrator_password
  public_network_access_enabled = true

  lifecycle {
    ignore_changes = [zone]
  }
}

resource "azurerm_postgresql_flexible_server_configuration" "pg_fabrikam_reporting_require_secure_transport" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.pg_fabrikam_reporting.id
  value     = "on"
}

resource "azurerm_postgresql_flexible_server_configuration" "pg_fabrikam_reporting_ssl_min_protocol_version" {
  name       = "ssl_min_protocol_version"
  server_id  = azurerm_postgresql_flexible_server.pg_fabrikam_reporting.id
  value      = "TLSv1.2"
  depends_on = [azurerm_postgresql_flexible_server_configuration.pg_fabrikam_reporting_require_secure_transport]
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "office_dublin" {
  name             = "office-dublin"
  server_id        = azurerm_postgresql_flexible_server.pg_fabrikam_reporting.id
  start_ip_address = "203.0.113.0"
  end_ip_address   = "203.0.113.15"
  depends_on       = [azurerm_postgresql_flexible_server_configuration.pg_fabrikam_reporting_ssl_min_protocol_version]
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "office_cork" {
  name             = "office-cork"
  server_id        = azurerm_postgresql_flexible_server.pg_fabrikam_reporting.id
  start_ip_address = "198.51.100.7"
  end_ip_address   = "198.51.100.7"
  depends_on       = [azurerm_postgresql_flexible_server_firewall_rule.office_dublin]
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "ci_runners" {
  name             = "ci-runners"
  server_id        = azurerm_postgresql_flexible_server.pg_fabrikam_reporting.id
  start_ip_address = "192.0.2.32"
  end_ip_address   = "192.0.2.63"
  depends_on       = [azurerm_postgresql_flexible_server_firewall_rule.office_cork]
}
