#!/usr/bin/env bash
# Plan "Fabrikam payments: hub and spoke through Azure Firewall": Azure Database for PostgreSQL flexible server, private access (VNet integration).
# Run: PGADMIN_PASSWORD=... bash deploy.sh   (resource groups must exist; az login first)
# It can be run again: what exists is kept, and the settings the plan owns are set again.
# It needs Azure CLI 2.40.0 or later, and uses the flags of the version it finds.
# Note: The existing subnet snet-app of vnet-payments-app is associated with the route table rt-payments-app in place; everything else it has stays as it is.
# Note: The existing subnet GatewaySubnet of vnet-hub is associated with the route table rt-hub-gateway in place; everything else it has stays as it is.
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
  HA_DISABLED=(--zonal-resiliency=Disabled)
else
  HA_DISABLED=(--high-availability=Disabled)
fi

az account set --subscription='00000000-0000-0000-0000-0000000000a1'

# Network
if ! az network route-table show \
  --resource-group='rg-payments-network' \
  --name='rt-payments-data' \
  --output=none 2>/dev/null; then
  az network route-table create \
    --resource-group='rg-payments-network' \
    --name='rt-payments-data' \
    --location="$LOCATION" \
    --output=none
fi
az network route-table route create \
  --resource-group='rg-payments-network' \
  --route-table-name='rt-payments-data' \
  --name='to-payments-app' \
  --address-prefix='10.2.0.0/16' \
  --next-hop-type='VirtualAppliance' \
  --next-hop-ip-address='10.0.1.4' \
  --output=none
az network route-table route create \
  --resource-group='rg-payments-network' \
  --route-table-name='rt-payments-data' \
  --name='to-datacenter' \
  --address-prefix='192.168.0.0/16' \
  --next-hop-type='VirtualAppliance' \
  --next-hop-ip-address='10.0.1.4' \
  --output=none
if ! az network route-table show \
  --resource-group='rg-payments-app' \
  --name='rt-payments-app' \
  --output=none 2>/dev/null; then
  az network route-table create \
    --resource-group='rg-payments-app' \
    --name='rt-payments-app' \
    --location='westeurope' \
    --output=none
fi
az network route-table route create \
  --resource-group='rg-payments-app' \
  --route-table-name='rt-payments-app' \
  --name='to-payments-data' \
  --address-prefix='10.1.0.0/16' \
  --next-hop-type='VirtualAppliance' \
  --next-hop-ip-address='10.0.1.4' \
  --output=none
if ! az network route-table show --resource-group='rg-hub-network' --name='rt-hub-gateway' --output=none 2>/dev/null; then
  az network route-table create \
    --resource-group='rg-hub-network' \
    --name='rt-hub-gateway' \
    --location='westeurope' \
    --output=none
fi
az network route-table route create \
  --resource-group='rg-hub-network' \
  --route-table-name='rt-hub-gateway' \
  --name='to-payments-data' \
  --address-prefix='10.1.0.0/16' \
  --next-hop-type='VirtualAppliance' \
  --next-hop-ip-address='10.0.1.4' \
  --output=none
az network route-table route create \
  --resource-group='rg-hub-network' \
  --route-table-name='rt-hub-gateway' \
  --name='to-payments-app' \
  --address-prefix='10.2.0.0/16' \
  --next-hop-type='VirtualAppliance' \
  --next-hop-ip-address='10.0.1.4' \
  --output=none
if ! az network vnet show \
  --resource-group='rg-payments-network' \
  --name='vnet-payments-data' \
  --output=none 2>/dev/null; then
  az network vnet create \
    --resource-group='rg-payments-network' \
    --name='vnet-payments-data' \
    --location="$LOCATION" \
    --address-prefixes='10.1.0.0/16' \
    --dns-servers='10.0.2.4' \
    --output=none
fi
if az network vnet subnet show \
  --resource-group='rg-payments-network' \
  --vnet-name='vnet-payments-data' \
  --name='snet-postgres' \
  --output=none 2>/dev/null; then
  az network vnet subnet update \
    --resource-group='rg-payments-network' \
    --vnet-name='vnet-payments-data' \
    --name='snet-postgres' \
    --delegations='Microsoft.DBforPostgreSQL/flexibleServers' \
    --service-endpoints='Microsoft.Storage' \
    --route-table='rt-payments-data' \
    --output=none
else
  az network vnet subnet create \
    --resource-group='rg-payments-network' \
    --vnet-name='vnet-payments-data' \
    --name='snet-postgres' \
    --address-prefixes='10.1.0.0/28' \
    --delegations='Microsoft.DBforPostgreSQL/flexibleServers' \
    --service-endpoints='Microsoft.Storage' \
    --route-table='rt-payments-data' \
    --output=none
fi
if ! az network vnet subnet show \
  --resource-group='rg-payments-network' \
  --vnet-name='vnet-payments-data' \
  --name='snet-data-tools' \
  --output=none 2>/dev/null; then
  az network vnet subnet create \
    --resource-group='rg-payments-network' \
    --vnet-name='vnet-payments-data' \
    --name='snet-data-tools' \
    --address-prefixes='10.1.1.0/24' \
    --output=none
fi
az network vnet subnet update \
  --resource-group='rg-payments-app' \
  --vnet-name='vnet-payments-app' \
  --name='snet-app' \
  --route-table='rt-payments-app' \
  --output=none
az network vnet subnet update \
  --resource-group='rg-hub-network' \
  --vnet-name='vnet-hub' \
  --name='GatewaySubnet' \
  --route-table='rt-hub-gateway' \
  --output=none
SUBNET_ID="$(az network vnet subnet show \
  --resource-group='rg-payments-network' \
  --vnet-name='vnet-payments-data' \
  --name='snet-postgres' \
  --query=id --output=tsv)"
SERVER_VNET_ID="$(az network vnet show \
  --resource-group='rg-payments-network' \
  --name='vnet-payments-data' \
  --query=id --output=tsv)"
PEERED1_VNET_ID="$(az network vnet show --resource-group='rg-hub-network' --name='vnet-hub' --query=id --output=tsv)"
PEERED2_VNET_ID="$(az network vnet show \
  --resource-group='rg-payments-app' \
  --name='vnet-payments-app' \
  --query=id --output=tsv)"
az network vnet peering create \
  --resource-group='rg-hub-network' \
  --vnet-name='vnet-hub' \
  --name='vnet-hub-to-vnet-payments-data' \
  --remote-vnet="$SERVER_VNET_ID" \
  --allow-vnet-access=true \
  --allow-forwarded-traffic=false \
  --allow-gateway-transit=true \
  --use-remote-gateways=false \
  --output=none
az network vnet peering create \
  --resource-group='rg-hub-network' \
  --vnet-name='vnet-hub' \
  --name='vnet-hub-to-vnet-payments-app' \
  --remote-vnet="$PEERED2_VNET_ID" \
  --allow-vnet-access=true \
  --allow-forwarded-traffic=false \
  --allow-gateway-transit=true \
  --use-remote-gateways=false \
  --output=none
az network vnet peering create \
  --resource-group='rg-payments-network' \
  --vnet-name='vnet-payments-data' \
  --name='vnet-payments-data-to-vnet-hub' \
  --remote-vnet="$PEERED1_VNET_ID" \
  --allow-vnet-access=true \
  --allow-forwarded-traffic=true \
  --allow-gateway-transit=false \
  --use-remote-gateways=true \
  --output=none
az network vnet peering create \
  --resource-group='rg-payments-app' \
  --vnet-name='vnet-payments-app' \
  --name='vnet-payments-app-to-vnet-hub' \
  --remote-vnet="$PEERED1_VNET_ID" \
  --allow-vnet-access=true \
  --allow-forwarded-traffic=true \
  --allow-gateway-transit=false \
  --use-remote-gateways=true \
  --output=none

# Private DNS zone and its VNet links
if ! az network private-dns zone show \
  --resource-group='rg-hub-dns' \
  --name='fabrikam-payments.private.postgres.database.azure.com' \
  --output=none 2>/dev/null; then
  az network private-dns zone create \
    --resource-group='rg-hub-dns' \
    --name='fabrikam-payments.private.postgres.database.azure.com' \
    --output=none
fi
if ! az network private-dns link vnet show \
  --resource-group='rg-hub-dns' \
  --zone-name='fabrikam-payments.private.postgres.database.azure.com' \
  --name='vnet-payments-data-link' \
  --output=none 2>/dev/null; then
  az network private-dns link vnet create \
    --resource-group='rg-hub-dns' \
    --zone-name='fabrikam-payments.private.postgres.database.azure.com' \
    --name='vnet-payments-data-link' \
    --virtual-network="$SERVER_VNET_ID" \
    --registration-enabled=false \
    --output=none
fi
if ! az network private-dns link vnet show \
  --resource-group='rg-hub-dns' \
  --zone-name='fabrikam-payments.private.postgres.database.azure.com' \
  --name='vnet-hub-link' \
  --output=none 2>/dev/null; then
  az network private-dns link vnet create \
    --resource-group='rg-hub-dns' \
    --zone-name='fabrikam-payments.private.postgres.database.azure.com' \
    --name='vnet-hub-link' \
    --virtual-network="$PEERED1_VNET_ID" \
    --registration-enabled=false \
    --output=none
fi
ZONE_ID="$(az network private-dns zone show \
  --resource-group='rg-hub-dns' \
  --name='fabrikam-payments.private.postgres.database.azure.com' \
  --query=id --output=tsv)"

# Servers
if ! az postgres flexible-server show \
  --resource-group='rg-payments-data' \
  --name='pg-fabrikam-payments' \
  --output=none 2>/dev/null; then
  printf '%s' "$PGADMIN_PASSWORD" | az postgres flexible-server create \
    --resource-group='rg-payments-data' \
    --name='pg-fabrikam-payments' \
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
  --resource-group='rg-payments-data' \
  --server-name='pg-fabrikam-payments' \
  --name='require_secure_transport' \
  --value='on' \
  --output=none
az postgres flexible-server parameter set \
  --resource-group='rg-payments-data' \
  --server-name='pg-fabrikam-payments' \
  --name='ssl_min_protocol_version' \
  --value='TLSv1.2' \
  --output=none
az postgres flexible-server show --resource-group='rg-payments-data' --name='pg-fabrikam-payments' --query='{fqdn: fullyQualifiedDomainName, id: id}' --output=json
