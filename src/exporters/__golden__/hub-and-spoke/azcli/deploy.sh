#!/usr/bin/env bash
# Plan "Contoso orders: hub and spoke": Azure Database for PostgreSQL flexible server, private access (VNet integration).
# Run: PGADMIN_PASSWORD=... bash deploy.sh   (resource groups must exist; az login first)
# It can be run again: what exists is kept, and the settings the plan owns are set again.
# It needs Azure CLI 2.40.0 or later, and uses the flags of the version it finds.
set -euo pipefail

LOCATION="${LOCATION:-westeurope}"
SKU_TIER="${SKU_TIER:-GeneralPurpose}"
SKU_NAME="${SKU_NAME:-Standard_D2ds_v5}"
STORAGE_SIZE_GB="${STORAGE_SIZE_GB:-32}"
ADMIN_LOGIN="${ADMIN_LOGIN:-pgadmin}"
: "${PGADMIN_PASSWORD:?Set PGADMIN_PASSWORD to the administrator password}"

# Azure CLI 2.40.0 or later; the flags for high availability and firewall rules depend on its version
AZ_VERSION="$(az version --query='"azure-cli"' --output=tsv 2>/dev/null)" || AZ_VERSION=''
if [[ ! "$AZ_VERSION" =~ ^([0-9]+)\.([0-9]+)\.([0-9]+) ]]; then
  echo "Could not read the Azure CLI version (az version gave '$AZ_VERSION'). deploy.sh needs Azure CLI 2.40.0 or later." >&2
  exit 1
fi
AZ_VERSION_NUMBER=$((10#${BASH_REMATCH[1]} * 1000000 + 10#${BASH_REMATCH[2]} * 1000 + 10#${BASH_REMATCH[3]}))
if ((AZ_VERSION_NUMBER < 2040000)); then
  echo "deploy.sh needs Azure CLI 2.40.0 or later; this one is $AZ_VERSION. Upgrade it (az upgrade) and run deploy.sh again." >&2
  exit 1
fi
if ((AZ_VERSION_NUMBER >= 2082000)); then
  HA_ZONE_REDUNDANT=(--zonal-resiliency=Enabled)
else
  HA_ZONE_REDUNDANT=(--high-availability=ZoneRedundant)
fi

az account set --subscription='00000000-0000-0000-0000-0000000000a1'

# Network
if ! az network nsg show --resource-group='rg-orders-network' --name='nsg-postgres' --output=none 2>/dev/null; then
  az network nsg create \
    --resource-group='rg-orders-network' \
    --name='nsg-postgres' \
    --location="$LOCATION" \
    --output=none
fi
az network nsg rule create \
  --resource-group='rg-orders-network' \
  --nsg-name='nsg-postgres' \
  --name='allow-postgres-in-subnet' \
  --priority=100 \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='Tcp' \
  --source-address-prefixes='10.20.0.0/28' \
  --source-port-ranges='*' \
  --destination-address-prefixes='10.20.0.0/28' \
  --destination-port-ranges '5432' '6432' \
  --description='HA: 5432 and 6432 within the delegated subnet' \
  --output=none
az network nsg rule create \
  --resource-group='rg-orders-network' \
  --nsg-name='nsg-postgres' \
  --name='allow-postgres-from-spokes' \
  --priority=110 \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='Tcp' \
  --source-address-prefixes '10.20.1.0/24' '10.30.0.0/16' '192.168.10.0/24' \
  --source-port-ranges='*' \
  --destination-address-prefixes='10.20.0.0/28' \
  --destination-port-ranges='5432' \
  --description='Applications and the office' \
  --output=none
az network nsg rule create \
  --resource-group='rg-orders-network' \
  --nsg-name='nsg-postgres' \
  --name='deny-all-inbound' \
  --priority=4096 \
  --direction='Inbound' \
  --access='Deny' \
  --protocol='*' \
  --source-address-prefixes='*' \
  --source-port-ranges='*' \
  --destination-address-prefixes='*' \
  --destination-port-ranges='*' \
  --output=none
az network nsg rule create \
  --resource-group='rg-orders-network' \
  --nsg-name='nsg-postgres' \
  --name='allow-postgres-out-subnet' \
  --priority=100 \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='Tcp' \
  --source-address-prefixes='10.20.0.0/28' \
  --source-port-ranges='*' \
  --destination-address-prefixes='10.20.0.0/28' \
  --destination-port-ranges '5432' '6432' \
  --description='HA: 5432 and 6432 within the delegated subnet' \
  --output=none
az network nsg rule create \
  --resource-group='rg-orders-network' \
  --nsg-name='nsg-postgres' \
  --name='allow-storage-out' \
  --priority=110 \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='Tcp' \
  --source-address-prefixes='10.20.0.0/28' \
  --source-port-ranges='*' \
  --destination-address-prefixes='Storage.WestEurope' \
  --destination-port-ranges='443' \
  --description='HA: WAL archival to Azure Storage' \
  --output=none
if ! az network vnet show --resource-group='rg-orders-network' --name='vnet-orders-data' --output=none 2>/dev/null; then
  az network vnet create \
    --resource-group='rg-orders-network' \
    --name='vnet-orders-data' \
    --location="$LOCATION" \
    --address-prefixes='10.20.0.0/16' \
    --dns-servers='10.0.0.4' \
    --output=none
fi
if az network vnet subnet show \
  --resource-group='rg-orders-network' \
  --vnet-name='vnet-orders-data' \
  --name='snet-postgres' \
  --output=none 2>/dev/null; then
  az network vnet subnet update \
    --resource-group='rg-orders-network' \
    --vnet-name='vnet-orders-data' \
    --name='snet-postgres' \
    --delegations='Microsoft.DBforPostgreSQL/flexibleServers' \
    --service-endpoints='Microsoft.Storage' \
    --network-security-group='nsg-postgres' \
    --output=none
else
  az network vnet subnet create \
    --resource-group='rg-orders-network' \
    --vnet-name='vnet-orders-data' \
    --name='snet-postgres' \
    --address-prefixes='10.20.0.0/28' \
    --delegations='Microsoft.DBforPostgreSQL/flexibleServers' \
    --service-endpoints='Microsoft.Storage' \
    --network-security-group='nsg-postgres' \
    --output=none
fi
if ! az network vnet subnet show \
  --resource-group='rg-orders-network' \
  --vnet-name='vnet-orders-data' \
  --name='snet-app' \
  --output=none 2>/dev/null; then
  az network vnet subnet create \
    --resource-group='rg-orders-network' \
    --vnet-name='vnet-orders-data' \
    --name='snet-app' \
    --address-prefixes='10.20.1.0/24' \
    --output=none
fi
SUBNET_ID="$(az network vnet subnet show \
  --resource-group='rg-orders-network' \
  --vnet-name='vnet-orders-data' \
  --name='snet-postgres' \
  --query=id --output=tsv)"
SERVER_VNET_ID="$(az network vnet show \
  --resource-group='rg-orders-network' \
  --name='vnet-orders-data' \
  --query=id --output=tsv)"
PEERED1_VNET_ID="$(az network vnet show --resource-group='rg-hub-network' --name='vnet-hub' --query=id --output=tsv)"
PEERED2_VNET_ID="$(az network vnet show --resource-group='rg-spoke-2' --name='vnet-spoke-2' --query=id --output=tsv)"
az network vnet peering create \
  --resource-group='rg-hub-network' \
  --vnet-name='vnet-hub' \
  --name='vnet-hub-to-vnet-orders-data' \
  --remote-vnet="$SERVER_VNET_ID" \
  --allow-vnet-access=true \
  --allow-forwarded-traffic=true \
  --allow-gateway-transit=true \
  --use-remote-gateways=false \
  --output=none
az network vnet peering create \
  --resource-group='rg-orders-network' \
  --vnet-name='vnet-orders-data' \
  --name='vnet-orders-data-to-vnet-spoke-2' \
  --remote-vnet="$PEERED2_VNET_ID" \
  --allow-vnet-access=true \
  --allow-forwarded-traffic=false \
  --allow-gateway-transit=false \
  --use-remote-gateways=false \
  --output=none
az network vnet peering create \
  --resource-group='rg-spoke-2' \
  --vnet-name='vnet-spoke-2' \
  --name='vnet-spoke-2-to-vnet-orders-data' \
  --remote-vnet="$SERVER_VNET_ID" \
  --allow-vnet-access=true \
  --allow-forwarded-traffic=false \
  --allow-gateway-transit=false \
  --use-remote-gateways=false \
  --output=none
az network vnet peering create \
  --resource-group='rg-spoke-2' \
  --vnet-name='vnet-spoke-2' \
  --name='vnet-spoke-2-to-vnet-hub' \
  --remote-vnet="$PEERED1_VNET_ID" \
  --allow-vnet-access=true \
  --allow-forwarded-traffic=false \
  --allow-gateway-transit=false \
  --use-remote-gateways=false \
  --output=none
az network vnet peering create \
  --resource-group='rg-hub-network' \
  --vnet-name='vnet-hub' \
  --name='vnet-hub-to-vnet-spoke-2' \
  --remote-vnet="$PEERED2_VNET_ID" \
  --allow-vnet-access=true \
  --allow-forwarded-traffic=false \
  --allow-gateway-transit=false \
  --use-remote-gateways=false \
  --output=none
az network vnet peering create \
  --resource-group='rg-orders-network' \
  --vnet-name='vnet-orders-data' \
  --name='vnet-orders-data-to-vnet-hub' \
  --remote-vnet="$PEERED1_VNET_ID" \
  --allow-vnet-access=true \
  --allow-forwarded-traffic=true \
  --allow-gateway-transit=false \
  --use-remote-gateways=true \
  --output=none

# Private DNS zone and its VNet links
if ! az network private-dns zone show \
  --resource-group='rg-hub-dns' \
  --name='contoso-orders.private.postgres.database.azure.com' \
  --output=none 2>/dev/null; then
  az network private-dns zone create \
    --resource-group='rg-hub-dns' \
    --name='contoso-orders.private.postgres.database.azure.com' \
    --output=none
fi
if ! az network private-dns link vnet show \
  --resource-group='rg-hub-dns' \
  --zone-name='contoso-orders.private.postgres.database.azure.com' \
  --name='vnet-orders-data-link' \
  --output=none 2>/dev/null; then
  az network private-dns link vnet create \
    --resource-group='rg-hub-dns' \
    --zone-name='contoso-orders.private.postgres.database.azure.com' \
    --name='vnet-orders-data-link' \
    --virtual-network="$SERVER_VNET_ID" \
    --registration-enabled=false \
    --output=none
fi
if ! az network private-dns link vnet show \
  --resource-group='rg-hub-dns' \
  --zone-name='contoso-orders.private.postgres.database.azure.com' \
  --name='vnet-hub-link' \
  --output=none 2>/dev/null; then
  az network private-dns link vnet create \
    --resource-group='rg-hub-dns' \
    --zone-name='contoso-orders.private.postgres.database.azure.com' \
    --name='vnet-hub-link' \
    --virtual-network="$PEERED1_VNET_ID" \
    --registration-enabled=false \
    --output=none
fi
if ! az network private-dns link vnet show \
  --resource-group='rg-hub-dns' \
  --zone-name='contoso-orders.private.postgres.database.azure.com' \
  --name='vnet-spoke-2-link' \
  --output=none 2>/dev/null; then
  az network private-dns link vnet create \
    --resource-group='rg-hub-dns' \
    --zone-name='contoso-orders.private.postgres.database.azure.com' \
    --name='vnet-spoke-2-link' \
    --virtual-network="$PEERED2_VNET_ID" \
    --registration-enabled=false \
    --output=none
fi
ZONE_ID="$(az network private-dns zone show \
  --resource-group='rg-hub-dns' \
  --name='contoso-orders.private.postgres.database.azure.com' \
  --query=id --output=tsv)"

# Servers
if ! az postgres flexible-server show \
  --resource-group='rg-orders-data' \
  --name='pg-contoso-orders' \
  --output=none 2>/dev/null; then
  printf '%s' "$PGADMIN_PASSWORD" | az postgres flexible-server create \
    --resource-group='rg-orders-data' \
    --name='pg-contoso-orders' \
    --location="$LOCATION" \
    --version='17' \
    --tier="$SKU_TIER" \
    --sku-name="$SKU_NAME" \
    --storage-size="$STORAGE_SIZE_GB" \
    --admin-user="$ADMIN_LOGIN" \
    --admin-password=@- \
    "${HA_ZONE_REDUNDANT[@]}" \
    --subnet="$SUBNET_ID" \
    --private-dns-zone="$ZONE_ID" \
    --yes --output=none
fi
az postgres flexible-server parameter set \
  --resource-group='rg-orders-data' \
  --server-name='pg-contoso-orders' \
  --name='require_secure_transport' \
  --value='on' \
  --output=none
az postgres flexible-server parameter set \
  --resource-group='rg-orders-data' \
  --server-name='pg-contoso-orders' \
  --name='ssl_min_protocol_version' \
  --value='TLSv1.2' \
  --output=none
az postgres flexible-server show --resource-group='rg-orders-data' --name='pg-contoso-orders' --query='{fqdn: fullyQualifiedDomainName, id: id}' --output=json
