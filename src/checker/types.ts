/** The connectivity checker's result types: one verdict per client, the path hop by hop. */

/** The stages a connection goes through, in order. */
export type HopKind = 'dns' | 'path' | 'filter' | 'transport' | 'auth';

export type HopStatus = 'pass' | 'fail' | 'warn' | 'info';

export interface Hop {
  readonly kind: HopKind;
  readonly status: HopStatus;
  /** A short name for the step ("Private DNS zone link"). */
  readonly title: string;
  /** What happens at this step, naming the actual values. */
  readonly detail: string;
  /** The rule of spec/rules.md that decides this step. */
  readonly ruleId?: string;
  /** For a failing (or warning) hop: what would fix it, with the concrete values. */
  readonly fix?: string;
  /** Dotted plan path of the field to change for the fix. */
  readonly path?: string;
}

export type Verdict = 'reachable' | 'unreachable' | 'warning';

export interface ClientCheck {
  /** The client's name. */
  readonly client: string;
  /** Dotted plan path of the client (`clients.3`). */
  readonly clientPath: string;
  readonly verdict: Verdict;
  /** One sentence: "fails at name resolution: link the zone to vnet-spoke-2". */
  readonly summary: string;
  readonly hops: readonly Hop[];
  /**
   * Public access with private endpoints: the endpoint the client resolves to and goes through (its plan path,
   * `access.privateEndpoints.2`); absent when it goes to the public endpoint or the plan has none.
   */
  readonly endpointPath?: string;
  /**
   * Private access, a client in a VNet not peered with the server VNet, or at a site whose gateway subnet routes to
   * the appliance of the gateway's VNet: the hub VNet whose firewall or appliance its path crosses (its plan path,
   * `access.peeredVnets.0`), as the hops name it; absent otherwise.
   */
  readonly hubPath?: string;
}

/** How each stage is named in summaries and in the UI. */
export const HOP_KIND_LABEL: Readonly<Record<HopKind, string>> = {
  dns: 'name resolution',
  path: 'network path',
  filter: 'filtering',
  transport: 'transport',
  auth: 'authentication',
};
