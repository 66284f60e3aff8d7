#!/usr/bin/env node
// A stand-in for the Azure CLI, for the inventory script's tests: it records every call (one JSON argv per line in
// $AZ_LOG) and answers the read commands the script runs from the resources in $AZ_RESOURCES (a JSON array in the
// shape ARM's GET returns). Anything else is an error, so a command the script should not run fails the test.
import { appendFileSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
appendFileSync(process.env.AZ_LOG, `${JSON.stringify(args)}\n`);
const resources = JSON.parse(readFileSync(process.env.AZ_RESOURCES, 'utf8'));
const opt = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const key = (id) => id.toLowerCase();
const byId = new Map(resources.map((r) => [key(r.id), r]));
// Children that GET returns inside their parent are resources too.
for (const r of resources)
  for (const child of [...(r.properties?.subnets ?? []), ...(r.properties?.virtualNetworkPeerings ?? [])])
    byId.set(key(child.id), child);
const parentOf = (id) => id.replace(/\/[^/]+\/[^/]+$/, '');
const children = (parent, type) =>
  resources.filter((r) => r.type.toLowerCase() === type.toLowerCase() && key(parentOf(r.id)) === key(parent));
const fail = (message) => {
  process.stderr.write(`ERROR: ${message}\n`);
  process.exit(3);
};
const json = (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
const tsv = (values) =>
  process.stdout.write(
    values
      .filter((v) => v)
      .map((v) => `${v}\n`)
      .join(''),
  );
const server = resources.find((r) => r.type === 'Microsoft.DBforPostgreSQL/flexibleServers');

/** The JMESPath queries the script asks, evaluated on one resource. */
const QUERIES = {
  'properties.privateEndpointConnections[].properties.privateEndpoint.id': (r) =>
    (r.properties?.privateEndpointConnections ?? []).map((c) => c.properties?.privateEndpoint?.id),
  'properties.network.delegatedSubnetResourceId': (r) => [r.properties?.network?.delegatedSubnetResourceId],
  'properties.network.privateDnsZoneArmResourceId': (r) => [r.properties?.network?.privateDnsZoneArmResourceId],
  'properties.subnets[].properties.[networkSecurityGroup.id, routeTable.id][]': (r) =>
    (r.properties?.subnets ?? []).flatMap((s) => [
      s.properties?.networkSecurityGroup?.id,
      s.properties?.routeTable?.id,
    ]),
  'properties.subnets[].properties.ipConfigurations[].id': (r) =>
    (r.properties?.subnets ?? []).flatMap((s) => (s.properties?.ipConfigurations ?? []).map((c) => c.id)),
  'properties.virtualNetworkPeerings[].properties.remoteVirtualNetwork.id': (r) =>
    (r.properties?.virtualNetworkPeerings ?? []).map((p) => p.properties?.remoteVirtualNetwork?.id),
};

const command = args
  .filter((a) => !a.startsWith('-'))
  .slice(0, 6)
  .join(' ');
if (command.startsWith('account show')) tsv([opt('--subscription') ?? '00000000-0000-0000-0000-000000000000']);
else if (command.startsWith('postgres flexible-server show')) {
  if (server?.name !== opt('--name')) fail('ResourceNotFound');
  tsv([server.id]);
} else if (command.startsWith('resource show')) {
  const resource = byId.get(key(opt('--ids') ?? ''));
  if (resource === undefined) fail(`ResourceNotFound: ${opt('--ids')}`);
  const query = opt('--query');
  if (query === undefined) json(resource);
  else if (QUERIES[query]) tsv(QUERIES[query](resource));
  else fail(`unexpected query ${query}`);
} else if (command.startsWith('postgres flexible-server firewall-rule list')) {
  json(children(server.id, 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules'));
} else if (command.startsWith('postgres flexible-server parameter show')) {
  const found = children(server.id, 'Microsoft.DBforPostgreSQL/flexibleServers/configurations').find(
    (c) => c.name === opt('--name'),
  );
  if (found === undefined) fail('ParameterNotFound');
  json(found);
} else if (command.startsWith('network private-dns link vnet list')) {
  json(resources.filter((r) => r.type === 'Microsoft.Network/privateDnsZones/virtualNetworkLinks'));
} else if (command.startsWith('network private-dns record-set a')) {
  json([]);
} else if (command.startsWith('resource list')) {
  const endpoints = resources.filter((r) => r.type === 'Microsoft.Network/dnsResolvers/inboundEndpoints');
  tsv([...new Set(endpoints.map((e) => parentOf(e.id)))].filter((id) => id.split('/')[2] === opt('--subscription')));
} else if (command.startsWith('dns-resolver inbound-endpoint list')) {
  json(
    resources.filter(
      (r) =>
        r.type === 'Microsoft.Network/dnsResolvers/inboundEndpoints' &&
        parentOf(r.id).endsWith(`/${opt('--dns-resolver-name')}`),
    ),
  );
} else fail(`the fake az does not know: ${args.join(' ')}`);
