# Outputs - plan "Eight-subnet VNet".

output "server_fqdn" {
  description = "FQDN of pg-platform; connect with it, never with an IP."
  value       = azurerm_postgresql_flexible_server.pg_platform.fqdn
}

output "server_id" {
  description = "Resource ID of pg-platform."
  value       = azurerm_postgresql_flexible_server.pg_platform.id
}
