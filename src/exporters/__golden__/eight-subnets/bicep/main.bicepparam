// Parameters of main.bicep for the plan "Eight-subnet VNet".
using 'main.bicep'

param location = 'eastus2'
param serverName = 'pg-platform'
param skuName = 'Standard_D2ds_v5'
param skuTier = 'GeneralPurpose'
param storageSizeGB = 32
param administratorLogin = 'pgadmin'
param administratorLoginPassword = readEnvironmentVariable('PGADMIN_PASSWORD')
