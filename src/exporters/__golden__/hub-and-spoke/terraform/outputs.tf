# Outputs - plan "Contoso orders: hub and spoke".

output "server_fqdn" {
  description = "FQDN of pg-contoso-orders; connect with it, never with an IP."
  value       = azurerm_postgresql_flexible_server.pg_contoso_orders.fqdn
}

output "server_id" {
  description = "Resource ID of pg-contoso-orders."
  value       = azurerm_postgresql_flexible_server.pg_contoso_orders.id
}
