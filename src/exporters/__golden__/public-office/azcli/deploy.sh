#!/usr/bin/env bash
# Plan "Fabrikam reporting: public access from the offices": Azure Database for PostgreSQL flexible server, public access (allowed IP addresses).
# Run: PGADMIN_PASSWORD=... bash deploy.sh   (resource groups must exist; az login first)
# It can be run again: what exists is kept, and the settings the plan owns are set again.
# It needs Azure CLI 2.40.0 or later, and uses the flags of the version it finds.
set -euo pipefail

LOCATION="${LOCATION:-northeurope}"
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
if ((AZ_VERSION_NUMBER >= 2087000)); then
  FIREWALL_SERVER_OPTION=--server-name FIREWALL_RULE_OPTION=--name
else
  FIREWALL_SERVER_OPTION=--name FIREWALL_RULE_OPTION=--rule-name
fi

az account set --subscription='00000000-0000-0000-0000-0000000000c1'

# Servers
if ! az postgres flexible-server show \
  --resource-group='rg-reporting' \
  --name='pg-fabrikam-reporting' \
  --output=none 2>/dev/null; then
  printf '%s' "$PGADMIN_PASSWORD" | az postgres flexible-server create \
    --resource-group='rg-reporting' \
    --name='pg-fabrikam-reporting' \
    --location="$LOCATION" \
    --version='16' \
    --tier="$SKU_TIER" \
    --sku-name="$SKU_NAME" \
    --storage-size="$STORAGE_SIZE_GB" \
    --admin-user="$ADMIN_LOGIN" \
    --admin-password=@- \
    "${HA_DISABLED[@]}" \
    --public-access=Enabled \
    --yes --output=none
fi
az postgres flexible-server parameter set \
  --resource-group='rg-reporting' \
  --server-name='pg-fabrikam-reporting' \
  --name='require_secure_transport' \
  --value='on' \
  --output=none
az postgres flexible-server parameter set \
  --resource-group='rg-reporting' \
  --server-name='pg-fabrikam-reporting' \
  --name='ssl_min_protocol_version' \
  --value='TLSv1.2' \
  --output=none
az postgres flexible-server firewall-rule create \
  --resource-group='rg-reporting' \
  "$FIREWALL_SERVER_OPTION"='pg-fabrikam-reporting' \
  "$FIREWALL_RULE_OPTION"='office-dublin' \
  --start-ip-address='203.0.113.0' \
  --end-ip-address='203.0.113.15' \
  --output=none
az postgres flexible-server firewall-rule create \
  --resource-group='rg-reporting' \
  "$FIREWALL_SERVER_OPTION"='pg-fabrikam-reporting' \
  "$FIREWALL_RULE_OPTION"='office-cork' \
  --start-ip-address='198.51.100.7' \
  --end-ip-address='198.51.100.7' \
  --output=none
az postgres flexible-server firewall-rule create \
  --resource-group='rg-reporting' \
  "$FIREWALL_SERVER_OPTION"='pg-fabrikam-reporting' \
  "$FIREWALL_RULE_OPTION"='ci-runners' \
  --start-ip-address='192.0.2.32' \
  --end-ip-address='192.0.2.63' \
  --output=none
az postgres flexible-server show --resource-group='rg-reporting' --name='pg-fabrikam-reporting' --query='{fqdn: fullyQualifiedDomainName, id: id}' --output=json
