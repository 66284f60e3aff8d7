/**
 * The preset DEFLATE dictionary of link format 1: strings that plans share, so that even a small
 * plan compresses well. Part of the link format: FROZEN. Changing a single character would make
 * every link shared so far open wrong (the CRC then reports it as damaged), so a better dictionary
 * needs link format 2. DEFLATE finds recent text cheapest, so the most common strings come last.
 */
export const LINK_DICTIONARY_V1 = [
  'AzureFirewallManagementSubnet","AzureFirewallSubnet","',
  'Microsoft.Web/serverFarms","Microsoft.Storage","Microsoft.Sql',
  'AzureActiveDirectory","AzureLoadBalancer","AzureCloud","Internet","VirtualNetwork","Storage.',
  'australiaeast","brazilsouth","canadacentral","centralindia","centralus","eastasia","francecentral",',
  '"germanywestcentral","japaneast","koreacentral","northeurope","norwayeast","southeastasia",',
  '"swedencentral","switzerlandnorth","uksouth","westus2","westus3","eastus","eastus2","westeurope",',
  '"on-prem","office","branch","datacenter","reporting","analytics","api","app","web",' +
    '"data","aks-nodes","jumpbox","hub","spoke","shared","prod","dev","test",',
  '"snet-","nsg-","rule-","allow-","deny-","client-","vnet-hub","vnet-spoke-","rg-network",' +
    '"rg-data","vnet-","rg-","pg-',
  '"GatewaySubnet","AzureBastionSubnet","private-endpoints","postgres","snet-postgres",',
  '"192.168.0.0/24","172.16.0.0/12","10.0.0.0/8","10.0.0.0/24","10.0.0.0/28","10.0.0.0/16",',
  '"5432","6432","443",".0/24",".0/26",".0/28",".0/16","],[',
  '.private.postgres.database.azure.com",',
].join('');
