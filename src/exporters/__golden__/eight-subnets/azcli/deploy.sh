#!/usr/bin/env bash
# Plan "Eight-subnet VNet": Azure Database for PostgreSQL flexible server, private access (VNet integration).
# Run: PGADMIN_PASSWORD=... bash deploy.sh   (resource groups must exist; az login first)
# It can be run again: what exists is kept, and the settings the plan owns are set again.
# It needs Azure CLI 2.40.0 or later, and uses the flags of the version it finds.
set -euo pipefail

LOCATION="${LOCATION:-eastus2}"
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
  HA_DISABLED=(--zonal-resiliency=Disabled)
else
  HA_DISABLED=(--high-availability=Disabled)
fi

# Network
if ! az network vnet show --resource-group='rg-platform' --name='vnet-platform' --output=none 2>/dev/null; then
  az network vnet create \
    --resource-group='rg-platform' \
    --name='vnet-platform' \
    --location="$LOCATION" \
    --address-prefixes='10.0.0.0/16' \
    --output=none
fi
if az network vnet subnet show \
  --resource-group='rg-platform' \
  --vnet-name='vnet-platform' \
  --name='postgres' \
  --output=none 2>/dev/null; then
  az network vnet subnet update \
    --resource-group='rg-platform' \
    --vnet-name='vnet-platform' \
    --name='postgres' \
    --delegations='Microsoft.DBforPostgreSQL/flexibleServers' \
    --service-endpoints='Microsoft.Storage' \
    --output=none
else
  az network vnet subnet create \
    --resource-group='rg-platform' \
    --vnet-name='vnet-platform' \
    --name='postgres' \
    --address-prefixes='10.0.3.0/28' \
    --delegations='Microsoft.DBforPostgreSQL/flexibleServers' \
    --service-endpoints='Microsoft.Storage' \
    --output=none
fi
if ! az network vnet subnet show \
  --resource-group='rg-platform' \
  --vnet-name='vnet-platform' \
  --name='app' \
  --output=none 2>/dev/null; then
  az network vnet subnet create \
    --resource-group='rg-platform' \
    --vnet-name='vnet-platform' \
    --name='app' \
    --address-prefixes='10.0.0.0/24' \
    --output=none
fi
if ! az network vnet subnet show \
  --resource-group='rg-platform' \
  --vnet-name='vnet-platform' \
  --name='web' \
  --output=none 2>/dev/null; then
  az network vnet subnet create \
    --resource-group='rg-platform' \
    --vnet-name='vnet-platform' \
    --name='web' \
    --address-prefixes='10.0.1.0/24' \
    --output=none
fi
if ! az network vnet subnet show \
  --resource-group='rg-platform' \
  --vnet-name='vnet-platform' \
  --name='data' \
  --output=none 2>/dev/null; then
  az network vnet subnet create \
    --resource-group='rg-platform' \
    --vnet-name='vnet-platform' \
    --name='data' \
    --address-prefixes='10.0.2.0/24' \
    --output=none
fi
if ! az network vnet subnet show \
  --resource-group='rg-platform' \
  --vnet-name='vnet-platform' \
  --name='aks-nodes' \
  --output=none 2>/dev/null; then
  az network vnet subnet create \
    --resource-group='rg-platform' \
    --vnet-name='vnet-platform' \
    --name='aks-nodes' \
    --address-prefixes='10.0.4.0/22' \
    --output=none
fi
if ! az network vnet subnet show \
  --resource-group='rg-platform' \
  --vnet-name='vnet-platform' \
  --name='AzureBastionSubnet' \
  --output=none 2>/dev/null; then
  az network vnet subnet create \
    --resource-group='rg-platform' \
    --vnet-name='vnet-platform' \
    --name='AzureBastionSubnet' \
    --address-prefixes='10.0.8.0/26' \
    --output=none
fi
if ! az network vnet subnet show \
  --resource-group='rg-platform' \
  --vnet-name='vnet-platform' \
  --name='GatewaySubnet' \
  --output=none 2>/dev/null; then
  az network vnet subnet create \
    --resource-group='rg-platform' \
    --vnet-name='vnet-platform' \
    --name='GatewaySubnet' \
    --address-prefixes='10.0.8.64/26' \
    --output=none
fi
if ! az network vnet subnet show \
  --resource-group='rg-platform' \
  --vnet-name='vnet-platform' \
  --name='private-endpoints' \
  --output=none 2>/dev/null; then
  az network vnet subnet create \
    --resource-group='rg-platform' \
    --vnet-name='vnet-platform' \
    --name='private-endpoints' \
    --address-prefixes='10.0.9.0/24' \
    --output=none
fi
SUBNET_ID="$(az network vnet subnet show \
  --resource-group='rg-platform' \
  --vnet-name='vnet-platform' \
  --name='postgres' \
  --query=id --output=tsv)"
SERVER_VNET_ID="$(az network vnet show --resource-group='rg-platform' --name='vnet-platform' --query=id --output=tsv)"

# Private DNS zone and its VNet links
if ! az network private-dns zone show \
  --resource-group='rg-platform' \
  --name='pg-platform.private.postgres.database.azure.com' \
  --output=none 2>/dev/null; then
  az network private-dns zone create \
    --resource-group='rg-platform' \
    --name='pg-platform.private.postgres.database.azure.com' \
    --output=none
fi
if ! az network private-dns link vnet show \
  --resource-group='rg-platform' \
  --zone-name='pg-platform.private.postgres.database.azure.com' \
  --name='vnet-platform-link' \
  --output=none 2>/dev/null; then
  az network private-dns link vnet create \
    --resource-group='rg-platform' \
    --zone-name='pg-platform.private.postgres.database.azure.com' \
    --name='vnet-platform-link' \
    --virtual-network="$SERVER_VNET_ID" \
    --registration-enabled=false \
    --output=none
fi
ZONE_ID="$(az network private-dns zone show \
  --resource-group='rg-platform' \
  --name='pg-platform.private.postgres.database.azure.com' \
  --query=id --output=tsv)"

# Servers
if ! az postgres flexible-server show --resource-group='rg-platform' --name='pg-platform' --output=none 2>/dev/null; then
  printf '%s' "$PGADMIN_PASSWORD" | az postgres flexible-server create \
    --resource-group='rg-platform' \
    --name='pg-platform' \
    --location="$LOCATION" \
    --version='17' \
    --tier="$SKU_TIER" \
    --sku-name="$SKU_NAME" \
    --storage-size="$STORAGE_SIZE_GB" \
    --admin-user="$ADMIN_LOGIN" \
    --admin-password=@- \
    "${HA_DISABLED[@]}" \
    --subnet="$SUBNET_ID" \
    --private-dns-zone="$ZONE_ID" \
    --yes --output=none
fi
az postgres flexible-server parameter set \
  --resource-group='rg-platform' \
  --server-name='pg-platform' \
  --name='require_secure_transport' \
  --value='on' \
  --output=none
az postgres flexible-server parameter set \
  --resource-group='rg-platform' \
  --server-name='pg-platform' \
  --name='ssl_min_protocol_version' \
  --value='TLSv1.2' \
  --output=none
az postgres flexible-server show --resource-group='rg-platform' --name='pg-platform' --query='{fqdn: fullyQualifiedDomainName, id: id}' --output=json
