/**
 * The fields of an imported plan that Azure can't change after the resource is created: the wizard shows them
 * read-only, with the reason. A small explicit list; each entry cites its source. Changing such a field means a new
 * resource (a new server, most of the time), which the "Compare with deployed" view and `diff` mark as such: the way
 * to plan one is a new plan (or another server), not an edit of what exists.
 */
import { getIn } from '../../domain/paths';
import type { Plan } from '../../domain/plan';
import type { ReadOnlyField } from '../../store/import-report';

interface ReadOnlyRule {
  /** Dotted plan path; `*` stands for each server's index. */
  readonly path: string;
  /** The object the field belongs to (`*` as in `path`): the field is read-only while that object keeps its name. */
  readonly owner: string;
  readonly reason: string;
  /** Only for plans where this holds (default: always). */
  readonly when?: (plan: Plan) => boolean;
}

const SERVER_VNET =
  'A deployed server can’t move to another virtual network or subnet, and its virtual network can’t move to ' +
  'another resource group or subscription. Planning another one means a new server.';

const READ_ONLY_RULES: readonly ReadOnlyRule[] = [
  {
    // Seed networking-overview: "You can't change your networking option after the server is created." Facts §1.1.
    path: 'access.mode',
    owner: 'servers.0',
    reason: 'Azure can’t change a server’s networking option after it is created: changing it takes a new server.',
  },
  {
    // azurerm-networking-args.json: azurerm_postgresql_flexible_server force_new "name" (a new name is a new server).
    path: 'servers.*.name',
    owner: 'servers.*',
    reason: 'A deployed server can’t be renamed: another name is another server.',
  },
  {
    // azurerm-networking-args.json: azurerm_postgresql_flexible_server force_new "location".
    path: 'servers.*.region',
    owner: 'servers.*',
    reason: 'A deployed server stays in the region it was created in.',
  },
  // Seed networking-overview, "Unsupported virtual network scenarios": "After a flexible server is deployed to a
  // virtual network and subnet, you can't move it to another virtual network or subnet. You can't move the virtual
  // network into another resource group or subscription." Facts §1.2.
  { path: 'access.vnet.name', owner: 'access.vnet', reason: SERVER_VNET },
  { path: 'access.vnet.resourceGroup', owner: 'access.vnet', reason: SERVER_VNET },
  {
    // azurerm-networking-args.json: azurerm_virtual_network force_new "location"; facts §1.3: the VNet is in the
    // server's region.
    path: 'access.vnet.region',
    owner: 'access.vnet',
    reason: 'A deployed virtual network stays in its region, which is the server’s region.',
  },
  { path: 'access.delegatedSubnet.name', owner: 'access.delegatedSubnet', reason: SERVER_VNET },
  {
    // Seed: "Subnet size (address spaces) can't be increased after resources exist in the subnet." Facts §1.2. The
    // delegated subnet holds the server.
    path: 'access.delegatedSubnet.prefix',
    owner: 'access.delegatedSubnet',
    reason: 'The delegated subnet’s address range can’t change while the server is in it.',
  },
  ...(['name', 'resourceGroup', 'subscription'] as const).map((field): ReadOnlyRule => ({
    // Facts §1.5: "Changing the private DNS zone after creation is allowed …, except on servers with HA enabled."
    path: `access.privateDnsZone.${field}`,
    owner: 'access.privateDnsZone',
    reason:
      'The private DNS zone of a server with high availability can’t be changed: turn high availability off ' +
      'first.',
    when: (plan) => plan.servers.some((s) => s.highAvailability !== 'Disabled'),
  })),
];

const nameAt = (plan: Plan, owner: string): string => {
  const name = getIn(plan, `${owner}.name`);
  return typeof name === 'string' ? name : '';
};

/** The read-only fields of a plan just imported, by path: those whose object is in the plan and named. */
export function readOnlyFields(plan: Plan): Record<string, ReadOnlyField> {
  const out: Record<string, ReadOnlyField> = {};
  for (const rule of READ_ONLY_RULES) {
    if (rule.when !== undefined && !rule.when(plan)) continue;
    const indices = rule.path.includes('*') ? plan.servers.map((_, i) => String(i)) : [''];
    for (const i of indices) {
      const owner = rule.owner.replace('*', i);
      const name = nameAt(plan, owner);
      if (name !== '') out[rule.path.replace('*', i)] = { reason: rule.reason, owner, name };
    }
  }
  return out;
}
