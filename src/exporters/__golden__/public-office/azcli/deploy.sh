#!/usr/bin/env bash
# Plan "Fabrikam reporting: public access from the offices": Azure Database for PostgreSQL flexible server, public access (allowed IP addresses).
# Run: PGADMIN_PASSWORD=... bash deploy.sh   (resource groups must exist; az login first)
# It can be run again: what exists is kept, and the settings the plan owns are set again.
set -euo pipefail

LOCATION="${LOCATION:-northeurope}"
SKU_TIER="${SKU_TIER:-GeneralPurpose}"
SKU_NAME="${SKU_NAME:-Standard_D2ds_v5}"
STORAGE_SIZE_GB="${STORAGE_SIZE_GB:-32}"
ADMIN_LOGIN="${ADMIN_LOGIN:-pgadmin}"
: "${PGADMIN_PASSWORD:?Set PGADMIN_PASSWORD to the administrator password}"

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
    --high-availability='Disabled' \
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
  --name='pg-fabrikam-reporting' \
  --rule-name='office-dublin' \
  --start-ip-address='203.0.113.0' \
  --end-ip-address='203.0.113.15' \
  --output=none
az postgres flexible-server firewall-rule create \
  --resource-group='rg-reporting' \
  --name='pg-fabrikam-reporting' \
  --rule-name='office-cork' \
  --start-ip-address='198.51.100.7' \
  --end-ip-address='198.51.100.7' \
  --output=none
az postgres flexible-server firewall-rule create \
  --resource-group='rg-reporting' \
  --name='pg-fabrikam-reporting' \
  --rule-name='ci-runners' \
  --start-ip-address='192.0.2.32' \
  --end-ip-address='192.0.2.63' \
  --output=none
az postgres flexible-server show --resource-group='rg-reporting' --name='pg-fabrikam-reporting' --query='{fqdn: fullyQualifiedDomainName, id: id}' --output=json
