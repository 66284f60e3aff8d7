/**
 * The delegated subnet's reserved addresses and its capacity for the planned servers (rules.md PGN-109;
 * facts §1.2): Azure's five reserved addresses of the prefix, the usable count, and what the servers use.
 */
import { subnetCapacity } from '../../domain/address-map';
import {
  ADDRESSES_PER_HA_SERVER,
  AZURE_RESERVED_ADDRESSES_PER_SUBNET,
  MIN_DELEGATED_SUBNET_PREFIX_LENGTH,
} from '../../domain/azure';
import { azureReservedAddresses, parseCidr } from '../../domain/ipv4';
import { usePlanner } from '../../store/store';

export function DelegatedCapacity({ prefix }: { prefix: string }) {
  const servers = usePlanner((s) => s.plan.servers);
  const parsed = parseCidr(prefix);
  const capacity = subnetCapacity(prefix, servers);
  if (!parsed.ok || capacity === null) {
    return (
      <p className="private__note">
        Enter a valid prefix for the delegated subnet to see its reserved addresses and capacity.
      </p>
    );
  }
  const reserved = azureReservedAddresses(parsed.value);
  return (
    <div className="amap__capacity">
      <div className="table-wrap private__table-wrap">
        <table className="table amap__reserved">
          <caption>
            Azure reserves {AZURE_RESERVED_ADDRESSES_PER_SUBNET} addresses of <code>{prefix}</code>
          </caption>
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Purpose</th>
            </tr>
          </thead>
          <tbody>
            {reserved.map((r) => (
              <tr key={r.address + r.purpose}>
                <td>
                  <code>{r.address}</code>
                </td>
                <td>{r.purpose}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="summary-list amap__numbers">
        <dt>Addresses</dt>
        <dd>{capacity.size.toLocaleString('en-US')}</dd>
        <dt>Usable</dt>
        <dd>
          {capacity.usable.toLocaleString('en-US')} (after the {AZURE_RESERVED_ADDRESSES_PER_SUBNET} reserved)
          {capacity.belowMinimum ? ` — below the /${MIN_DELEGATED_SUBNET_PREFIX_LENGTH} minimum` : ''}
        </dd>
        <dt>Planned servers</dt>
        <dd>
          {capacity.haServers} with high availability × {ADDRESSES_PER_HA_SERVER} + {capacity.otherServers} without × 1
          = {capacity.needed} {capacity.needed === 1 ? 'address' : 'addresses'}
        </dd>
        <dt>Left</dt>
        <dd>
          {capacity.fits
            ? `${capacity.free.toLocaleString('en-US')} addresses: room for ` +
              `${capacity.moreHaServers.toLocaleString('en-US')} more ` +
              `${capacity.moreHaServers === 1 ? 'server' : 'servers'} with high availability`
            : `Not enough: ${(-capacity.free).toLocaleString('en-US')} ` +
              `${capacity.free === -1 ? 'address' : 'addresses'} short`}
        </dd>
      </dl>
      <p className="field__hint">
        A server with high availability uses {ADDRESSES_PER_HA_SERVER} addresses (Microsoft's figure). The documentation
        gives no figure without high availability; the planner counts 1 per server. A subnet can't be enlarged once
        resources are in it, so leave room to grow.
      </p>
    </div>
  );
}
