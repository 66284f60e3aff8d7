import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { peContext } from './pe-helpers';

/** What each value of privateEndpointNetworkPolicies applies to the subnet's private endpoints. PE §1.8 */
const APPLIES: Record<string, string> = {
  Enabled: 'its NSG rules and its route table (user-defined routes) apply',
  NetworkSecurityGroupEnabled: 'its NSG rules apply',
  RouteTableEnabled: 'its route table (user-defined routes) applies',
};

export const pgn225: Rule = {
  id: 'PGN-225',
  title: "NSG rules and route tables of an endpoint's subnet apply to it only when its network policies say so",
  severity: 'warning',
  docs: DOCS.privateEndpointPolicies,
  source: 'PE §1.8',
  why:
    "A subnet's private endpoint network policies decide whether its NSG rules and route tables apply to the " +
    "private endpoints in it: Disabled (Azure's default) = neither, Enabled = both, NetworkSecurityGroupEnabled or " +
    'RouteTableEnabled = one. Once they apply, an NSG rule can block clients on port 5432, and a user-defined ' +
    "route as broad as the VNet's address space or broader overrides the endpoint's own route (e.g. through a " +
    'firewall, which then needs SNAT). The planner warns when the policies apply, not when they are Disabled: the ' +
    "plan's public access describes no NSG or route table to check.",
  fix:
    "Check the subnet's NSG rules and routes for the endpoint's traffic (clients to port 5432), or set the " +
    'policies to Disabled if they should not apply.',
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
        `Subnet "${e.subnet}" of VNet "${e.vnet}" holds private endpoint${e.endpoints.length > 1 ? 's' : ''} ` +
          `${e.endpoints.join(', ')} and its private endpoint network policies are ${e.policies}: ` +
          `${APPLIES[e.policies] ?? ''} to the endpoints' traffic. Check that the subnet's rules and routes let ` +
          "clients reach port 5432 (a route as broad as the VNet's address space overrides the endpoint's own), or " +
          'set the policies to Disabled.',
      ),
    );
  },
};
