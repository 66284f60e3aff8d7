# Outputs - plan "Contoso ledger: private endpoint in the hub".

output "server_fqdn" {
  description = "FQDN of pg-contoso-ledger; connect with it, never with an IP."
  value       = azurerm_postgresql_flexible_server.pg_contoso_ledger.fqdn
}

output "server_id" {
  description = "Resource ID of pg-contoso-ledger."
  value       = azurerm_postgresql_flexible_server.pg_contoso_ledger.id
}
