/**
 * The inventory script: a read-only script that collects a server and the network around it into one bundle that the
 * planner imports. It runs only `az … show` and `az … list` (with `--output json`, or `tsv` to follow a reference);
 * it creates, changes and deletes nothing, and says so at its top. A bash version and a PowerShell version collect
 * the same resources.
 *
 * What it follows, from the server (facts §2.3: the server's `network` block names its delegated subnet and zone):
 * the server and its firewall rules and TLS parameters; the delegated subnet's VNet and every VNet its peerings reach,
 * `depth` hops deep, with their subnets and peerings (returned inside the VNet); the NSGs and route tables of those
 * subnets; the Azure Firewalls, gateways and DNS resolver endpoints whose IP configurations sit in them; the private
 * DNS zone with its VNet links and the server's A record; the private endpoints of the server's connections.
 *
 * Every resource comes from `az resource show --ids` (ARM's GET of that resource, the shape the importer reads) or
 * from a `list` of the same resources. A `list` prints a JSON array: the bundle keeps it as one element of
 * `resources`, which the importer reads as its items.
 */
import { INVENTORY_FORMAT, INVENTORY_VERSION } from './types';

export interface InventoryOptions {
  readonly server: string;
  readonly resourceGroup: string;
  /** Subscription ID; empty = the signed-in default subscription. */
  readonly subscription?: string;
  /** Peering hops to follow from the server VNet (default 2: a spoke, its hub, the hub's other spokes). */
  readonly peeringDepth?: number;
  readonly shell: 'bash' | 'powershell';
}

export const DEFAULT_PEERING_DEPTH = 2;
/** More hops reach most of a large landing zone; the planner's own limit. */
export const MAX_PEERING_DEPTH = 5;

/**
 * A value that can't reach the script as a value, or null. The values land inside quotes, so quoting holds; but az
 * reads an argument starting with `-` as an option and one starting with `@` as a file to read (azure-cli
 * `_expand_file_prefixed_files`), and a control character breaks the script.
 */
function inventoryValueProblem(what: string, value: string): string | null {
  if (value.trim() === '') return `The ${what} is empty.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return `The ${what} holds a control character.`;
  if (/^[-@]/.test(value))
    return `The ${what} "${value}" starts with "${value[0] ?? ''}", which az reads as an option.`;
  return null;
}

const bashQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const psQuote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

const HEADER = [
  'pgflex-netplan inventory script: READ-ONLY.',
  'It runs only "az ... show" and "az ... list" and writes one JSON bundle to standard output;',
  'it creates, changes and deletes nothing in Azure. Import the bundle in the planner, or:',
  '  pgflex-netplan import bundle.json > plan.json',
];

/** The script's text; throws on a value that can't be passed (see `inventoryValueProblem`). */
export function inventoryScript(options: InventoryOptions): string {
  const depth = options.peeringDepth ?? DEFAULT_PEERING_DEPTH;
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_PEERING_DEPTH)
    throw new Error(`The peering depth must be a whole number from 0 to ${MAX_PEERING_DEPTH}; got ${depth}.`);
  for (const [what, value] of [
    ['server name', options.server],
    ['resource group', options.resourceGroup],
    ...(options.subscription ? [['subscription', options.subscription]] : []),
  ] as const) {
    const problem = inventoryValueProblem(what, value);
    if (problem !== null) throw new Error(problem);
  }
  return options.shell === 'bash' ? bash(options, depth) : powershell(options, depth);
}

function bash(o: InventoryOptions, depth: number): string {
  return `#!/usr/bin/env bash
${HEADER.map((l) => `# ${l}`).join('\n')}
set -euo pipefail

SERVER=${bashQuote(o.server)}
RESOURCE_GROUP=${bashQuote(o.resourceGroup)}
SUBSCRIPTION=${bashQuote(o.subscription ?? '')}
DEPTH=${depth}

say() { printf '%s\\n' "$*" >&2; }
command -v az >/dev/null 2>&1 || { say 'The Azure CLI (az) is not installed: https://aka.ms/azure-cli'; exit 2; }
if [ -z "$SUBSCRIPTION" ]; then
  SUBSCRIPTION=$(az account show --query id --output tsv 2>/dev/null) || {
    say 'Not signed in to Azure: run az login, then this script again.'; exit 2; }
fi
SUB=(--subscription "$SUBSCRIPTION")

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
# Keeps one az output (a resource, or a list of them) for the bundle, numbered in the order collected. It runs at the
# end of a pipe, in a subshell of its own, so the number comes from the files already kept.
keep() { cat > "$OUT/$(printf '%06d' $(($(ls "$OUT" | wc -l) + 1))).json"; }
# Shows resources by ID, each once.
SEEN=' '
show() {
  local id key
  for id in "$@"; do
    [ -n "$id" ] || continue
    key=$(printf '%s' "$id" | tr '[:upper:]' '[:lower:]')
    case "$SEEN" in *" $key "*) continue ;; esac
    SEEN="$SEEN$key "
    az resource show --ids "$id" --output json | keep || say "Could not read $id; the bundle goes on without it."
  done
}
# A reference inside a resource, one per line (az's own --query, so that nothing but az is needed).
refs() { az resource show --ids "$1" --query "$2" --output tsv 2>/dev/null | tr -d '\\r' || true; }

say "Collecting server $SERVER in $RESOURCE_GROUP..."
SERVER_ID=$(az postgres flexible-server show "\${SUB[@]}" --resource-group "$RESOURCE_GROUP" --name "$SERVER" \\
  --query id --output tsv | tr -d '\\r')
show "$SERVER_ID"
# az 2.86.0 (May 2026) names the server --server-name here; earlier versions --name (az's firewall-rule reference).
{ az postgres flexible-server firewall-rule list "\${SUB[@]}" --resource-group "$RESOURCE_GROUP" \\
    --server-name "$SERVER" --output json 2>/dev/null ||
  az postgres flexible-server firewall-rule list "\${SUB[@]}" --resource-group "$RESOURCE_GROUP" --name "$SERVER" \\
    --output json; } | keep
for PARAMETER in require_secure_transport ssl_min_protocol_version ssl_max_protocol_version; do
  az postgres flexible-server parameter show "\${SUB[@]}" --resource-group "$RESOURCE_GROUP" \\
    --server-name "$SERVER" --name "$PARAMETER" --output json | keep || say "Could not read parameter $PARAMETER."
done
for ENDPOINT in $(refs "$SERVER_ID" 'properties.privateEndpointConnections[].properties.privateEndpoint.id'); do
  show "$ENDPOINT"
done

SUBNET_ID=$(refs "$SERVER_ID" 'properties.network.delegatedSubnetResourceId')
ZONE_ID=$(refs "$SERVER_ID" 'properties.network.privateDnsZoneArmResourceId')
if [ -n "$SUBNET_ID" ]; then
  # The VNets of the peering graph, breadth first, DEPTH hops from the server VNet.
  LEVEL="\${SUBNET_ID%/subnets/*}"
  VNETS=''
  for HOP in $(seq 0 "$DEPTH"); do
    NEXT=''
    for VNET in $LEVEL; do
      case "$SEEN" in *" $(printf '%s' "$VNET" | tr '[:upper:]' '[:lower:]') "*) continue ;; esac
      VNETS="$VNETS $VNET"
      show "$VNET"
      show $(refs "$VNET" 'properties.subnets[].properties.[networkSecurityGroup.id, routeTable.id][]')
      # Azure Firewalls, gateways and DNS resolver endpoints, from the IP configurations in the VNet's subnets.
      for CONFIG in $(refs "$VNET" 'properties.subnets[].properties.ipConfigurations[].id'); do
        case "$CONFIG" in
          */azureFirewalls/*|*/virtualNetworkGateways/*)
            show "$(printf '%s' "$CONFIG" | sed -E 's#(/(azureFirewalls|virtualNetworkGateways)/[^/]+)/.*#\\1#')" ;;
        esac
      done
      [ "$HOP" -lt "$DEPTH" ] &&
        NEXT="$NEXT $(refs "$VNET" 'properties.virtualNetworkPeerings[].properties.remoteVirtualNetwork.id')"
    done
    LEVEL=$NEXT
  done
  # DNS Private Resolvers in the subscriptions of those VNets, with their inbound endpoints (whose addresses VNets and
  # on-premises servers forward to). The inbound endpoint list is the dns-resolver extension's command.
  for RESOLVER_SUB in $(printf '%s\\n' $VNETS | sed -E 's#^/subscriptions/([^/]+)/.*#\\1#' | sort -u); do
    for RESOLVER in $(az resource list --subscription "$RESOLVER_SUB" --resource-type Microsoft.Network/dnsResolvers \\
      --query '[].id' --output tsv | tr -d '\\r'); do
      az dns-resolver inbound-endpoint list --subscription "$RESOLVER_SUB" \\
        --resource-group "$(printf '%s' "$RESOLVER" | sed -E 's#.*/resourceGroups/([^/]+)/.*#\\1#')" \\
        --dns-resolver-name "\${RESOLVER##*/}" --output json 2>/dev/null | keep ||
        say "Could not list the inbound endpoints of $RESOLVER (az extension add --name dns-resolver)."
    done
  done
fi

if [ -n "$ZONE_ID" ]; then
  show "$ZONE_ID"
  ZONE_GROUP=$(printf '%s' "$ZONE_ID" | sed -E 's#.*/resourceGroups/([^/]+)/.*#\\1#')
  ZONE_SUB=$(printf '%s' "$ZONE_ID" | sed -E 's#^/subscriptions/([^/]+)/.*#\\1#')
  az network private-dns link vnet list --subscription "$ZONE_SUB" --resource-group "$ZONE_GROUP" \\
    --zone-name "\${ZONE_ID##*/}" --output json | keep
  az network private-dns record-set a list --subscription "$ZONE_SUB" --resource-group "$ZONE_GROUP" \\
    --zone-name "\${ZONE_ID##*/}" --output json | keep
fi

# The bundle: every kept output, in order.
printf '{"format":"${INVENTORY_FORMAT}","version":${INVENTORY_VERSION},"collectedAt":"%s",' \\
  "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf '"scope":{"subscription":"%s","resourceGroup":"%s","server":"%s","peeringDepth":%s},"resources":[' \\
  "$SUBSCRIPTION" "$RESOURCE_GROUP" "$SERVER" "$DEPTH"
FIRST=1
for FILE in "$OUT"/*.json; do
  [ -e "$FILE" ] || continue
  [ -s "$FILE" ] || continue
  [ "$FIRST" = 1 ] || printf ','
  FIRST=0
  cat "$FILE"
done
printf ']}\\n'
say "Done: $(ls "$OUT" | wc -l) outputs collected."
`;
}

function powershell(o: InventoryOptions, depth: number): string {
  return `${HEADER.map((l) => `# ${l}`).join('\n')}
$ErrorActionPreference = 'Stop'

$Server = ${psQuote(o.server)}
$ResourceGroup = ${psQuote(o.resourceGroup)}
$Subscription = ${psQuote(o.subscription ?? '')}
$Depth = ${depth}

if (-not (Get-Command az -ErrorAction SilentlyContinue)) { Write-Error 'The Azure CLI (az) is not installed: https://aka.ms/azure-cli'; exit 2 }
if ($Subscription -eq '') {
  $Subscription = az account show --query id --output tsv
  if ($LASTEXITCODE -ne 0) { Write-Error 'Not signed in to Azure: run az login, then this script again.'; exit 2 }
}

$Resources = [System.Collections.Generic.List[object]]::new()
$Seen = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::OrdinalIgnoreCase)
function Keep([string] $Json) { if ($Json) { $Resources.Add(($Json | ConvertFrom-Json)) } }
function Show([string[]] $Ids) {
  foreach ($Id in $Ids) {
    if (-not $Id -or -not $Seen.Add($Id)) { continue }
    Keep ((az resource show --ids $Id --output json) -join "\`n")
  }
}
function Refs([string] $Id, [string] $Query) {
  @(az resource show --ids $Id --query $Query --output tsv) | Where-Object { $_ }
}
$Sub = @('--subscription', $Subscription)
$Group = @('--resource-group', $ResourceGroup)

Write-Host "Collecting server $Server in $ResourceGroup..."
$ServerId = az postgres flexible-server show @Sub @Group --name $Server --query id --output tsv
Show @($ServerId)
# az 2.86.0 (May 2026) names the server --server-name here; earlier versions --name (az's firewall-rule reference).
$Rules = az postgres flexible-server firewall-rule list @Sub @Group --server-name $Server --output json 2>$null
if ($LASTEXITCODE -ne 0) {
  $Rules = az postgres flexible-server firewall-rule list @Sub @Group --name $Server --output json
}
Keep ($Rules -join "\`n")
foreach ($Parameter in 'require_secure_transport', 'ssl_min_protocol_version', 'ssl_max_protocol_version') {
  $Value = az postgres flexible-server parameter show @Sub @Group --server-name $Server --name $Parameter --output json
  if ($LASTEXITCODE -eq 0) { Keep ($Value -join "\`n") } else { Write-Warning "Could not read parameter $Parameter." }
}
Show (Refs $ServerId 'properties.privateEndpointConnections[].properties.privateEndpoint.id')

$SubnetId = Refs $ServerId 'properties.network.delegatedSubnetResourceId'
$ZoneId = Refs $ServerId 'properties.network.privateDnsZoneArmResourceId'
if ($SubnetId) {
  $Level = @($SubnetId -replace '/subnets/.*$', '')
  $Vnets = @()
  foreach ($Hop in 0..$Depth) {
    $Next = @()
    foreach ($Vnet in $Level) {
      if ($Seen.Contains($Vnet)) { continue }
      $Vnets += $Vnet
      Show @($Vnet)
      Show (Refs $Vnet 'properties.subnets[].properties.[networkSecurityGroup.id, routeTable.id][]')
      foreach ($Config in (Refs $Vnet 'properties.subnets[].properties.ipConfigurations[].id')) {
        if ($Config -match '^(.*/(azureFirewalls|virtualNetworkGateways)/[^/]+)/') { Show @($Matches[1]) }
      }
      if ($Hop -lt $Depth) {
        $Next += Refs $Vnet 'properties.virtualNetworkPeerings[].properties.remoteVirtualNetwork.id'
      }
    }
    $Level = $Next
  }
  # DNS Private Resolvers in the subscriptions of those VNets, with their inbound endpoints (dns-resolver extension).
  foreach ($ResolverSub in ($Vnets | ForEach-Object { ($_ -split '/')[2] } | Sort-Object -Unique)) {
    $Resolvers = az resource list --subscription $ResolverSub --resource-type Microsoft.Network/dnsResolvers \`
      --query '[].id' --output tsv
    foreach ($Resolver in @($Resolvers)) {
      if (-not $Resolver) { continue }
      $Parts = $Resolver -split '/'
      $Endpoints = az dns-resolver inbound-endpoint list --subscription $ResolverSub --resource-group $Parts[4] \`
        --dns-resolver-name $Parts[-1] --output json 2>$null
      if ($LASTEXITCODE -eq 0) { Keep ($Endpoints -join "\`n") }
      else { Write-Warning "Could not list the inbound endpoints of $Resolver (az extension add --name dns-resolver)." }
    }
  }
}
if ($ZoneId) {
  Show @($ZoneId)
  $ZoneParts = $ZoneId -split '/'
  $Zone = @('--subscription', $ZoneParts[2], '--resource-group', $ZoneParts[4], '--zone-name', $ZoneParts[-1])
  Keep ((az network private-dns link vnet list @Zone --output json) -join "\`n")
  Keep ((az network private-dns record-set a list @Zone --output json) -join "\`n")
}

[ordered]@{
  format = '${INVENTORY_FORMAT}'
  version = ${INVENTORY_VERSION}
  collectedAt = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
  scope = [ordered]@{
    subscription = $Subscription; resourceGroup = $ResourceGroup; server = $Server; peeringDepth = $Depth
  }
  resources = $Resources
} | ConvertTo-Json -Depth 100
`;
}
