/**
 * A select of the plan's VNets (the server VNet first), for the VNet a peering or route table names. It is
 * controlled by the plan value: a name that differs only in case still selects its VNet (Azure matches names in
 * any case), and a name no VNet has stays shown as such, so it can be seen and changed.
 *
 * A large plan has hundreds of VNets and of peerings, two selects each: a select there draws its options when it
 * is first focused or pressed (before the browser opens its list), and until then only the option it shows.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { usePlanner, type PlannerState } from '../../../store/store';
import type { ControlProps } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { setPath } from './form-helpers';
import { sameName } from './vnet-references';

export interface VnetChoice {
  name: string;
  server: boolean;
}

/** Beyond this many VNets, a select draws its options on first use. */
const EAGER_CHOICES = 30;

/**
 * The names of the plan's VNets as one string (the server VNet first, blank with public access), so that a
 * selector can compare it.
 */
const SEPARATOR = '\u0000';
const vnetNamesKey = (s: PlannerState): string => {
  const access = s.plan.access;
  // Public access has no server VNet: its place stays blank.
  const server = access.mode === 'private' ? access.vnet.name : '';
  return access.peeredVnets.length === 0 && server === ''
    ? ''
    : [server, ...access.peeredVnets.map((v) => v.name)].join(SEPARATOR);
};

/**
 * The plan's named VNets, the server VNet first. The same array until a name changes; while a name is typed, the
 * selects that list it follow at a lower priority than the typing.
 */
export function useVnetChoices(): readonly VnetChoice[] {
  const key = useDeferredValue(usePlanner(vnetNamesKey));
  return useMemo(
    () =>
      key === ''
        ? []
        : key
            .split(SEPARATOR)
            .map((name, i) => ({ name, server: i === 0 }))
            .filter((v) => v.name.trim() !== ''),
    [key],
  );
}

interface Props {
  form: PlanForm;
  /** Dotted plan path of the VNet name. */
  path: string;
  control: ControlProps;
  choices: readonly VnetChoice[];
  /** Called with the chosen name instead of writing it (when the choice changes more than this field). */
  onChoose?: (name: string) => void;
}

const label = (c: VnetChoice): string => `${c.name}${c.server ? ' (server VNet)' : ''}`;

export function VnetSelect({ form, path, control, choices, onChoose }: Props) {
  const value = (useWatch({ control: form.control, name: fieldPath(path) }) as string | undefined) ?? '';
  const [used, setUsed] = useState(false);
  const all = used || choices.length <= EAGER_CHOICES;
  const current = choices.find((c) => sameName(c.name, value));
  const use = () => {
    if (!used) setUsed(true);
  };
  return (
    <select
      {...control}
      value={value}
      onFocus={use}
      onPointerDown={use}
      onChange={(e) => (onChoose ? onChoose(e.target.value) : setPath(form, path, e.target.value))}
    >
      {value === '' ? <option value="">Choose a VNet</option> : null}
      {all ? (
        choices.map((c, i) => (
          // The option of the VNet the value names carries the value's own spelling, so that it is selected.
          <option key={`${i}-${c.name}`} value={sameName(c.name, value) ? value : c.name}>
            {label(c)}
          </option>
        ))
      ) : current ? (
        <option value={value}>{label(current)}</option>
      ) : null}
      {current === undefined && value !== '' ? <option value={value}>{value} (not a VNet of the plan)</option> : null}
    </select>
  );
}
