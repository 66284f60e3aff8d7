/**
 * The delegated subnet's address helper: each VNet address space drawn as a bar (existing subnets,
 * the chosen prefix, overlaps, free space) with a table as its text alternative; Azure's five
 * reserved addresses of the chosen prefix; the usable count and the capacity for the planned servers;
 * and "Suggest a free /28" (or larger), which fills the prefix with the first free aligned block.
 */
import { useId, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import {
  buildAddressMap,
  buildCloseUp,
  DELEGATED_FALLBACK_NAME,
  subnetCapacity,
  suggestFreeBlock,
  SUGGESTED_PREFIX_LENGTHS,
  type AddressBar,
} from '../../../domain/address-map';
import {
  ADDRESSES_PER_HA_SERVER,
  AZURE_RESERVED_ADDRESSES_PER_SUBNET,
  MIN_DELEGATED_SUBNET_PREFIX_LENGTH,
} from '../../../domain/azure';
import { azureReservedAddresses, formatIPv4, parseCidr } from '../../../domain/ipv4';
import type { Subnet } from '../../../domain/plan';
import { usePlanner } from '../../../store/store';
import type { PlanForm } from '../use-plan-form';
import { setPath } from './form-helpers';
import './address-helper.css';

const KIND_TEXT = {
  free: 'Free',
  subnet: 'Subnet',
  delegated: 'Delegated subnet (chosen prefix)',
  overlap: 'Overlap',
} as const;

function Bar({ bar, closeUp = false }: { bar: AddressBar; closeUp?: boolean }) {
  const used = bar.segments.filter((s) => s.kind !== 'free').length;
  return (
    <figure className="addrmap__figure">
      <figcaption className="addrmap__caption">
        {closeUp ? 'Close-up: ' : 'Address space '}
        <code>{bar.space}</code> — {`${bar.size.toLocaleString('en-US')} addresses, `}
        {`${bar.freeCount.toLocaleString('en-US')} free`}
      </figcaption>
      <div
        className="addrmap__bar"
        role="img"
        aria-label={
          `${closeUp ? 'Close-up of' : 'Address space'} ${bar.space}: ${used} used ` +
          `${used === 1 ? 'segment' : 'segments'}, ` +
          `${bar.freeCount.toLocaleString('en-US')} free addresses. The table ` +
          `below lists every segment.`
        }
      >
        {bar.segments.map((s) => (
          <span
            key={`${s.start}-${s.kind}`}
            className={`addrmap__seg addrmap__seg--${s.kind}`}
            style={{ left: `${s.offset}%`, width: `${s.width}%` }}
            title={s.label}
          />
        ))}
      </div>
      <div className="addrmap__scale" aria-hidden="true">
        <span>{formatIPv4(bar.start)}</span>
        <span>{formatIPv4(bar.end)}</span>
      </div>
      <details className="addrmap__details">
        <summary>Segments of {bar.space} as a table</summary>
        <div className="table-wrap private__table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Segment</th>
                <th scope="col">Range</th>
                <th scope="col">Addresses</th>
              </tr>
            </thead>
            <tbody>
              {bar.segments.map((s) => (
                <tr
                  key={`${s.start}-${s.kind}`}
                  className={s.kind === 'delegated' ? 'addrmap__row--chosen' : undefined}
                >
                  <td>
                    {KIND_TEXT[s.kind]}
                    {s.names.length > 0 && !(s.kind === 'delegated' && s.names[0] === DELEGATED_FALLBACK_NAME)
                      ? `: ${s.names.join(', ')}`
                      : ''}
                  </td>
                  <td>
                    <code>{s.range}</code>
                  </td>
                  <td>{s.size.toLocaleString('en-US')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function Legend() {
  return (
    <ul className="addrmap__legend" aria-label="Legend">
      {(['subnet', 'delegated', 'overlap', 'free'] as const).map((k) => (
        <li key={k}>
          <span className={`addrmap__swatch addrmap__seg--${k}`} aria-hidden="true" /> {KIND_TEXT[k]}
        </li>
      ))}
    </ul>
  );
}

function Capacity({ prefix }: { prefix: string }) {
  const servers = usePlanner((s) => s.plan.servers);
  const parsed = parseCidr(prefix);
  const capacity = subnetCapacity(prefix, servers);
  if (!parsed.ok || capacity === null) {
    return <p className="private__note">Enter a valid prefix to see its reserved addresses and capacity.</p>;
  }
  const reserved = azureReservedAddresses(parsed.value);
  return (
    <div className="addrmap__capacity">
      <div className="table-wrap private__table-wrap">
        <table className="table addrmap__reserved">
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
      <dl className="summary-list addrmap__numbers">
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

function Suggest({
  form,
  spaces,
  subnets,
  prefix,
}: {
  form: PlanForm;
  spaces: string[];
  subnets: Subnet[];
  prefix: string;
}) {
  const [length, setLength] = useState<number>(MIN_DELEGATED_SUBNET_PREFIX_LENGTH);
  const [status, setStatus] = useState('');
  const selectId = useId();
  const suggest = () => {
    const block = suggestFreeBlock(
      length,
      spaces,
      subnets.map((s) => s.prefix),
    );
    if (block === null) {
      setStatus(
        `No free /${length} is left in the address spaces ` +
          `${spaces.filter(Boolean).join(', ') || '(none entered yet)'}.`,
      );
      return;
    }
    setPath(form, 'access.delegatedSubnet.prefix', block);
    setStatus(
      block === prefix
        ? `${block} is already the first free /${length}.`
        : `Prefix set to ${block}, the first free /${length}.`,
    );
  };
  return (
    <div className="addrmap__suggest">
      <div className="field addrmap__size">
        <label className="field__label" htmlFor={selectId}>
          Block size
        </label>
        <select id={selectId} value={length} onChange={(e) => setLength(Number(e.target.value))}>
          {SUGGESTED_PREFIX_LENGTHS.map((l) => (
            <option key={l} value={l}>
              /{l} ({2 ** (32 - l)} addresses, {2 ** (32 - l) - AZURE_RESERVED_ADDRESSES_PER_SUBNET} usable)
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button button--primary" onClick={suggest}>
        Suggest a free /{length}
      </button>
      <p className="private__status" role="status">
        {status}
      </p>
    </div>
  );
}

export function AddressHelper({ form }: { form: PlanForm }) {
  const watchedSpaces = useWatch({ control: form.control, name: 'access.vnet.addressSpaces' }) as string[] | undefined;
  const watchedSubnets = useWatch({ control: form.control, name: 'access.vnet.subnets' }) as Subnet[] | undefined;
  const prefix =
    (useWatch({ control: form.control, name: 'access.delegatedSubnet.prefix' }) as string | undefined) ?? '';
  const name = (useWatch({ control: form.control, name: 'access.delegatedSubnet.name' }) as string | undefined) ?? '';
  const map = useMemo(
    () =>
      buildAddressMap({
        addressSpaces: watchedSpaces ?? [],
        subnets: watchedSubnets ?? [],
        delegated: { name, prefix },
      }),
    [watchedSpaces, watchedSubnets, name, prefix],
  );
  const closeUp = useMemo(
    () =>
      buildCloseUp({ addressSpaces: watchedSpaces ?? [], subnets: watchedSubnets ?? [], delegated: { name, prefix } }),
    [watchedSpaces, watchedSubnets, name, prefix],
  );
  const spaces = watchedSpaces ?? [];
  const subnets = watchedSubnets ?? [];
  return (
    <section className="card addrmap" aria-labelledby="addrmap-title">
      <h3 id="addrmap-title" className="addrmap__title">
        Address helper
      </h3>
      <Suggest form={form} spaces={spaces} subnets={subnets} prefix={prefix} />
      {map.bars.length === 0 ? (
        <p className="private__note">
          Enter the VNet's address spaces on the Virtual network step to see where the subnet fits.
        </p>
      ) : (
        <>
          <Legend />
          {map.bars.map((b, i) => (
            <Bar key={`${b.space}-${i}`} bar={b} />
          ))}
          {closeUp ? <Bar bar={closeUp} closeUp /> : null}
        </>
      )}
      {map.unplaced.length + map.invalidSpaces.length > 0 ? (
        <ul className="private__note">
          {[...map.invalidSpaces, ...map.unplaced].map((u, i) => (
            <li key={`${u.name}-${i}`}>
              Not drawn: {u.name} <code>{u.prefix}</code> — {u.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <Capacity prefix={prefix} />
    </section>
  );
}
