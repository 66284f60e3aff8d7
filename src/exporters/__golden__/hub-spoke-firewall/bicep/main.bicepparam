// Parameters of main.bicep for the plan "Fabrikam payments: hub and spoke through Azure Firewall".
// Note: The existing subnet snet-app of vnet-payments-app is associated with the route table rt-payments-app in place; everything else it has stays as it is.
// Note: The existing subnet GatewaySubnet of vnet-hub is associated with the route table rt-hub-gateway in place; everything else it has stays as it is.
using 'main.bicep'

param location = 'westeurope'
param serverName = 'pg-fabrikam-payments'
param skuName = 'Standard_D2ds_v5'
param skuTier = 'GeneralPurpose'
param storageSizeGB = 32
param administratorLogin = 'pgadmin'
param administratorLoginPassword = readEnvironmentVariable('PGADMIN_PASSWORD')
