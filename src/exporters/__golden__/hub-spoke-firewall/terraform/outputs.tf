# Outputs - plan "Fabrikam payments: hub and spoke through Azure Firewall".
# Note: The existing subnet snet-app of vnet-payments-app is associated with the route table rt-payments-app in place; everything else it has stays as it is.
# Note: The existing subnet GatewaySubnet of vnet-hub is associated with the route table rt-hub-gateway in place; everything else it has stays as it is.

output "server_fqdn" {
  description = "FQDN of pg-fabrikam-payments; connect with it, never with an IP."
  value       = azurerm_postgresql_flexible_server.pg_fabrikam_payments.fqdn
}

output "server_id" {
  description = "Resource ID of pg-fabrikam-payments."
  value       = azurerm_postgresql_flexible_server.pg_fabrikam_payments.id
}
