# Outputs - plan "Fabrikam reporting: public access from the offices".

output "server_fqdn" {
  description = "FQDN of pg-fabrikam-reporting; connect with it, never with an IP."
  value       = azurerm_postgresql_flexible_server.pg_fabrikam_reporting.fqdn
}

output "server_id" {
  description = "Resource ID of pg-fabrikam-reporting."
  value       = azurerm_postgresql_flexible_server.pg_fabrikam_reporting.id
}
