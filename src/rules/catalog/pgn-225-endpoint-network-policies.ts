import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { peContext } from './pe-helpers';

/** What each value of privateEndpointNetworkPolicies applies to the subnet's private endpoints. PE §1.8 */
const APPLIES: Record<string, string> = {
  Enabled: 'NSG rules and routes apply',
  NetworkSecurityGroupEnabled: 'NSG rules apply',
  RouteTableEnabled: 'routes apply',
};

export const pgn225: Rule = {
  id: 'PGN-225',
  title: "NSG rules and route tables of an endpoint's subnet apply to it only when its network policies say so",
  severity: 'warning',
  docs: DOCS.privateEndpointPolicies,
  source: 'PE §1.8',
  why:
    "Disabled (the default): neither the subnet's NSG nor its routes apply to endpoints; otherwise they can block " +
    'port 5432 or reroute it. Warned only when they apply: the plan describes no routes here, and the NSG only ' +
    "when the subnet's nsg is given (the client check then evaluates its rules).",
  fix: "Check the subnet's NSG rules and routes for port 5432, or set the policies to Disabled.",
  check(plan) {
    const c = peContext(plan);
    if (c === null) return [];
    const subnets = new Map<string, { vnet: string; subnet: string; policies: string; endpoints: string[] }>();
    for (const pe of c.access.privateEndpoints) {
      const v = c.vnet(pe.vnet);
      const j = v?.vnet.subnets.findIndex((s) => s.name.toLowerCase() === pe.subnet.toLowerCase()) ?? -1;
      const s = v?.vnet.subnets[j];
      const policies = s?.privateEndpointNetworkPolicies ?? 'Disabled';
      if (v === undefined || s === undefined || policies === 'Disabled') continue;
      const path = `${v.path}.subnets.${j}.privateEndpointNetworkPolicies`;
      const entry = subnets.get(path) ?? { vnet: v.vnet.name, subnet: s.name, policies, endpoints: [] };
      entry.endpoints.push(`"${pe.name}"`);
      subnets.set(path, entry);
    }
    return [...subnets].map(([path, e]) =>
      report(
        this,
        path,
        `Subnet "${e.subnet}" of VNet "${e.vnet}" (endpoints ${e.endpoints.join(', ')}): its private endpoint ` +
          `network policies are ${e.policies}, so its ${APPLIES[e.policies] ?? ''} to the endpoints. Check them ` +
          'for port 5432, or set Disabled.',
      ),
    );
  },
};
