/**
 * The address plan of every VNet in the plan, like a subnet calculator that knows Azure. The server VNet: each
 * address space as a bar and as a list of blocks (subnets, and free space as aligned blocks that can be split in
 * halves and joined again), with usable hosts (size − 5), special and delegated subnets, sizes Azure refuses, and
 * overlaps with the VNet's own subnets, peered VNets and on-premises ranges. "Suggest a free /N" and "Use" write a
 * subnet's prefix through the step's form, so the rules check it at once. The other VNets: their address spaces
 * and where they overlap the server VNet or on-premises ranges.
 */
import { memo, useCallback, useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  buildAddressMap,
  buildSubnetLayer,
  joinBlock,
  minPrefixLengthFor,
  splitBlock,
  subnetLabel,
  subnetRole,
  suggestFreeBlock,
  withFreeBlocks,
  type FreeBlock,
  type MapBlock,
  type MapSubnet,
  type OtherRange,
  type SpaceMap,
  type SubnetBlock,
} from '../../domain/address-map';
import { AZURE_RESERVED_ADDRESSES_PER_SUBNET, MIN_SUBNET_PREFIX_LENGTH } from '../../domain/azure';
import { formatIPv4, parseCidr } from '../../domain/ipv4';
import type { Plan, PrivateAccess } from '../../domain/plan';
import { planIndex } from '../../domain/plan-index';
import { usePlanner } from '../../store/store';
import { setPath } from '../wizard/private/form-helpers';
import type { PlanForm } from '../wizard/use-plan-form';
import { chunksOf } from './chunks';
import './address-map.css';

const count = (n: number): string => n.toLocaleString('en-US');

/** "/28 (16 addresses, 11 usable)". */
const sizeText = (l: number): string =>
  `/${l} (${count(2 ** (32 - l))} addresses, ${count(2 ** (32 - l) - AZURE_RESERVED_ADDRESSES_PER_SUBNET)} usable)`;

/** The performance measure the address-map benchmark reads: from a click on Split to the map's commit. */
const SPLIT_MARK = 'address-map:split-start';
const SPLIT_MEASURE = 'address-map:split';

function mapSubnets(access: PrivateAccess): MapSubnet[] {
  return [
    ...access.vnet.subnets.map((s, i) => ({
      name: s.name,
      prefix: s.prefix,
      path: `access.vnet.subnets.${i}`,
      delegated: false,
    })),
    {
      name: access.delegatedSubnet.name,
      prefix: access.delegatedSubnet.prefix,
      path: 'access.delegatedSubnet',
      delegated: true,
    },
  ];
}

const vnetOwner = (name: string, i: number) => `VNet ${name.trim() !== '' ? name : `other VNet ${i + 1}`}`;
const siteOwner = (name: string, i: number) => `on-premises ${name.trim() !== '' ? name : `network ${i + 1}`}`;

/**
 * A peering resource joins `vnet` and the server VNet, in either direction: Azure refuses a peering between
 * overlapping address spaces, whichever side holds it.
 */
function hasServerPeering(plan: Plan, vnet: string): boolean {
  if (plan.access.mode !== 'private') return false;
  const index = planIndex(plan);
  const server = plan.access.vnet.name;
  return index.peering(server, vnet) !== undefined || index.peering(vnet, server) !== undefined;
}

/** What the server VNet must not overlap: the VNets peered with it and the connected on-premises ranges. */
function serverVnetOthers(plan: Plan, access: PrivateAccess): OtherRange[] {
  const out: OtherRange[] = [];
  access.peeredVnets.forEach((v, i) => {
    if (!hasServerPeering(plan, v.name)) return;
    for (const prefix of v.addressSpaces) out.push({ owner: vnetOwner(v.name, i), prefix });
  });
  access.onPremises.forEach((site, i) => {
    if (site.connection === 'none') return;
    for (const prefix of site.addressRanges) out.push({ owner: siteOwner(site.name, i), prefix });
  });
  return out;
}

function Legend() {
  return (
    <ul className="amap__legend" aria-label="Legend of the bars">
      <li>
        <span className="amap__swatch amap__seg--subnet" aria-hidden="true" /> Subnet
      </li>
      <li>
        <span className="amap__swatch amap__seg--special" aria-hidden="true" /> Delegated or special subnet
      </li>
      <li>
        <span className="amap__swatch amap__seg--problem" aria-hidden="true" /> Subnet with a problem
      </li>
      <li>
        <span className="amap__swatch amap__seg--other" aria-hidden="true" /> Also used by another network
      </li>
      <li>
        <span className="amap__swatch amap__swatch--free" aria-hidden="true" /> Free
      </li>
    </ul>
  );
}

const hasProblem = (b: SubnetBlock): boolean =>
  b.sizeProblem !== null || b.subnetOverlaps.length > 0 || b.otherOverlaps.length > 0 || b.outsideSpace;

/** The bar's segments: the subnets and the parts other networks use. A split or a join leaves both unchanged. */
const BarSegments = memo(function BarSegments({
  subnets,
  overlaps,
}: {
  subnets: readonly SubnetBlock[];
  overlaps: SpaceMap['otherOverlaps'];
}) {
  return (
    <>
      {subnets.map((b) => (
        <span
          key={b.key}
          className={
            'amap__seg ' +
            (hasProblem(b) ? 'amap__seg--problem' : b.role !== null ? 'amap__seg--special' : 'amap__seg--subnet')
          }
          style={{ left: `${b.offset}%`, width: `${b.width}%` }}
        />
      ))}
      {overlaps.map((o) => (
        <span
          key={`${o.owner}-${o.range}`}
          className="amap__seg amap__seg--other"
          style={{ left: `${o.offset}%`, width: `${o.width}%` }}
        />
      ))}
    </>
  );
});

function Bar({ space, label }: { space: SpaceMap; label: string }) {
  return (
    <>
      <div className="amap__bar" role="img" aria-label={label}>
        <BarSegments subnets={space.subnets} overlaps={space.otherOverlaps} />
      </div>
      <div className="amap__scale" aria-hidden="true">
        <span>{formatIPv4(space.start)}</span>
        <span>{formatIPv4(space.end)}</span>
      </div>
    </>
  );
}

/** Azure's reserved addresses of a block, in words: the first four and the last. */
function reservedText(b: MapBlock): string {
  return (
    `${AZURE_RESERVED_ADDRESSES_PER_SUBNET} reserved: ${formatIPv4(b.start)}–${formatIPv4(b.start + 3)} ` +
    `and ${formatIPv4(b.end)}`
  );
}

interface RowProps {
  block: MapBlock;
  /** The subnet "Use" places, and the largest prefix length it may get. */
  target: { label: string; maxPrefixLength: number } | null;
  onSplit: (cidr: string) => void;
  onJoin: (cidr: string) => void;
  onUse: (cidr: string) => void;
}

function SubnetRow({ block }: { block: SubnetBlock }) {
  const label = block.subnet.name.trim() !== '' ? block.subnet.name : 'Unnamed subnet';
  const problem = hasProblem(block);
  return (
    <div role="listitem" className={`amap__row amap__row--subnet${problem ? ' amap__row--problem' : ''}`}>
      <code className="amap__cidr">{block.cidr}</code>
      <span className="amap__what">
        <strong>{label}</strong>
        {block.role !== null ? <span className="amap__badge">{block.role.label}</span> : null}
      </span>
      <span className="amap__hosts">
        {count(block.size)} addresses, {count(block.usable)} usable
      </span>
      <span className="amap__notes">
        {block.prefixLength <= MIN_SUBNET_PREFIX_LENGTH ? <span>{reservedText(block)}</span> : null}
        {block.sizeProblem !== null ? <span className="amap__problem">⚠ {block.sizeProblem}</span> : null}
        {block.subnetOverlaps.length > 0 ? (
          <span className="amap__problem">⚠ Overlaps subnet {block.subnetOverlaps.join(', ')}</span>
        ) : null}
        {block.otherOverlaps.length > 0 ? (
          <span className="amap__problem">⚠ Overlaps {block.otherOverlaps.join(', ')}</span>
        ) : null}
        {block.outsideSpace ? <span className="amap__problem">⚠ Reaches past the end of the address space</span> : null}
      </span>
    </div>
  );
}

function FreeRow({ block, target, onSplit, onJoin, onUse }: RowProps & { block: FreeBlock }) {
  const usable = target !== null && !block.tooSmall && block.prefixLength <= target.maxPrefixLength;
  return (
    <div
      role="listitem"
      className={`amap__row amap__row--free${block.otherOverlaps.length > 0 ? ' amap__row--problem' : ''}`}
    >
      <code className="amap__cidr">{block.cidr}</code>
      <span className="amap__what">Free</span>
      <span className="amap__hosts">
        {count(block.size)} addresses
        {block.tooSmall ? ` — too small for a subnet (Azure's smallest is /${MIN_SUBNET_PREFIX_LENGTH})` : ''}
        {!block.tooSmall ? `, ${count(block.usable)} usable as a subnet` : ''}
      </span>
      <span className="amap__notes">
        {block.otherOverlaps.length > 0 ? (
          <span className="amap__problem">⚠ Also used by {block.otherOverlaps.join(', ')}</span>
        ) : null}
      </span>
      <span className="amap__actions">
        {block.canSplit ? (
          <button
            type="button"
            className="button amap__button"
            aria-label={`Split ${block.cidr} in two /${block.prefixLength + 1}`}
            data-amap-focus={`split ${block.cidr}`}
            onClick={() => onSplit(block.cidr)}
          >
            Split
          </button>
        ) : null}
        {block.joinsInto !== null ? (
          <button
            type="button"
            className="button amap__button"
            aria-label={`Join ${block.cidr} and the next block into ${block.joinsInto}`}
            data-amap-focus={`join ${block.cidr}`}
            onClick={() => onJoin(block.joinsInto as string)}
          >
            Join
          </button>
        ) : null}
        {usable && target !== null ? (
          <button
            type="button"
            className="button amap__button"
            aria-label={`Use ${block.cidr} for ${target.label}`}
            onClick={() => onUse(block.cidr)}
          >
            Use
          </button>
        ) : null}
      </span>
    </div>
  );
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A row re-renders only when what it shows changed: a split redraws the few rows around it. */
function sameRow(prev: RowProps, next: RowProps): boolean {
  const a = prev.block;
  const b = next.block;
  if (prev.onSplit !== next.onSplit || prev.onJoin !== next.onJoin || prev.onUse !== next.onUse) return false;
  // A subnet block is the same object until the plan changes: a split or a join skips it at once.
  if (a === b && (a.kind === 'subnet' || prev.target === next.target)) return true;
  if (a.key !== b.key || a.cidr !== b.cidr || !sameList(a.otherOverlaps, b.otherOverlaps)) return false;
  if (a.kind === 'free' && b.kind === 'free') {
    return (
      a.joinsInto === b.joinsInto &&
      prev.target?.label === next.target?.label &&
      prev.target?.maxPrefixLength === next.target?.maxPrefixLength
    );
  }
  if (a.kind === 'subnet' && b.kind === 'subnet') {
    return (
      a.subnet.name === b.subnet.name &&
      a.sizeProblem === b.sizeProblem &&
      a.outsideSpace === b.outsideSpace &&
      a.role === b.role &&
      sameList(a.subnetOverlaps, b.subnetOverlaps)
    );
  }
  return false;
}

const Row = memo(function Row(props: RowProps) {
  return props.block.kind === 'subnet' ? <SubnetRow block={props.block} /> : <FreeRow {...props} block={props.block} />;
}, sameRow);

function SpaceView({
  space,
  vnetName,
  target,
  onSplit,
  onJoin,
  onUse,
}: Omit<RowProps, 'block'> & { space: SpaceMap; vnetName: string }) {
  const headingId = useId();
  const chunks = useMemo(() => chunksOf(space.blocks), [space.blocks]);
  const subnets = space.subnets.length;
  const label =
    `Map of ${space.space} in ${vnetName}: ${subnets} ${subnets === 1 ? 'subnet' : 'subnets'}, ` +
    `${count(space.freeCount)} free addresses` +
    (space.otherOverlaps.length > 0 ? `, ${space.otherOverlaps.length} parts also used by other networks` : '') +
    '. The list below has every block.';
  return (
    <div className="amap__space">
      <h5 id={headingId} className="amap__space-title">
        Blocks of <code>{space.space}</code> — {count(space.size)} addresses, {count(space.freeCount)} free
      </h5>
      <Bar space={space} label={label} />
      {space.otherOverlaps.length > 0 ? (
        <ul className="amap__overlaps">
          {space.otherOverlaps.map((o) => (
            <li key={`${o.owner}-${o.range}`} className="amap__problem">
              ⚠ <code>{o.range}</code> is also used by {o.owner}
            </li>
          ))}
        </ul>
      ) : null}
      <div role="list" className="amap__list" aria-labelledby={headingId}>
        {chunks.map((chunk) => (
          // A run of rows the browser lays out and paints only near the screen (`content-visibility`): per run
          // rather than per row, since it tracks each such element on every frame.
          <div key={chunk.key} role="none" className="amap__chunk">
            {chunk.blocks.map((b) => (
              <Row key={b.key} block={b} target={target} onSplit={onSplit} onJoin={onJoin} onUse={onUse} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

/** The other VNets of the plan: their address spaces and where they overlap the server VNet or on-premises. */
function OtherVnets({ plan, access }: { plan: Plan; access: PrivateAccess }) {
  const maps = useMemo(() => {
    const server = access.vnet.addressSpaces.map((prefix) => ({
      owner: `the server VNet${access.vnet.name.trim() !== '' ? ` ${access.vnet.name}` : ''}`,
      prefix,
    }));
    const sites: OtherRange[] = [];
    access.onPremises.forEach((site, i) => {
      if (site.connection === 'none') return;
      for (const prefix of site.addressRanges) sites.push({ owner: siteOwner(site.name, i), prefix });
    });
    return access.peeredVnets.map((v, i) => {
      const peered = hasServerPeering(plan, v.name);
      const map = buildAddressMap({
        addressSpaces: v.addressSpaces,
        subnets: [],
        others: peered ? [...server, ...sites] : [],
        splits: new Set(),
      });
      return { name: vnetOwner(v.name, i), peered, map };
    });
  }, [plan, access]);
  if (maps.length === 0) return null;
  const overlapping = maps.filter((m) => m.map.spaces.some((s) => s.otherOverlaps.length > 0)).length;
  return (
    <details className="amap__others" open={maps.length <= 10 || overlapping > 0}>
      <summary>
        Other VNets ({maps.length}
        {overlapping > 0 ? `, ${overlapping} overlapping` : ''})
      </summary>
      <ul className="amap__other-list">
        {maps.map((m, i) => (
          <li key={i} className="amap__other">
            <strong>{m.name}</strong>
            {m.peered ? '' : ' (not peered with the server VNet: overlaps are not checked)'}
            {m.map.spaces.map((s) => (
              <div key={s.space} className="amap__other-space">
                <Bar
                  space={s}
                  label={
                    `Map of ${s.space} in ${m.name}: ` +
                    (s.otherOverlaps.length === 0
                      ? 'no overlap.'
                      : `${s.otherOverlaps.length} parts also used by other networks, listed below.`)
                  }
                />
                <p className="amap__other-text">
                  <code>{s.space}</code>
                  {s.otherOverlaps.length === 0 ? ': no overlap with the server VNet or on-premises ranges.' : ''}
                </p>
                {s.otherOverlaps.length > 0 ? (
                  <ul className="amap__overlaps">
                    {s.otherOverlaps.map((o) => (
                      <li key={`${o.owner}-${o.range}`} className="amap__problem">
                        ⚠ <code>{o.range}</code> is also used by {o.owner}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ))}
            {[...m.map.invalidSpaces].map((u) => (
              <p key={u.name} className="private__note">
                Not drawn: {u.name} <code>{u.prefix}</code> — {u.reason}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The smallest prefix length offered by "Suggest": the largest address space, and never below /8. */
function largestLength(spaces: readonly string[]): number {
  let best = 32;
  for (const s of spaces) {
    const parsed = parseCidr(s);
    if (parsed.ok) best = Math.min(best, parsed.value.prefixLength);
  }
  return Math.max(8, best === 32 ? 16 : best);
}

export function AddressMapPanel({ form, place }: { form: PlanForm; place: 'delegated' | 'first-subnet' }) {
  const livePlan = usePlanner((s) => s.plan);
  // A keystroke in a field redraws the map at a lower priority than the field itself.
  const plan = useDeferredValue(livePlan);
  const access = plan.access;
  const [splits, setSplits] = useState<ReadonlySet<string>>(() => new Set());
  const [targetPath, setTargetPath] = useState<string | null>(null);
  const [chosenLength, setChosenLength] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const targetId = useId();
  const lengthId = useId();
  const splitPending = useRef(false);
  const rootRef = useRef<HTMLElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  // The control to focus after the map redraws: the button that undoes a split or a join (the one pressed is gone).
  const focusNext = useRef<string | null>(null);

  const privateAccess = access.mode === 'private' ? access : null;
  const subnets = useMemo(() => (privateAccess ? mapSubnets(privateAccess) : []), [privateAccess]);
  const others = useMemo(() => (privateAccess ? serverVnetOthers(plan, privateAccess) : []), [plan, privateAccess]);
  const addressSpaces = privateAccess?.vnet.addressSpaces;
  const layer = useMemo(
    () => buildSubnetLayer({ addressSpaces: addressSpaces ?? [], subnets, others }),
    [addressSpaces, subnets, others],
  );
  const map = useMemo(() => withFreeBlocks(layer, splits), [layer, splits]);

  useLayoutEffect(() => {
    if (!splitPending.current) return;
    splitPending.current = false;
    performance.measure(SPLIT_MEASURE, SPLIT_MARK);
    performance.clearMarks(SPLIT_MARK);
  }, [map]);

  useLayoutEffect(() => {
    const key = focusNext.current;
    if (key === null) return;
    focusNext.current = null;
    rootRef.current?.querySelector<HTMLElement>(`[data-amap-focus="${key}"]`)?.focus();
  }, [map]);

  const defaultPath = place === 'delegated' || subnets.length <= 1 ? 'access.delegatedSubnet' : 'access.vnet.subnets.0';
  const targetIndex = Math.max(
    0,
    subnets.findIndex((s) => s.path === (targetPath ?? defaultPath)),
  );
  const target = subnets[targetIndex];
  const targetText = target ? subnetLabel(target, targetIndex) : '';
  const role = target ? subnetRole(target.name, target.delegated) : null;
  const maxLength = minPrefixLengthFor(role);
  const minLength = Math.min(maxLength, largestLength(addressSpaces ?? []));
  const current = target ? parseCidr(target.prefix) : null;
  const fallbackLength =
    current?.ok && current.value.prefixLength <= maxLength && current.value.prefixLength >= minLength
      ? current.value.prefixLength
      : maxLength;
  const length =
    chosenLength !== null && chosenLength <= maxLength && chosenLength >= minLength ? chosenLength : fallbackLength;
  const lengths = Array.from({ length: maxLength - minLength + 1 }, (_, i) => maxLength - i);

  const onSplit = useCallback((cidr: string) => {
    performance.mark(SPLIT_MARK);
    splitPending.current = true;
    // The first half now offers to join the halves back.
    focusNext.current = `join ${cidr.split('/')[0] ?? ''}/${Number(cidr.split('/')[1]) + 1}`;
    setSplits((s) => splitBlock(s, cidr));
  }, []);
  const onJoin = useCallback((cidr: string) => {
    focusNext.current = `split ${cidr}`;
    setSplits((s) => joinBlock(s, cidr));
  }, []);
  const targetRef = useRef({ path: '', label: '' });
  targetRef.current = { path: target?.path ?? '', label: targetText };
  const onUse = useCallback(
    (cidr: string) => {
      const t = targetRef.current;
      if (t.path === '') return;
      setPath(form, `${t.path}.prefix`, cidr);
      setStatus(`${t.label}: prefix set to ${cidr}.`);
      // The block is a subnet now and its buttons are gone: focus moves to the message saying what changed.
      statusRef.current?.focus();
    },
    [form],
  );
  const rowTarget = useMemo(
    () => (target ? { label: targetText, maxPrefixLength: maxLength } : null),
    [target, targetText, maxLength],
  );

  if (privateAccess === null) return null;
  const vnetName = privateAccess.vnet.name.trim() !== '' ? privateAccess.vnet.name : 'the server VNet';

  const suggest = () => {
    if (!target) return;
    const block = suggestFreeBlock({ addressSpaces: addressSpaces ?? [], subnets, others }, target.path, length);
    if (block === null) {
      const spaces = (addressSpaces ?? []).filter((s) => s.trim() !== '').join(', ');
      setStatus(
        `No free /${length} is left for ${targetText} in ${spaces === '' ? 'the address spaces (none yet)' : spaces}` +
          ', clear of the other subnets, peered VNets and on-premises ranges.',
      );
      return;
    }
    setPath(form, `${target.path}.prefix`, block);
    setStatus(`${targetText}: prefix set to ${block}, the smallest free /${length} that fits.`);
  };

  return (
    <section className="card amap" aria-labelledby={`${targetId}-title`} ref={rootRef}>
      <h3 id={`${targetId}-title`} className="amap__title">
        Address plan
      </h3>
      <p className="field__hint">
        Azure reserves {AZURE_RESERVED_ADDRESSES_PER_SUBNET} addresses in every subnet (the first four and the last),
        and the smallest subnet is a /{MIN_SUBNET_PREFIX_LENGTH}. Split a free block into halves to make room for a
        smaller subnet, join the halves back, or let the planner suggest a free block.
      </p>
      <div className="amap__place">
        <div className="field amap__field">
          <label className="field__label" htmlFor={targetId}>
            Subnet to place
          </label>
          <select
            id={targetId}
            value={target?.path ?? ''}
            onChange={(e) => {
              setTargetPath(e.target.value);
              setChosenLength(null);
            }}
          >
            {subnets.map((s, i) => (
              <option key={s.path} value={s.path}>
                {subnetLabel(s, i)}
                {s.delegated ? ' (delegated subnet)' : ''}
                {s.prefix.trim() !== '' ? ` — ${s.prefix}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field amap__field">
          <label className="field__label" htmlFor={lengthId}>
            Block size
          </label>
          <select id={lengthId} value={length} onChange={(e) => setChosenLength(Number(e.target.value))}>
            {lengths.map((l) => (
              <option key={l} value={l}>
                {sizeText(l)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button--primary" onClick={suggest}>
          Suggest a free /{length}
        </button>
        {role !== null ? <p className="field__hint amap__role">{role.sizeNote}</p> : null}
        <p className="private__status amap__status" role="status" ref={statusRef} tabIndex={-1}>
          {status}
        </p>
      </div>
      <h4 className="amap__vnet">
        {vnetName === 'the server VNet' ? 'The server VNet' : `VNet ${vnetName} (the server VNet)`}
      </h4>
      {map.spaces.length === 0 ? (
        <p className="private__note">
          Enter the VNet's address spaces on the Virtual network step to see its address plan.
        </p>
      ) : (
        <>
          <Legend />
          {map.spaces.map((s, i) => (
            <SpaceView
              key={`${s.space}-${i}`}
              space={s}
              vnetName={vnetName}
              target={rowTarget}
              onSplit={onSplit}
              onJoin={onJoin}
              onUse={onUse}
            />
          ))}
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
      <OtherVnets plan={plan} access={privateAccess} />
    </section>
  );
}
