/**
 * Every VNet peering of the plan, one card per direction (Azure keeps one peering resource on each side): from
 * which VNet, to which, and the three settings of that side. Each card says whether the peering back exists, and
 * offers to add it when it does not, so a one-way peering is seen where it is.
 */
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { Peering } from '../../../domain/plan';
import { planIndex, type PlanIndex } from '../../../domain/plan-index';
import { usePlanner } from '../../../store/store';
import { Field } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { setPath } from './form-helpers';
import { PathFindings } from './path-findings';
import { useVnetChoices, VnetSelect, type VnetChoice } from './vnet-select';
import { newPeering, reversePeering, sameName } from './vnet-references';

const PEERINGS = 'access.peerings';

type Flag = 'allowForwardedTraffic' | 'allowGatewayTransit' | 'useRemoteGateways';

/**
 * The settings of one side of a peering, by the names Azure gives them (virtualNetworkPeerings properties
 * allowForwardedTraffic, allowGatewayTransit, useRemoteGateways: facts §2.4), with what each does for this side.
 */
const FLAGS: readonly { key: Flag; label: string; hint: (from: string, to: string) => string }[] = [
  {
    key: 'allowForwardedTraffic',
    label: 'Allow forwarded traffic',
    hint: (from, to) => `${from} accepts traffic that ${to} forwards but did not start (through a firewall there).`,
  },
  {
    key: 'allowGatewayTransit',
    label: 'Allow gateway transit',
    hint: (from, to) => `${to} may use the VPN or ExpressRoute gateway of ${from}.`,
  },
  {
    key: 'useRemoteGateways',
    label: 'Use remote gateways',
    hint: (from, to) => `${from} uses the gateway of ${to}; the peering back must allow gateway transit.`,
  },
];

/** Whether the other direction of a peering exists, or why it is not looked for (a peering to itself: PGN-141). */
type Back = 'found' | 'missing' | 'incomplete' | 'self';

function peeringBack(index: PlanIndex, peering: Peering): Back {
  if (peering.from.trim() === '' || peering.to.trim() === '') return 'incomplete';
  if (sameName(peering.from, peering.to)) return 'self';
  return index.peering(peering.to, peering.from) === undefined ? 'missing' : 'found';
}

type Action = 'remove' | 'addBack';

interface CardProps {
  form: PlanForm;
  k: number;
  peering: Peering;
  choices: readonly VnetChoice[];
  back: Back;
  /** An earlier peering has the same two ends in the same direction. */
  repeats: boolean;
  onAction: (action: Action, k: number) => void;
}

/**
 * One peering. Drawn again only when its own values, its pair or the VNets change: a large plan has hundreds. Its
 * fields are chosen, not typed, so the rules' findings are their only messages.
 */
const PeeringCard = memo(function PeeringCard({ form, k, peering, choices, back, repeats, onAction }: CardProps) {
  const base = `${PEERINGS}.${k}`;
  const from = peering.from.trim() || 'this VNet';
  const to = peering.to.trim() || 'the remote VNet';
  const title = `Peering from ${peering.from.trim() || '…'} to ${peering.to.trim() || '…'}`;
  return (
    <fieldset className="card private__peering" data-path={base}>
      <legend>{title}</legend>
      <PathFindings paths={[base]} />
      <div className="grid">
        <Field path={`${base}.from`} label="From (the VNet that holds it)">
          {(p) => <VnetSelect form={form} path={`${base}.from`} control={p} choices={choices} />}
        </Field>
        <Field path={`${base}.to`} label="To (the remote VNet)">
          {(p) => <VnetSelect form={form} path={`${base}.to`} control={p} choices={choices} />}
        </Field>
      </div>
      <div className="private__checks">
        {FLAGS.map((flag) => (
          <Field
            key={flag.key}
            path={`${base}.${flag.key}`}
            label={flag.label}
            className="field--checkbox"
            hint={flag.hint(from, to)}
          >
            {(p) => <input type="checkbox" {...p} {...form.register(fieldPath(`${base}.${flag.key}`))} />}
          </Field>
        ))}
      </div>
      {back === 'self' ? null : repeats ? (
        <p className="private__note">
          A peering above goes from {peering.from} to {peering.to} already: Azure has one peering per direction. Remove
          one of them.
        </p>
      ) : back === 'found' ? (
        <p className="private__note private__pair">
          Both directions are declared: the peering back, from {peering.to} to {peering.from}, is listed too.
        </p>
      ) : back === 'missing' ? (
        <div className="private__pair private__pair--missing">
          <p className="private__note">
            One direction only: the peering back, from {peering.to} to {peering.from}, is missing, so no traffic flows.
          </p>
          <button type="button" className="button" onClick={() => onAction('addBack', k)}>
            Add the peering back
            <span className="visually-hidden">
              , from {peering.to} to {peering.from}
            </span>
          </button>
        </div>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button--quiet" onClick={() => onAction('remove', k)}>
          Remove
          <span className="visually-hidden">
            {' '}
            the peering from {peering.from || '…'} to {peering.to || '…'}
          </span>
        </button>
      </div>
    </fieldset>
  );
});

/** Peerings drawn at first; a large plan (hundreds) shows the rest on request, or up to one a finding leads to. */
const FIRST_SHOWN = 50;

/** The number of peerings to draw so that the one at `focusPath` (a finding's "Go to the field") is among them. */
function shownFor(focusPath: string | null, shown: number): number {
  const match = focusPath === null ? null : /^access\.peerings\.(\d+)(\.|$)/.exec(focusPath);
  return match ? Math.max(shown, Number(match[1]) + 1) : shown;
}

export function PeeringsSection({ form }: { form: PlanForm }) {
  // From the store, whose unchanged peerings keep their identity, so that only a changed card is drawn again.
  const peerings = usePlanner((s) => s.plan.access.peerings);
  const isPrivate = usePlanner((s) => s.plan.access.mode === 'private');
  const choices = useVnetChoices();
  const [status, setStatus] = useState('');
  const [shown, setShown] = useState(FIRST_SHOWN);
  const limit = shownFor(
    usePlanner((s) => s.focusPath),
    shown,
  );
  // The peering a finding led to stays drawn once the request is done.
  if (limit > shown) setShown(limit);
  const listRef = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // Each peering's pair, from the plan that holds these peerings (the store's).
  const pairs = useMemo(() => {
    const index = planIndex(usePlanner.getState().plan);
    return peerings.map((p, k) => {
      const first = index.peering(p.from, p.to);
      return { back: peeringBack(index, p), repeats: first !== undefined && first.index < k };
    });
  }, [peerings]);

  /** Focuses the first field of card `k` once it is drawn. */
  const focusCard = useCallback(
    (k: number) =>
      requestAnimationFrame(() =>
        listRef.current?.querySelector<HTMLElement>(`[data-path="${PEERINGS}.${k}"] select`)?.focus(),
      ),
    [],
  );
  const current = useCallback(() => (form.getValues(fieldPath(PEERINGS)) as Peering[] | undefined) ?? [], [form]);
  const add = () => {
    const list = current();
    setPath(form, PEERINGS, [...list, newPeering(usePlanner.getState().plan)]);
    setShown((n) => Math.max(n, list.length + 1));
    setStatus('');
    focusCard(list.length);
  };
  const onAction = useCallback(
    (action: Action, k: number) => {
      const list = current();
      const peering = list[k];
      if (!peering) return;
      if (action === 'remove') {
        setPath(
          form,
          PEERINGS,
          list.filter((_, j) => j !== k),
        );
        setStatus(`Removed the peering from ${peering.from || '…'} to ${peering.to || '…'}.`);
        addButton.current?.focus();
      } else {
        // Right after its pair, where it is looked for.
        setPath(form, PEERINGS, [...list.slice(0, k + 1), reversePeering(peering), ...list.slice(k + 1)]);
        setShown((n) => Math.max(n, k + 2));
        setStatus(`Added the peering back, from ${peering.to} to ${peering.from}.`);
        focusCard(k + 1);
      }
    },
    [form, current, focusCard],
  );

  return (
    <section aria-labelledby="peerings-title">
      <h3 id="peerings-title">Peerings</h3>
      <p className="field__hint">
        A peering joins two VNets and needs a resource on each side: one entry per direction.{' '}
        {isPrivate
          ? 'Adding a VNet above adds both directions between it and the server VNet; add here the peerings between ' +
            'other VNets (a hub and its spokes).'
          : 'Add here the peerings between the VNets above (a hub and its spokes).'}
      </p>
      <PathFindings paths={[PEERINGS]} />
      {peerings.length === 0 ? <p>No peerings.</p> : null}
      <div className="private__cards" ref={listRef}>
        {peerings.slice(0, limit).map((peering, k) => (
          // Index keys on purpose: react-hook-form keeps each input's value by its indexed name.
          <PeeringCard
            key={k}
            form={form}
            k={k}
            peering={peering}
            choices={choices}
            back={pairs[k]?.back ?? 'incomplete'}
            repeats={pairs[k]?.repeats ?? false}
            onAction={onAction}
          />
        ))}
      </div>
      {peerings.length > limit ? (
        <button type="button" className="button" onClick={() => setShown(peerings.length)}>
          Show the other {peerings.length - limit} peerings
        </button>
      ) : null}
      <p className="private__status" role="status">
        {status}
      </p>
      <button type="button" className="button" onClick={add} ref={addButton}>
        Add a peering
      </button>
    </section>
  );
}
