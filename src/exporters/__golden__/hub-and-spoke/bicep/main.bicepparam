// Parameters of main.bicep for the plan "Contoso orders: hub and spoke".
using 'main.bicep'

param location = 'westeurope'
param serverName = 'pg-contoso-orders'
param skuName = 'Standard_D2ds_v5'
param skuTier = 'GeneralPurpose'
param storageSizeGB = 32
param administratorLogin = 'pgadmin'
param administratorLoginPassword = readEnvironmentVariable('PGADMIN_PASSWORD')
