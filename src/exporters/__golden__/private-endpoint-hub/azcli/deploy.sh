#!/usr/bin/env bash
# Plan "Contoso ledger: private endpoint in the hub": Azure Database for PostgreSQL flexible server, public access (allowed IP addresses).
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
PEERED1_VNET_ID="$(az network vnet show --resource-group='rg-connectivity' --name='vnet-hub' --query=id --output=tsv)"
PEERED2_VNET_ID="$(az network vnet show \
  --resource-group='rg-ledger-app' \
  --name='vnet-spoke-ledger-app' \
  --query=id --output=tsv)"
az network vnet peering create \
  --resource-group='rg-connectivity' \
  --vnet-name='vnet-hub' \
  --name='vnet-hub-to-vnet-spoke-ledger-app' \
  --remote-vnet="$PEERED2_VNET_ID" \
  --allow-vnet-access=true \
  --allow-forwarded-traffic=false \
  --allow-gateway-transit=true \
  --use-remote-gateways=false \
  --output=none
az network vnet peering create \
  --resource-group='rg-ledger-app' \
  --vnet-name='vnet-spoke-ledger-app' \
  --name='vnet-spoke-ledger-app-to-vnet-hub' \
  --remote-vnet="$PEERED1_VNET_ID" \
  --allow-vnet-access=true \
  --allow-forwarded-traffic=false \
  --allow-gateway-transit=false \
  --use-remote-gateways=true \
  --output=none
if ! az network private-dns zone show \
  --resource-group='rg-connectivity' \
  --name='privatelink.postgres.database.azure.com' \
  --output=none 2>/dev/null; then
  az network private-dns zone create \
    --resource-group='rg-connectivity' \
    --name='privatelink.postgres.database.azure.com' \
    --output=none
fi
if ! az network private-dns link vnet show \
  --resource-group='rg-connectivity' \
  --zone-name='privatelink.postgres.database.azure.com' \
  --name='vnet-hub-link' \
  --output=none 2>/dev/null; then
  az network private-dns link vnet create \
    --resource-group='rg-connectivity' \
    --zone-name='privatelink.postgres.database.azure.com' \
    --name='vnet-hub-link' \
    --virtual-network="$PEERED1_VNET_ID" \
    --registration-enabled=false \
    --output=none
fi
ZONE_ID="$(az network private-dns zone show \
  --resource-group='rg-connectivity' \
  --name='privatelink.postgres.database.azure.com' \
  --query=id --output=tsv)"

# Servers
if ! az postgres flexible-server show \
  --resource-group='rg-ledger-data' \
  --name='pg-contoso-ledger' \
  --output=none 2>/dev/null; then
  printf '%s' "$PGADMIN_PASSWORD" | az postgres flexible-server create \
    --resource-group='rg-ledger-data' \
    --name='pg-contoso-ledger' \
    --location="$LOCATION" \
    --version='17' \
    --tier="$SKU_TIER" \
    --sku-name="$SKU_NAME" \
    --storage-size="$STORAGE_SIZE_GB" \
    --admin-user="$ADMIN_LOGIN" \
    --admin-password=@- \
    "${HA_ZONE_REDUNDANT[@]}" \
    --public-access=Enabled \
    --yes --output=none
fi
az postgres flexible-server parameter set \
  --resource-group='rg-ledger-data' \
  --server-name='pg-contoso-ledger' \
  --name='require_secure_transport' \
  --value='on' \
  --output=none
az postgres flexible-server parameter set \
  --resource-group='rg-ledger-data' \
  --server-name='pg-contoso-ledger' \
  --name='ssl_min_protocol_version' \
  --value='TLSv1.2' \
  --output=none
az postgres flexible-server update \
  --resource-group='rg-ledger-data' \
  --name='pg-contoso-ledger' \
  --public-access=Disabled --output=none
az postgres flexible-server show --resource-group='rg-ledger-data' --name='pg-contoso-ledger' --query='{fqdn: fullyQualifiedDomainName, id: id}' --output=json

# Private endpoints
SERVER_ID="$(az postgres flexible-server show \
  --resource-group='rg-ledger-data' \
  --name='pg-contoso-ledger' \
  --query=id --output=tsv)"
if ! az network private-endpoint show \
  --resource-group='rg-connectivity' \
  --name='pe-pg-contoso-ledger' \
  --output=none 2>/dev/null; then
  az network private-endpoint create \
    --resource-group='rg-connectivity' \
    --name='pe-pg-contoso-ledger' \
    --location='westeurope' \
    --subnet="$PEERED1_VNET_ID"/subnets/'snet-private-endpoints' \
    --private-connection-resource-id="$SERVER_ID" \
    --group-id='postgresqlServer' \
    --connection-name='pe-pg-contoso-ledger' \
    --ip-config 'name=pe-pg-contoso-ledger-ipconfig' 'group-id=postgresqlServer' 'member-name=postgresqlServer' 'private-ip-address=10.0.1.10' \
    --output=none
fi
if ! az network private-endpoint dns-zone-group show \
  --resource-group='rg-connectivity' \
  --endpoint-name='pe-pg-contoso-ledger' \
  --name='default' \
  --output=none 2>/dev/null; then
  az network private-endpoint dns-zone-group create \
    --resource-group='rg-connectivity' \
    --endpoint-name='pe-pg-contoso-ledger' \
    --name='default' \
    --private-dns-zone="$ZONE_ID" \
    --zone-name='privatelink-postgres-database-azure-com' \
    --output=none
fi
