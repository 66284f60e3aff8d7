/**
 * The inventory script: a read-only script that collects a server and the network around it into one bundle that the
 * planner imports (`importDeployed`). A bash version and a PowerShell version run the same Azure CLI calls and write
 * the same bundle to standard output; their progress goes to standard error.
 *
 * Every resource in the bundle is read with `az resource show --ids`: ARM's own GET of it, with the newest stable API
 * version of its type (azure-cli `resource/custom.py`, `show_resource` and `_resolve_api_version`), which is the shape
 * the importer reads. The typed commands (`az postgres flexible-server firewall-rule list`, `az network private-dns
 * link vnet list`, …) may print their own flattened shape, so they are only asked for IDs (`--query '[].id'`). An
 * ID found inside a resource is followed by its type, read from the ID itself; no `jq` is needed.
 *
 * The Azure CLI commands, from its reference (learn.microsoft.com/cli/azure): `account show`, `resource show --ids`
 * (several IDs in one call print a JSON array), `resource list --resource-type`, `postgres flexible-server
 * firewall-rule list` (the server is `--server-name` from az 2.86.0, `--name` before: the command group's breaking
 * change notice; it refuses a server whose public access is disabled), `postgres flexible-server parameter list
 * --server-name`, `network private-endpoint dns-zone-group list --endpoint-name`, `network private-dns link vnet list
 * --zone-name`, `network private-dns record-set a list --zone-name`, `network vpn-connection list --vnet-gateway`,
 * `extension show --name`, and `dns-resolver inbound-endpoint list --dns-resolver-name` (the dns-resolver extension,
 * which the script doesn't install). Their list commands follow ARM's `nextLink` themselves: one call prints every
 * page in one JSON array.
 */
import { AZURE_NAME_RULES, SERVER_NAME_PATTERN, SUBSCRIPTION_ID } from '../domain/azure';
import { nameProblems } from '../domain/resource-names';
import { commandLineProblem, visible } from '../domain/text-safety';
import { INVENTORY_FORMAT, INVENTORY_VERSION } from './types';

export interface InventoryOptions {
  /** The flexible server's name. */
  readonly server: string;
  readonly resourceGroup: string;
  /** Subscription ID (a GUID); empty or absent = the subscription az is signed in to by default. */
  readonly subscription?: string;
  /** Peering hops to follow from the server's VNet (default 2: a spoke, its hub, the hub's other spokes). */
  readonly peeringDepth?: number;
  readonly shell: 'bash' | 'powershell';
}

export const DEFAULT_PEERING_DEPTH = 2;
/** The most peering hops the script follows, so that a typo can't send it across a whole tenant's VNets. */
export const MAX_PEERING_DEPTH = 5;

/**
 * Why a value can't be written into the script, or null. The script quotes every value, so quoting holds anyway; these
 * checks keep out what az itself would misread (a leading `-` is an option, a leading `@` a file to load:
 * `commandLineProblem`) and what no Azure resource can be named, so that a typo is caught here rather than by az.
 */
function valueProblem(what: string, value: string, rule: string | null): string | null {
  const unsafe = commandLineProblem(value);
  if (unsafe !== null) return `The ${what} "${visible(value)}" is refused: ${unsafe}.`;
  if (rule !== null) return `The ${what} "${visible(value)}" can't be one in Azure: ${rule}.`;
  return null;
}

function serverProblem(server: string): string | null {
  // Azure writes server names in lower case (PGN-001, facts §1.8); ARM finds a name in any case.
  const rule = SERVER_NAME_PATTERN.test(server.toLowerCase())
    ? null
    : 'a server name is 3–63 lowercase letters, digits and hyphens, starting and ending with a letter or digit';
  return valueProblem('server name', server, rule);
}

function resourceGroupProblem(resourceGroup: string): string | null {
  const problems = nameProblems(AZURE_NAME_RULES.resourceGroup, resourceGroup);
  return valueProblem('resource group', resourceGroup, problems.length === 0 ? null : problems.join(', '));
}

function subscriptionProblem(subscription: string): string | null {
  if (SUBSCRIPTION_ID.test(subscription)) return null;
  return (
    `The subscription "${visible(subscription)}" is refused: give its ID, a GUID such as ` +
    '00000000-0000-0000-0000-000000000000 (az account list --output table lists them).'
  );
}

const bashQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const psQuote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A value of the script's options that can't be passed, and what is wrong with it. */
export interface InventoryProblem {
  readonly option: 'server' | 'resourceGroup' | 'subscription' | 'peeringDepth';
  readonly message: string;
}

/** Every value of `options` that can't be written into the script (the page shows each at its field). */
export function inventoryProblems(options: Omit<InventoryOptions, 'shell'>): InventoryProblem[] {
  const depth = options.peeringDepth ?? DEFAULT_PEERING_DEPTH;
  const subscription = options.subscription ?? '';
  const problems: { option: InventoryProblem['option']; message: string | null }[] = [
    { option: 'server', message: serverProblem(options.server) },
    { option: 'resourceGroup', message: resourceGroupProblem(options.resourceGroup) },
    { option: 'subscription', message: subscription === '' ? null : subscriptionProblem(subscription) },
    {
      option: 'peeringDepth',
      message:
        Number.isInteger(depth) && depth >= 0 && depth <= MAX_PEERING_DEPTH
          ? null
          : `The peering depth must be a whole number from 0 to ${MAX_PEERING_DEPTH}; got ${depth}.`,
    },
  ];
  return problems.flatMap(({ option, message }) => (message === null ? [] : [{ option, message }]));
}

/** The script's text. Throws an Error whose message says what is wrong with a value that can't be passed. */
export function inventoryScript(options: InventoryOptions): string {
  const [problem] = inventoryProblems(options);
  if (problem !== undefined) throw new Error(problem.message);
  const depth = options.peeringDepth ?? DEFAULT_PEERING_DEPTH;
  const subscription = options.subscription ?? '';
  const values = { server: options.server, resourceGroup: options.resourceGroup, subscription, depth };
  return options.shell === 'bash' ? bash(values) : powershell(values);
}

interface Values {
  readonly server: string;
  readonly resourceGroup: string;
  readonly subscription: string;
  readonly depth: number;
}

/** The header both versions open with, as lines of text (each version makes them comments). */
function header(v: Values, run: string[]): string {
  return [
    'pgflex-netplan inventory script: READ-ONLY. It changes nothing.',
    'It runs only "az ... show" and "az ... list" calls, each with --output json, and writes one JSON bundle to',
    'standard output (progress goes to standard error). It creates, updates and deletes nothing in Azure, and',
    'installs nothing.',
    `Collects: server ${v.server} in resource group ${v.resourceGroup},`,
    `subscription ${v.subscription === '' ? "az's default" : v.subscription}, ` +
      `following peerings ${v.depth} hop${v.depth === 1 ? '' : 's'} deep.`,
    ...run,
    'then open inventory.json in the planner (Import), or: pgflex-netplan import inventory.json > plan.json',
    '',
    'What it reads, starting from the server: the server (its network block, high availability, zones and private',
    'endpoint connections), its firewall rules and its require_secure_transport and ssl_* parameters; the VNet of its',
    'delegated subnet (or of its private endpoints) and every VNet its peerings reach, with their subnets, peerings',
    'and DNS servers; the NSGs and route tables on those subnets; the Azure Firewalls, gateways (with their',
    'connections and local network gateways) and DNS Private Resolver inbound endpoints of those VNets; the private',
    "DNS zones with their VNet links and the server's records; the private endpoints with their DNS zone groups.",
    'Each resource is read with "az resource show --ids": the shape Azure Resource Manager returns.',
  ].join('\n');
}

const TYPES = {
  subnet: 'Microsoft.Network/virtualNetworks/[^/]+/subnets/[^/]+$',
  vnet: 'Microsoft.Network/virtualNetworks/[^/]+$',
  zone: 'Microsoft.Network/privateDnsZones/[^/]+$',
  endpoint: 'Microsoft.Network/privateEndpoints/[^/]+$',
  nsgOrRouteTable: 'Microsoft.Network/(networkSecurityGroups|routeTables)/[^/]+$',
  /** Azure Firewall, gateway and resolver endpoint IDs, cut from the IDs of their IP configurations in a subnet. */
  inVnet:
    'Microsoft.Network/(azureFirewalls|virtualNetworkGateways)/[^/]+|' +
    'Microsoft.Network/dnsResolvers/[^/]+/inboundEndpoints/[^/]+',
  gateway: 'Microsoft.Network/virtualNetworkGateways/[^/]+',
  localGateway: 'Microsoft.Network/localNetworkGateways/[^/]+$',
  tlsParameter: '/configurations/(require_secure_transport|ssl_[^/]*)$',
};

function bash(v: Values): string {
  const account = v.subscription === '' ? '' : ' --subscription "$SUBSCRIPTION"';
  return `#!/usr/bin/env bash
${header(v, ['Run it with bash where az is signed in (az login):', '  bash inventory.sh > inventory.json'])
  .split('\n')
  .map((l) => `# ${l}`.trimEnd())
  .join('\n')}
# Lists of resource IDs are split into words on purpose: an ID holds no space, and set -f turns globbing off.
# shellcheck disable=SC2046,SC2086
set -o pipefail
set -f

SERVER=${bashQuote(v.server)}
RESOURCE_GROUP=${bashQuote(v.resourceGroup)}
SUBSCRIPTION=${bashQuote(v.subscription)}
DEPTH=${v.depth}

say() { printf '%s\\n' "$*" >&2; }
command -v az >/dev/null 2>&1 || {
  say 'The Azure CLI (az) is not installed: see https://aka.ms/azure-cli, then sign in with az login.'
  exit 2
}
WORK=$(mktemp -d) || { say 'Could not make a temporary folder.'; exit 2; }
trap 'rm -rf "$WORK"' EXIT
ERR="$WORK/stderr.txt"
N=0
SEEN=' '
KEPT=()

# What az said when a call failed: its first ERROR line, else its last line.
why() { grep -m 1 'ERROR' "$ERR" 2>/dev/null || tail -n 1 "$ERR" 2>/dev/null; }

# One "az resource show --ids" call; its output is kept for the bundle, and its file added to KEPT.
read_ids() {
  local file
  N=$((N + 1))
  file="$WORK/$(printf '%06d' "$N").json"
  if az resource show --ids "$@" --output json >"$file" 2>"$ERR"; then
    KEPT+=("$file")
    return 0
  fi
  rm -f "$file"
  return 1
}

# Reads resources by ID, each once (IDs compared in any case), in one call; when that fails, each on its own, so that
# one resource the account can't read doesn't hide the others. KEPT: the files written by this call.
show() {
  local id key
  local -a new=()
  KEPT=()
  for id in "$@"; do
    key=$(printf '%s' "$id" | tr '[:upper:]' '[:lower:]')
    case "$SEEN" in *" $key "*) continue ;; esac
    SEEN="$SEEN$key "
    new+=("$id")
  done
  [ "\${#new[@]}" -gt 0 ] || return 0
  read_ids "\${new[@]}" && return 0
  if [ "\${#new[@]}" -eq 1 ]; then
    say "  Not read: \${new[0]} ($(why))"
    return 0
  fi
  for id in "\${new[@]}"; do
    read_ids "$id" || say "  Not read: $id ($(why))"
  done
}

# The resource IDs in the JSON files given whose type matches the extended regular expression $1 (what follows
# /providers/, in any case), each once. An ID is cut after the match: an Azure Firewall's IP configuration names the
# firewall.
refs() {
  local pattern=$1
  shift
  [ "$#" -gt 0 ] || return 0
  grep -ohE '"/subscriptions/[^"]+"' "$@" | tr -d '"' |
    grep -oiE "^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/($pattern)" | sort -fu
}

# The IDs a list command prints, one a line (it prints one JSON array of them).
list_ids() {
  local out
  out=$("$@" --query '[].id' --output json 2>"$ERR") || return 1
  printf '%s\\n' "$out" | grep -oE '"/subscriptions/[^"]+"' | tr -d '"'
}
sub_of() { printf '%s' "$1" | cut -d/ -f3; }
rg_of() { printf '%s' "$1" | cut -d/ -f5; }

# The private DNS zone $1, its VNet links and its A records: all of them ($2 empty), or the one named $2.
zone() {
  local sub rg name links records
  show "$1"
  [ "\${#KEPT[@]}" -gt 0 ] || return 0
  sub=$(sub_of "$1")
  rg=$(rg_of "$1")
  name=\${1##*/}
  say "Private DNS zone $name"
  links=$(list_ids az network private-dns link vnet list --subscription "$sub" --resource-group "$rg" \\
    --zone-name "$name") || say "  VNet links of zone $name not listed: $(why)"
  show $links
  records=$(list_ids az network private-dns record-set a list --subscription "$sub" --resource-group "$rg" \\
    --zone-name "$name") || say "  Records of zone $name not listed: $(why)"
  [ -z "$2" ] || records=$(printf '%s\\n' $records | grep -i "/A/$2$")
  show $records
}

if ! ACCOUNT=$(az account show${account} --query id --output json 2>"$ERR"); then
  say "az could not read the subscription: $(why)"
  say 'Sign in with az login (az account list --output table lists your subscriptions) and run this again.'
  exit 2
fi
SUBSCRIPTION=$(printf '%s' "$ACCOUNT" | tr -d '"[:space:]')
case "$SUBSCRIPTION" in
  '' | *[!0-9a-fA-F-]*) say "az account show gave no subscription ID: $ACCOUNT"; exit 2 ;;
esac

SERVER_ID="/subscriptions/$SUBSCRIPTION/resourceGroups/$RESOURCE_GROUP/providers"
SERVER_ID="$SERVER_ID/Microsoft.DBforPostgreSQL/flexibleServers/$SERVER"
say "Server $SERVER in resource group $RESOURCE_GROUP, subscription $SUBSCRIPTION"
show "$SERVER_ID"
if [ "\${#KEPT[@]}" -eq 0 ]; then
  say 'Stopped: the server could not be read. Check its name, its resource group and the subscription.'
  exit 2
fi
SERVER_FILE=\${KEPT[0]}

# Firewall rules, unless public access is disabled (then az refuses to list them, and Azure doesn't apply them).
if grep -qiE '"publicNetworkAccess": *"Disabled"' "$SERVER_FILE"; then
  say 'Public access is disabled: no firewall rules to read.'
else
  RULES=$(list_ids az postgres flexible-server firewall-rule list --subscription "$SUBSCRIPTION" \\
    --resource-group "$RESOURCE_GROUP" --server-name "$SERVER" ||
    list_ids az postgres flexible-server firewall-rule list --subscription "$SUBSCRIPTION" \\
      --resource-group "$RESOURCE_GROUP" --name "$SERVER") || say "  Firewall rules not listed: $(why)"
  show $RULES
fi
PARAMETERS=$(list_ids az postgres flexible-server parameter list --subscription "$SUBSCRIPTION" \\
  --resource-group "$RESOURCE_GROUP" --server-name "$SERVER") || say "  Server parameters not listed: $(why)"
show $(printf '%s\\n' $PARAMETERS | grep -iE '${TYPES.tlsParameter}')

# The private endpoints of the server's connections, their DNS zone groups and subnets.
START=$(refs '${TYPES.subnet}' "$SERVER_FILE")
SERVER_ZONES=$(refs '${TYPES.zone}' "$SERVER_FILE")
ENDPOINT_ZONES=''
for ENDPOINT in $(refs '${TYPES.endpoint}' "$SERVER_FILE"); do
  show "$ENDPOINT"
  [ "\${#KEPT[@]}" -gt 0 ] || continue
  START="$START $(refs '${TYPES.subnet}' "\${KEPT[@]}")"
  ZONE_GROUPS=$(list_ids az network private-endpoint dns-zone-group list --subscription "$(sub_of "$ENDPOINT")" \\
    --resource-group "$(rg_of "$ENDPOINT")" --endpoint-name "\${ENDPOINT##*/}") ||
    say "  DNS zone groups of \${ENDPOINT##*/} not listed: $(why)"
  show $ZONE_GROUPS
  ENDPOINT_ZONES="$ENDPOINT_ZONES $(refs '${TYPES.zone}' "\${KEPT[@]}")"
done

# The VNets of those subnets, then the VNets their peerings reach, DEPTH hops deep (breadth first), with the NSGs and
# route tables of their subnets and the firewalls, gateways and resolver endpoints whose IP configurations sit there.
LEVEL=''
for SUBNET in $START; do LEVEL="$LEVEL \${SUBNET%/*/*}"; done
VNETS=''
GATEWAYS=''
for ((HOP = 0; HOP <= DEPTH; HOP++)); do
  NEXT=''
  for VNET in $LEVEL; do
    show "$VNET"
    [ "\${#KEPT[@]}" -gt 0 ] || continue
    FILE=\${KEPT[0]}
    VNETS="$VNETS $VNET"
    say "VNet \${VNET##*/} (hop $HOP)"
    show $(refs '${TYPES.nsgOrRouteTable}' "$FILE")
    show $(refs '${TYPES.inVnet}' "$FILE")
    GATEWAYS="$GATEWAYS $(refs '${TYPES.gateway}' "$FILE")"
    if [ "$HOP" -lt "$DEPTH" ]; then NEXT="$NEXT $(refs '${TYPES.vnet}' "$FILE")"; fi
  done
  LEVEL=$NEXT
done

# The gateways' connections and the local network gateways they reach (the on-premises address ranges).
for GATEWAY in $(printf '%s\\n' $GATEWAYS | sort -fu); do
  CONNECTIONS=$(list_ids az network vpn-connection list --subscription "$(sub_of "$GATEWAY")" \\
    --resource-group "$(rg_of "$GATEWAY")" --vnet-gateway "\${GATEWAY##*/}") ||
    say "  Connections of \${GATEWAY##*/} not listed: $(why)"
  show $CONNECTIONS
  show $(refs '${TYPES.localGateway}' "\${KEPT[@]}")
done

# DNS Private Resolver inbound endpoints in the subscriptions of those VNets: the addresses that VNets and on-premises
# DNS servers forward to. They are listed with the dns-resolver extension of az, which this script doesn't install.
if [ -n "$VNETS" ]; then
  if az extension show --name dns-resolver --query name --output json >/dev/null 2>"$ERR"; then
    for RESOLVER_SUB in $(for V in $VNETS; do sub_of "$V"; done | sort -fu); do
      RESOLVERS=$(list_ids az resource list --subscription "$RESOLVER_SUB" \\
        --resource-type Microsoft.Network/dnsResolvers) || say "  DNS resolvers not listed: $(why)"
      for RESOLVER in $RESOLVERS; do
        INBOUND=$(list_ids az dns-resolver inbound-endpoint list --subscription "$RESOLVER_SUB" \\
          --resource-group "$(rg_of "$RESOLVER")" --dns-resolver-name "\${RESOLVER##*/}") ||
          say "  Inbound endpoints of \${RESOLVER##*/} not listed: $(why)"
        show $INBOUND
      done
    done
  else
    say 'The dns-resolver extension of az is not installed, so DNS Private Resolvers were not listed (only the'
    say 'inbound endpoints found in the subnets were read). To list them: az extension add --name dns-resolver'
  fi
fi

# The private DNS zones: the server's own (all its A records), and its private endpoints' (the server's record).
for ZONE in $SERVER_ZONES; do zone "$ZONE" ''; done
for ZONE in $(printf '%s\\n' $ENDPOINT_ZONES | sort -fu); do zone "$ZONE" "$SERVER"; done

# The bundle: every resource read, in the order read. A read of several IDs printed a JSON array: its items join the
# bundle's list.
set +f
printf '{"format":"%s","version":%s,"collectedAt":"%s",' '${INVENTORY_FORMAT}' ${INVENTORY_VERSION} \\
  "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf '"scope":{"subscription":"%s","resourceGroup":"%s","server":"%s","peeringDepth":%s},"resources":[' \\
  "$SUBSCRIPTION" "$RESOURCE_GROUP" "$SERVER" "$DEPTH"
SEP=''
COUNT=0
for FILE in "$WORK"/[0-9]*.json; do
  [ -f "$FILE" ] || continue
  if [ "$(tr -d '[:space:]' <"$FILE" | head -c 1)" = '[' ]; then
    BODY=$(sed -e '1s/^[[:space:]]*\\[//' -e '$s/][[:space:]]*$//' "$FILE")
  else
    BODY=$(cat "$FILE")
  fi
  [ -n "$(printf '%s' "$BODY" | tr -d '[:space:]')" ] || continue
  printf '%s%s' "$SEP" "$BODY"
  SEP=','
  COUNT=$((COUNT + 1))
done
printf ']}\\n'
say "Done: $COUNT reads. Nothing was changed."
`;
}

function powershell(v: Values): string {
  const account = v.subscription === '' ? '' : ' --subscription $Subscription';
  return `${header(v, [
    'Run it in PowerShell where az is signed in (az login):',
    '  ./inventory.ps1 | Set-Content -Encoding utf8 inventory.json',
  ])
    .split('\n')
    .map((l) => `# ${l}`.trimEnd())
    .join('\n')}
$ErrorActionPreference = 'Continue'

$Server = ${psQuote(v.server)}
$ResourceGroup = ${psQuote(v.resourceGroup)}
$Subscription = ${psQuote(v.subscription)}
$Depth = ${v.depth}

function Say([string] $Text) { [Console]::Error.WriteLine($Text) }
if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
  Say 'The Azure CLI (az) is not installed: see https://aka.ms/azure-cli, then sign in with az login.'
  exit 2
}
$ErrFile = [IO.Path]::GetTempFileName()
$Texts = [System.Collections.Generic.List[string]]::new()
$Seen = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
$ListFailed = $false

function Stop-Inventory([string] $Message) {
  Say $Message
  Remove-Item -LiteralPath $ErrFile -ErrorAction SilentlyContinue
  exit 2
}

# What az said when a call failed: its first ERROR line, else its last line.
function Why {
  $lines = @(Get-Content -LiteralPath $ErrFile -ErrorAction SilentlyContinue |
    ForEach-Object { "$_" } |
    Where-Object { $_ })
  $found = @($lines | Where-Object { $_ -match 'ERROR' })
  if ($found.Count -gt 0) { return $found[0] }
  if ($lines.Count -gt 0) { return $lines[-1] }
  return 'no message'
}

# One "az resource show --ids" call; its output is kept for the bundle and returned.
function Read-Ids([string[]] $Ids) {
  $json = (az resource show --ids $Ids --output json 2> $ErrFile) -join "\`n"
  if ($LASTEXITCODE -ne 0) { return $null }
  $script:Texts.Add($json)
  return $json
}

# Reads resources by ID, each once (IDs compared in any case), in one call; when that fails, each on its own, so that
# one resource the account can't read doesn't hide the others. Returns the JSON texts read.
function Show-Ids([string[]] $Ids) {
  $new = @($Ids | Where-Object { $_ -and $script:Seen.Add($_) })
  if ($new.Count -eq 0) { return }
  $json = Read-Ids $new
  if ($null -ne $json) { return $json }
  if ($new.Count -eq 1) { Say "  Not read: $($new[0]) ($(Why))"; return }
  foreach ($id in $new) {
    $one = Read-Ids @($id)
    if ($null -ne $one) { $one } else { Say "  Not read: $id ($(Why))" }
  }
}

# The resource IDs in the JSON texts given whose type matches the regular expression $Pattern (what follows
# /providers/, in any case), each once. An ID is cut after the match: an Azure Firewall's IP configuration names the
# firewall.
function Get-Refs([string] $Pattern, [string[]] $From) {
  $re = [regex]::new("^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/($Pattern)", 'IgnoreCase')
  $found = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
  foreach ($text in $From) {
    foreach ($m in [regex]::Matches([string] $text, '"(/subscriptions/[^"]+)"')) {
      $hit = $re.Match($m.Groups[1].Value)
      if ($hit.Success -and $found.Add($hit.Value)) { $hit.Value }
    }
  }
}

# The options that name the subscription and resource group of the resource $Id.
function Get-Scope([string] $Id) {
  $parts = $Id -split '/'
  @('--subscription', $parts[2], '--resource-group', $parts[4])
}

# The IDs a list command prints (one JSON array of them); $ListFailed says whether az failed.
function Get-ListIds([string[]] $Command, [string[]] $Options) {
  $json = (& az @Command @Options --query '[].id' --output json 2> $ErrFile) -join "\`n"
  $script:ListFailed = $LASTEXITCODE -ne 0
  if ($script:ListFailed) { return }
  foreach ($m in [regex]::Matches($json, '"(/subscriptions/[^"]+)"')) { $m.Groups[1].Value }
}

# The private DNS zone $Zone, its VNet links and its A records: all of them ($Record empty), or the one named $Record.
function Read-Zone([string] $Zone, [string] $Record) {
  if (@(Show-Ids @($Zone)).Count -eq 0) { return }
  $name = ($Zone -split '/')[-1]
  Say "Private DNS zone $name"
  $options = (Get-Scope $Zone) + @('--zone-name', $name)
  $links = @(Get-ListIds @('network', 'private-dns', 'link', 'vnet', 'list') $options)
  if ($script:ListFailed) { Say "  VNet links of zone $name not listed: $(Why)" }
  $null = Show-Ids $links
  $records = @(Get-ListIds @('network', 'private-dns', 'record-set', 'a', 'list') $options)
  if ($script:ListFailed) { Say "  Records of zone $name not listed: $(Why)" }
  if ($Record) { $records = @($records | Where-Object { $_ -match "/A/$Record$" }) }
  $null = Show-Ids $records
}

$account = (az account show${account} --query id --output json 2> $ErrFile) -join ''
if ($LASTEXITCODE -ne 0) {
  Say "az could not read the subscription: $(Why)"
  Stop-Inventory 'Sign in with az login (az account list --output table lists your subscriptions) and run this again.'
}
$Subscription = $account.Trim().Trim('"')
if ($Subscription -notmatch '^[0-9a-fA-F-]+$') { Stop-Inventory "az account show gave no subscription ID: $account" }

$ServerId = "/subscriptions/$Subscription/resourceGroups/$ResourceGroup/providers"
$ServerId = "$ServerId/Microsoft.DBforPostgreSQL/flexibleServers/$Server"
$ServerOptions = (Get-Scope $ServerId) + @('--server-name', $Server)
Say "Server $Server in resource group $ResourceGroup, subscription $Subscription"
$ServerText = @(Show-Ids @($ServerId))
if ($ServerText.Count -eq 0) {
  Stop-Inventory 'Stopped: the server could not be read. Check its name, its resource group and the subscription.'
}

# Firewall rules, unless public access is disabled (then az refuses to list them, and Azure doesn't apply them).
if ($ServerText[0] -match '"publicNetworkAccess":\\s*"Disabled"') {
  Say 'Public access is disabled: no firewall rules to read.'
} else {
  $rules = @(Get-ListIds @('postgres', 'flexible-server', 'firewall-rule', 'list') $ServerOptions)
  if ($ListFailed) {
    $options = (Get-Scope $ServerId) + @('--name', $Server)
    $rules = @(Get-ListIds @('postgres', 'flexible-server', 'firewall-rule', 'list') $options)
  }
  if ($ListFailed) { Say "  Firewall rules not listed: $(Why)" }
  $null = Show-Ids $rules
}
$parameters = @(Get-ListIds @('postgres', 'flexible-server', 'parameter', 'list') $ServerOptions)
if ($ListFailed) { Say "  Server parameters not listed: $(Why)" }
$null = Show-Ids @($parameters | Where-Object { $_ -match '${TYPES.tlsParameter}' })

# The private endpoints of the server's connections, their DNS zone groups and subnets.
$Start = @(Get-Refs '${TYPES.subnet}' $ServerText)
$ServerZones = @(Get-Refs '${TYPES.zone}' $ServerText)
$EndpointZones = @()
foreach ($endpoint in @(Get-Refs '${TYPES.endpoint}' $ServerText)) {
  $read = @(Show-Ids @($endpoint))
  if ($read.Count -eq 0) { continue }
  $Start += @(Get-Refs '${TYPES.subnet}' $read)
  $name = ($endpoint -split '/')[-1]
  $options = (Get-Scope $endpoint) + @('--endpoint-name', $name)
  $zoneGroups = @(Get-ListIds @('network', 'private-endpoint', 'dns-zone-group', 'list') $options)
  if ($ListFailed) { Say "  DNS zone groups of $name not listed: $(Why)" }
  $EndpointZones += @(Get-Refs '${TYPES.zone}' @(Show-Ids $zoneGroups))
}

# The VNets of those subnets, then the VNets their peerings reach, $Depth hops deep (breadth first), with the NSGs and
# route tables of their subnets and the firewalls, gateways and resolver endpoints whose IP configurations sit there.
$Level = @($Start | ForEach-Object { $_ -replace '/[^/]+/[^/]+$', '' })
$Vnets = @()
$Gateways = @()
for ($hop = 0; $hop -le $Depth; $hop++) {
  $next = @()
  foreach ($vnet in $Level) {
    $read = @(Show-Ids @($vnet))
    if ($read.Count -eq 0) { continue }
    $Vnets += $vnet
    Say "VNet $(($vnet -split '/')[-1]) (hop $hop)"
    $null = Show-Ids @(Get-Refs '${TYPES.nsgOrRouteTable}' $read)
    $null = Show-Ids @(Get-Refs '${TYPES.inVnet}' $read)
    $Gateways += @(Get-Refs '${TYPES.gateway}' $read)
    if ($hop -lt $Depth) { $next += @(Get-Refs '${TYPES.vnet}' $read) }
  }
  $Level = $next
}

# The gateways' connections and the local network gateways they reach (the on-premises address ranges).
foreach ($gateway in @($Gateways | Sort-Object -Unique)) {
  $name = ($gateway -split '/')[-1]
  $options = (Get-Scope $gateway) + @('--vnet-gateway', $name)
  $connections = @(Get-ListIds @('network', 'vpn-connection', 'list') $options)
  if ($ListFailed) { Say "  Connections of $name not listed: $(Why)" }
  $null = Show-Ids @(Get-Refs '${TYPES.localGateway}' @(Show-Ids $connections))
}

# DNS Private Resolver inbound endpoints in the subscriptions of those VNets: the addresses that VNets and on-premises
# DNS servers forward to. They are listed with the dns-resolver extension of az, which this script doesn't install.
if ($Vnets.Count -gt 0) {
  $null = az extension show --name dns-resolver --query name --output json 2> $ErrFile
  if ($LASTEXITCODE -eq 0) {
    foreach ($resolverSub in @($Vnets | ForEach-Object { ($_ -split '/')[2] } | Sort-Object -Unique)) {
      $options = @('--subscription', $resolverSub, '--resource-type', 'Microsoft.Network/dnsResolvers')
      $resolvers = @(Get-ListIds @('resource', 'list') $options)
      if ($ListFailed) { Say "  DNS resolvers not listed: $(Why)" }
      foreach ($resolver in $resolvers) {
        $name = ($resolver -split '/')[-1]
        $options = (Get-Scope $resolver) + @('--dns-resolver-name', $name)
        $inbound = @(Get-ListIds @('dns-resolver', 'inbound-endpoint', 'list') $options)
        if ($ListFailed) { Say "  Inbound endpoints of $name not listed: $(Why)" }
        $null = Show-Ids $inbound
      }
    }
  } else {
    Say 'The dns-resolver extension of az is not installed, so DNS Private Resolvers were not listed (only the'
    Say 'inbound endpoints found in the subnets were read). To list them: az extension add --name dns-resolver'
  }
}

# The private DNS zones: the server's own (all its A records), and its private endpoints' (the server's record).
foreach ($zone in $ServerZones) { Read-Zone $zone '' }
foreach ($zone in @($EndpointZones | Sort-Object -Unique)) { Read-Zone $zone $Server }

# The bundle: every resource read, in the order read. A read of several IDs printed a JSON array: its items join the
# bundle's list.
$items = foreach ($text in $Texts) {
  $t = $text.Trim()
  if ($t.StartsWith('[')) { $t = $t.Substring(1, $t.Length - 2).Trim() }
  if ($t) { $t }
}
$head = [ordered]@{
  format = '${INVENTORY_FORMAT}'
  version = ${INVENTORY_VERSION}
  collectedAt = [DateTime]::UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [Globalization.CultureInfo]::InvariantCulture)
  scope = [ordered]@{
    subscription = $Subscription
    resourceGroup = $ResourceGroup
    server = $Server
    peeringDepth = $Depth
  }
} | ConvertTo-Json -Depth 100 -Compress
$head.Substring(0, $head.Length - 1) + ',"resources":[' + (@($items) -join ',') + ']}'
Remove-Item -LiteralPath $ErrFile -ErrorAction SilentlyContinue
Say "Done: $($Texts.Count) reads. Nothing was changed."
`;
}
