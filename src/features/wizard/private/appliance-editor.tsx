/**
 * A VNet's firewall or network virtual appliance: none, Azure Firewall or an NVA, with its name and the private IP
 * address that routes send traffic to (next hop VirtualAppliance).
 */
import { useId, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import type { Appliance } from '../../../domain/plan';
import { Field } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { errorAt, setPath } from './form-helpers';
import { PathFindings } from './path-findings';

type Choice = 'none' | Appliance['kind'];

const CHOICES: readonly { value: Choice; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'azureFirewall', label: 'Azure Firewall' },
  { value: 'nva', label: 'Network virtual appliance (NVA)' },
];

export function ApplianceEditor({ form, path, vnetLabel }: { form: PlanForm; path: string; vnetLabel: string }) {
  const appliance = useWatch({ control: form.control, name: fieldPath(path) }) as Appliance | null | undefined;
  // Switching to None and back brings the name and address back.
  const last = useRef<Appliance | null>(appliance ?? null);
  const name = useId();
  const current: Choice = appliance ? appliance.kind : 'none';
  const choose = (choice: Choice) => {
    if (choice === current) return;
    if (choice === 'none') {
      if (appliance) last.current = appliance;
      setPath(form, path, null);
    } else if (appliance) {
      setPath(form, `${path}.kind`, choice);
    } else {
      setPath(form, path, { name: '', privateIp: '', ...(last.current ?? {}), kind: choice });
    }
  };
  return (
    <div className="private__appliance" data-path={path}>
      <fieldset className="private__radios" data-path={`${path}.kind`}>
        <legend className="field__label">Firewall or appliance in {vnetLabel}</legend>
        {CHOICES.map((c) => (
          <label key={c.value}>
            <input type="radio" name={name} checked={current === c.value} onChange={() => choose(c.value)} /> {c.label}
          </label>
        ))}
      </fieldset>
      <PathFindings paths={[path, `${path}.kind`]} />
      {appliance ? (
        <div className="grid">
          <Field
            path={`${path}.name`}
            label={appliance.kind === 'azureFirewall' ? 'Firewall name' : 'Appliance name'}
            formError={errorAt(form, `${path}.name`)}
          >
            {(p) => (
              <input {...p} {...form.register(fieldPath(`${path}.name`))} autoComplete="off" spellCheck={false} />
            )}
          </Field>
          <Field
            path={`${path}.privateIp`}
            label="Private IP address"
            formError={errorAt(form, `${path}.privateIp`)}
            hint="The next hop of the routes that send traffic through it."
          >
            {(p) => (
              <input
                {...p}
                {...form.register(fieldPath(`${path}.privateIp`))}
                autoComplete="off"
                spellCheck={false}
                placeholder="10.1.0.4"
              />
            )}
          </Field>
        </div>
      ) : null}
    </div>
  );
}
