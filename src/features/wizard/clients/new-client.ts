/** The kinds of client the Clients step offers, in which order for each access mode, and a new client of each kind. */
import type { Client, ClientKind, Plan } from '../../../domain/plan';

export const CLIENT_KIND_LABEL: Readonly<Record<ClientKind, string>> = {
  serverVnet: 'A subnet of the server VNet',
  vnet: 'Another VNet (peered or not)',
  onPremises: 'An on-premises network',
  internet: 'A computer on the internet',
  azureService: 'An Azure service without VNet integration',
};

const NAME_BASE: Readonly<Record<ClientKind, string>> = {
  serverVnet: 'app-subnet',
  vnet: 'vnet-client',
  onPremises: 'on-premises',
  internet: 'internet-client',
  azureService: 'azure-service',
};

export interface KindGroups {
  /** Kinds that reach a server of this mode in the usual way. */
  suited: readonly ClientKind[];
  /** The rest, offered too; the connectivity check explains what they need. */
  other: readonly ClientKind[];
}

export const KIND_GROUPS: Readonly<Record<Plan['access']['mode'], KindGroups>> = {
  private: { suited: ['serverVnet', 'vnet', 'onPremises'], other: ['internet', 'azureService'] },
  public: { suited: ['internet', 'azureService'], other: ['serverVnet', 'vnet', 'onPremises'] },
};

/** Names a client of the plan could be attached to, per kind: server VNet subnets, other VNets, sites. */
export interface ClientTargets {
  subnets: string[];
  vnets: string[];
  sites: string[];
}

export function clientTargets(access: Plan['access']): ClientTargets {
  return {
    // Public access has no server VNet; its VNets and sites are those of private endpoints and their clients.
    subnets: access.mode === 'private' ? access.vnet.subnets.map((s) => s.name).filter((n) => n !== '') : [],
    vnets: access.peeredVnets.map((v) => v.name).filter((n) => n !== ''),
    sites: access.onPremises.map((o) => o.name).filter((n) => n !== ''),
  };
}

/** `<base>-1`, `<base>-2`, … the first name no client has yet (case-insensitive). */
export function freeClientName(kind: ClientKind, clients: readonly { name: string }[]): string {
  const taken = new Set(clients.map((c) => c.name.toLowerCase()));
  for (let n = 1; ; n += 1) {
    const name = `${NAME_BASE[kind]}-${n}`;
    if (!taken.has(name)) return name;
  }
}

/** A new client of `kind`, attached to the first matching subnet, VNet or site of the plan. */
export function newClient(kind: ClientKind, clients: readonly Client[], targets: ClientTargets): Client {
  const base = {
    name: freeClientName(kind, clients),
    intent: 'mustReach' as const,
    tlsVersion: 'TLSv1.2' as const,
    connectsByIp: false,
  };
  switch (kind) {
    case 'serverVnet':
      return { kind, ...base, subnet: targets.subnets[0] ?? '', address: '' };
    case 'vnet':
      return { kind, ...base, vnet: targets.vnets[0] ?? '', address: '' };
    case 'onPremises':
      return { kind, ...base, site: targets.sites[0] ?? '', address: '' };
    case 'internet':
      return { kind, ...base, address: '', dynamicIp: false };
    case 'azureService':
      return { kind, ...base, tenant: 'same', address: '' };
  }
}
