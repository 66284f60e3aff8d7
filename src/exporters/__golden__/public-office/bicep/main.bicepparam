// Parameters of main.bicep for the plan "Fabrikam reporting: public access from the offices".
using 'main.bicep'

param location = 'northeurope'
param serverName = 'pg-fabrikam-reporting'
param skuName = 'Standard_D2ds_v5'
param skuTier = 'GeneralPurpose'
param storageSizeGB = 32
param administratorLogin = 'pgadmin'
param administratorLoginPassword = readEnvironmentVariable('PGADMIN_PASSWORD')
