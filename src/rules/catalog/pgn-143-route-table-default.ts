import { DOCS } from '../../domain/azure';
import { cidrRange, parseLooseCidrFast, rangeContains } from '../../domain/ipv4';
import { planIndex } from '../../domain/plan-index';
import { report, type Rule } from '../rule';
import { quotedName } from '../names';

/**
 * A route table on the delegated subnet that sends all traffic (0.0.0.0/0) to a firewall or appliance also needs
 * a route for the `AzureActiveDirectory` service tag with next hop Internet, and a route for the subnet's own range
 * with next hop VnetLocal, or Microsoft Entra sign-in and replication break (facts §1.2, "Route tables").
 */
export const pgn143: Rule = {
  id: 'PGN-143',
  title: 'A default route to an appliance on the delegated subnet keeps Entra ID and the subnet reachable',
  severity: 'warning',
  docs: DOCS.private,
  source: 'facts §1.2',
  why:
    'When the delegated subnet sends all traffic to a firewall or appliance, Microsoft Entra ID sign-in and the ' +
    'traffic between the server and its standby or replicas go there too, and break unless routes keep them ' +
    'direct: AzureActiveDirectory → Internet and the subnet\u2019s own range → Virtual network.',
  fix:
    'Add to the route table a route AzureActiveDirectory → Internet and a route for the delegated subnet\u2019s ' +
    'range → VnetLocal.',
  check(plan) {
    const access = plan.access;
    if (access.mode !== 'private') return [];
    const table = planIndex(plan).routeTable(access.vnet.name, access.delegatedSubnet.name);
    if (table === undefined) return [];
    const routes = table.table.routes;
    const byDefault = routes.findIndex((r) => r.prefix.trim() === '0.0.0.0/0' && r.nextHop === 'VirtualAppliance');
    if (byDefault < 0) return [];
    const entra = routes.some((r) => r.prefix.toLowerCase() === 'azureactivedirectory' && r.nextHop === 'Internet');
    const own = parseLooseCidrFast(access.delegatedSubnet.prefix);
    const local =
      own.ok &&
      routes.some((r) => {
        const c = parseLooseCidrFast(r.prefix);
        return c.ok && r.nextHop === 'VnetLocal' && rangeContains(cidrRange(c.value), cidrRange(own.value));
      });
    const missing = [
      ...(entra ? [] : ['AzureActiveDirectory → Internet']),
      ...(local ? [] : [`${access.delegatedSubnet.prefix || 'the delegated subnet'} → VnetLocal`]),
    ];
    if (missing.length === 0) return [];
    return [
      report(
        this,
        `${table.path}.routes.${byDefault}`,
        `Route table ${quotedName(table.table.name)} on the delegated subnet sends 0.0.0.0/0 to ` +
          `${routes[byDefault]?.nextHopIp || 'an appliance'}; add ${missing.join(' and ')}, or Microsoft Entra ` +
          'sign-in and replication break.',
      ),
    ];
  },
};
