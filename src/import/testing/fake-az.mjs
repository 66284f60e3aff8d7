#!/usr/bin/env node
// A stand-in for the Azure CLI, for the inventory script's tests. It records every call (one JSON argv a line in
// $AZ_LOG) and answers the read commands the script runs from the resources in $AZ_RESOURCES (a JSON array in the
// shape ARM's GET returns), as az would: `resource show --ids` prints one resource or, for several IDs, an array, and
// fails when one is missing; the typed list commands print the resources under their parent, reduced by `--query`.
// Anything else fails, so that a command the script should not run fails the test.
//   $AZ_SIGNED_OUT=1: az is not signed in.   $AZ_NO_DNS_RESOLVER=1: the dns-resolver extension is not installed.
//   $AZ_VERSION_OLD=1: az before 2.86.0, whose firewall-rule commands take the server as --name, not --server-name.
import { appendFileSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
appendFileSync(process.env.AZ_LOG, `${JSON.stringify(args)}\n`);
const resources = JSON.parse(readFileSync(process.env.AZ_RESOURCES, 'utf8'));

const fail = (message, code = 1) => {
  process.stderr.write(`ERROR: ${message}\n`);
  process.exit(code);
};
/** The value of an option, written `--name value` or `--name=value`; every value after it for `--ids`. */
const values = (name) => {
  const out = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i].startsWith(`${name}=`)) out.push(args[i].slice(name.length + 1));
    else if (args[i] === name)
      for (let j = i + 1; j < args.length && !args[j].startsWith('--'); j += 1) out.push(args[j]);
  }
  return out;
};
const opt = (name) => values(name)[0];
const command = [];
for (const a of args) {
  if (a.startsWith('-')) break;
  command.push(a);
}
const is = (...words) => command.join(' ') === words.join(' ');

const key = (id) => id.toLowerCase();
const byId = new Map(resources.map((r) => [key(r.id), r]));
// Children that a GET returns inside their parent (a VNet's subnets and peerings) can be read on their own too.
for (const r of resources)
  for (const child of [...(r.properties?.subnets ?? []), ...(r.properties?.virtualNetworkPeerings ?? [])])
    if (!byId.has(key(child.id))) byId.set(key(child.id), child);
const parentOf = (id) => id.replace(/\/[^/]+\/[^/]+$/, '');
const typeIs = (r, type) => r.type.toLowerCase() === type.toLowerCase();
const childrenOf = (parent, type) => resources.filter((r) => typeIs(r, type) && key(parentOf(r.id)) === key(parent));

const signedIn = process.env.AZ_SIGNED_OUT !== '1';
const defaultSubscription = process.env.AZ_DEFAULT_SUBSCRIPTION ?? '00000000-0000-0000-0000-000000000000';
const subscription = () => opt('--subscription') ?? defaultSubscription;
const group = () => `/subscriptions/${subscription()}/resourceGroups/${opt('--resource-group')}/providers`;

/** Prints the value as az does with --output json, after the --query the script asks (only those it asks). */
function print(value) {
  const query = opt('--query');
  let out = value;
  if (query === '[].id') out = value.map((r) => r.id);
  else if (query === 'id') out = value.id;
  else if (query === 'name') out = value.name;
  else if (query !== undefined) fail(`the fake az does not know the query ${query}`, 2);
  if (opt('--output') !== 'json') fail('the inventory script asks for --output json', 2);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

if (!signedIn) fail("Please run 'az login' to setup account.");
else if (is('account', 'show')) print({ id: subscription(), name: 'fake', state: 'Enabled' });
else if (is('resource', 'show')) {
  const ids = values('--ids');
  const found = ids.map((id) => byId.get(key(id)));
  const missing = ids.find((_, i) => found[i] === undefined);
  if (missing !== undefined || ids.length === 0)
    fail(`(ResourceNotFound) The Resource '${missing ?? ''}' was not found.`, 3);
  print(found.length === 1 ? found[0] : found);
} else if (is('resource', 'list')) {
  const type = opt('--resource-type') ?? '';
  print(resources.filter((r) => typeIs(r, type) && r.id.split('/')[2] === subscription()));
} else if (is('postgres', 'flexible-server', 'firewall-rule', 'list')) {
  const old = process.env.AZ_VERSION_OLD === '1';
  const name = old ? opt('--name') : opt('--server-name');
  if (name === undefined) fail(`unrecognized arguments: ${args.join(' ')}`, 2);
  const server = byId.get(key(`${group()}/Microsoft.DBforPostgreSQL/flexibleServers/${name}`));
  if (server === undefined) fail('(ResourceNotFound) The server was not found.', 3);
  if (server.properties?.network?.publicNetworkAccess === 'Disabled')
    fail("Firewall rule operations cannot be requested for a server that doesn't have public access enabled.");
  print(childrenOf(server.id, 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules'));
} else if (is('postgres', 'flexible-server', 'parameter', 'list')) {
  const server = `${group()}/Microsoft.DBforPostgreSQL/flexibleServers/${opt('--server-name')}`;
  print(childrenOf(server, 'Microsoft.DBforPostgreSQL/flexibleServers/configurations'));
} else if (is('network', 'private-endpoint', 'dns-zone-group', 'list')) {
  const endpoint = `${group()}/Microsoft.Network/privateEndpoints/${opt('--endpoint-name')}`;
  print(childrenOf(endpoint, 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups'));
} else if (is('network', 'private-dns', 'link', 'vnet', 'list')) {
  const zone = `${group()}/Microsoft.Network/privateDnsZones/${opt('--zone-name')}`;
  print(childrenOf(zone, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks'));
} else if (is('network', 'private-dns', 'record-set', 'a', 'list')) {
  const zone = `${group()}/Microsoft.Network/privateDnsZones/${opt('--zone-name')}`;
  print(childrenOf(zone, 'Microsoft.Network/privateDnsZones/A'));
} else if (is('network', 'vpn-connection', 'list')) {
  const gateway = `${group()}/Microsoft.Network/virtualNetworkGateways/${opt('--vnet-gateway')}`;
  print(
    resources.filter(
      (r) =>
        typeIs(r, 'Microsoft.Network/connections') &&
        key(r.properties?.virtualNetworkGateway1?.id ?? '') === key(gateway),
    ),
  );
} else if (is('extension', 'show')) {
  if (opt('--name') !== 'dns-resolver' || process.env.AZ_NO_DNS_RESOLVER === '1')
    fail(`The extension ${opt('--name')} is not installed.`);
  print({ name: 'dns-resolver', version: '1.0.0' });
} else if (is('dns-resolver', 'inbound-endpoint', 'list')) {
  const resolver = `${group()}/Microsoft.Network/dnsResolvers/${opt('--dns-resolver-name')}`;
  print(childrenOf(resolver, 'Microsoft.Network/dnsResolvers/inboundEndpoints'));
} else fail(`the fake az does not know: az ${args.join(' ')}`, 2);
