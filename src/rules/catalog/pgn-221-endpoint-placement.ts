import {
  DNS_RESOLVER_DELEGATION_SERVICE,
  DOCS,
  POSTGRES_DELEGATION_SERVICE,
  PRIVATE_LINK_GROUP_ID,
} from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { azureReservedAddresses, cidrRange, formatIPv4, parseCidrFast, parseIPv4Fast } from '../../domain/ipv4';
import { accessIndex } from '../../domain/plan-index';
import { report, type Rule } from '../rule';
import { named, namedAtStart } from '../names';
import { peContext } from './pe-helpers';

/** Subnets that hold nothing but their service: PostgreSQL's (PE §1.6, facts §1.2), a DNS resolver's (PE §3.2). */
const EXCLUSIVE: Record<string, string> = {
  [POSTGRES_DELEGATION_SERVICE.toLowerCase()]: 'only flexible servers live there',
  [DNS_RESOLVER_DELEGATION_SERVICE.toLowerCase()]: "a DNS resolver's endpoint subnet holds nothing else",
};

export const pgn221: Rule = {
  id: 'PGN-221',
  title: 'A private endpoint sits in an undelegated subnet of a plan VNet, at a usable address',
  severity: 'error',
  docs: DOCS.privateLink,
  source: 'PE §1.2, §1.6, §2.3, §3.2; facts §1.2',
  why:
    "The endpoint takes its VNet's region and subscription (the server may be in another region) and the planner " +
    `targets ${PRIVATE_LINK_GROUP_ID}. A delegated PostgreSQL or DNS resolver subnet holds nothing else; Azure ` +
    "reserves the first four addresses and the last. Traps: the azurerm provider's PostgreSQL private endpoint " +
    'example uses a PostgreSQL-delegated subnet; a how-to uses --group-id sites.',
  fix:
    'Use an undelegated subnet of a plan VNet, a plan server, a usable static address (or dynamic), group ID ' +
    `${PRIVATE_LINK_GROUP_ID}.`,
  check(plan) {
    const c = peContext(plan);
    if (c === null) return [];
    const index = accessIndex(c.access);
    const servers = plan.servers.map((s) => s.name.toLowerCase());
    const out: Finding[] = [];
    c.access.privateEndpoints.forEach((pe, i) => {
      const push = (field: string, message: string) =>
        out.push(
          report(
            this,
            `access.privateEndpoints.${i}.${field}`,
            `${namedAtStart('private endpoint', pe.name)} ${message}`,
          ),
        );
      if (pe.server !== '' && !servers.includes(pe.server.toLowerCase()))
        push(
          'server',
          `connects to server "${pe.server}", which is not a server of the plan: name one of ` +
            `${plan.servers.map((s) => `"${s.name}"`).join(', ')}, or leave it empty for the first.`,
        );
      const v = c.vnet(pe.vnet);
      if (v === undefined) {
        push('vnet', `sits in ${named('VNet', pe.vnet)}, which is not a VNet of the plan: add that VNet or pick one.`);
        return;
      }
      const subnet = index.subnetOf(pe.vnet, pe.subnet);
      if (subnet === undefined) {
        push(
          'subnet',
          `sits in ${named('subnet', pe.subnet)}, which ${named('VNet', v.vnet.name)} does not have: add the subnet ` +
            'to the VNet or pick one of its subnets.',
        );
        return;
      }
      const delegation = 'delegation' in subnet ? (subnet.delegation ?? '') : '';
      const exclusive = EXCLUSIVE[delegation.toLowerCase()];
      if (exclusive !== undefined)
        push(
          'subnet',
          `sits in subnet "${subnet.name}", which is delegated to ${delegation}: ${exclusive}, never a private ` +
            'endpoint. Put the endpoint in another subnet, without delegation.',
        );
      if (pe.privateIp === '') return;
      const ip = parseIPv4Fast(pe.privateIp);
      const net = parseCidrFast(subnet.prefix);
      if (!ip.ok) {
        push('privateIp', `has a static address that cannot be used: ${ip.error.message}`);
        return;
      }
      if (!net.ok) return;
      const range = cidrRange(net.value);
      const where = `subnet "${subnet.name}" (${subnet.prefix})`;
      const reserved = azureReservedAddresses(net.value).find((r) => r.address === formatIPv4(ip.value));
      if (ip.value < range.start || ip.value > range.end)
        push('privateIp', `has static address ${pe.privateIp}, outside its ${where}: pick an address inside it.`);
      else if (reserved !== undefined)
        push(
          'privateIp',
          `has static address ${pe.privateIp}, which Azure reserves in ${where} (${reserved.purpose.toLowerCase()}; ` +
            'the first four addresses and the last are reserved): pick another address.',
        );
    });
    return out;
  },
};
