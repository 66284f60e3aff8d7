// Parameters of main.bicep for the plan "Contoso ledger: private endpoint in the hub".
using 'main.bicep'

param location = 'westeurope'
param serverName = 'pg-contoso-ledger'
param skuName = 'Standard_D2ds_v5'
param skuTier = 'GeneralPurpose'
param storageSizeGB = 32
param administratorLogin = 'pgadmin'
param administratorLoginPassword = readEnvironmentVariable('PGADMIN_PASSWORD')
