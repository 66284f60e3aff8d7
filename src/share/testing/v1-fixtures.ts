/**
 * What the migration to plan format 2 gives for the frozen format-1 fixtures (`../fixtures`, and the autosaves of
 * `../../store/fixtures`), written out by hand rather than computed: the `peerings` of each private plan. Test
 * support only.
 */

interface ExpectedPeering {
  from: string;
  to: string;
  allowForwardedTraffic: boolean;
  allowGatewayTransit: boolean;
  useRemoteGateways: boolean;
}

/** A peering with the flags named set and the others false, keys in the schema's order. */
const peering = (
  from: string,
  to: string,
  flags: { forwarded?: true; transit?: true; remote?: true } = {},
): ExpectedPeering => ({
  from,
  to,
  allowForwardedTraffic: flags.forwarded ?? false,
  allowGatewayTransit: flags.transit ?? false,
  useRemoteGateways: flags.remote ?? false,
});

/**
 * The `peerings` of each private format-1 fixture once migrated: one per direction format 1 declared (from the
 * server VNet first), and the flags of a VNet holding an on-premises site's gateway.
 */
export const V1_MIGRATED_PEERINGS: Readonly<Record<string, readonly ExpectedPeering[]>> = {
  // Both directions with both other VNets; vnet-hub holds the gateway of office-amsterdam (VPN).
  'v1-hub-and-spoke': [
    peering('vnet-orders-data', 'vnet-hub', { forwarded: true, remote: true }),
    peering('vnet-hub', 'vnet-orders-data', { forwarded: true, transit: true }),
    peering('vnet-orders-data', 'vnet-spoke-2'),
    peering('vnet-spoke-2', 'vnet-orders-data'),
  ],
  // vnet-one-way (from the server VNet only) holds dc-er's ExpressRoute gateway; vnet-other-way is peered towards
  // the server VNet only; vnet-unpeered not at all; the site "branch" has no connection and sets no flag.
  'v1-every-field': [
    peering('vnet-everything', 'vnet-one-way', { forwarded: true, remote: true }),
    peering('vnet-other-way', 'vnet-everything'),
  ],
  // Three VNets peered both ways; the office's gateway is in the server VNet: no flag.
  'v1-typical': [
    peering('vnet-sample', 'vnet-spoke-0'),
    peering('vnet-spoke-0', 'vnet-sample'),
    peering('vnet-sample', 'vnet-spoke-1'),
    peering('vnet-spoke-1', 'vnet-sample'),
    peering('vnet-sample', 'vnet-spoke-2'),
    peering('vnet-spoke-2', 'vnet-sample'),
  ],
  'v1-eight-subnets': [],
};
