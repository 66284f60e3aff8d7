/**
 * The inventory script as a download: a read-only Azure CLI script, for bash or PowerShell, that collects a deployed
 * server and the network around it into one bundle, which this page then opens (`src/import/inventory-script.ts`; the
 * CLI's `inventory-script` prints the same text). Prefilled from the plan's first server; a value that can't be passed
 * is named at its field as it is typed, and nothing is saved until every value can.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Plan } from '../../domain/plan';
import {
  DEFAULT_PEERING_DEPTH,
  inventoryProblems,
  inventoryScript,
  MAX_PEERING_DEPTH,
  type InventoryProblem,
} from '../../import/inventory-script';
import { saveBlob } from '../common/save-blob';
import { FieldMessages } from '../wizard/field';
import './import.css';

type Shell = 'bash' | 'powershell';
type Option = InventoryProblem['option'];

/** The file each version is saved as: the name its own header tells to run. */
const FILES: Record<Shell, { name: string; run: string }> = {
  bash: { name: 'inventory.sh', run: 'bash inventory.sh > inventory.json' },
  powershell: { name: 'inventory.ps1', run: './inventory.ps1 | Set-Content -Encoding utf8 inventory.json' },
};

interface Values {
  server: string;
  resourceGroup: string;
  subscription: string;
  peeringDepth: string;
}

const initialValues = (plan: Plan): Values => {
  const server = plan.servers[0];
  return {
    server: server?.name ?? '',
    resourceGroup: server?.resourceGroup ?? '',
    subscription: server?.subscription ?? '',
    peeringDepth: String(DEFAULT_PEERING_DEPTH),
  };
};

const depthOf = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

function problemsOf(values: Values): Map<Option, string> {
  const problems = inventoryProblems({
    server: values.server.trim(),
    resourceGroup: values.resourceGroup.trim(),
    subscription: values.subscription.trim(),
    peeringDepth: depthOf(values.peeringDepth),
  });
  const byOption = new Map(problems.map((p) => [p.option, p.message]));
  if (values.server.trim() === '') byOption.set('server', 'Name the server to start from, e.g. "pg-orders".');
  if (values.resourceGroup.trim() === '')
    byOption.set('resourceGroup', 'Name the resource group the server is in, e.g. "rg-orders-data".');
  if (Number.isNaN(depthOf(values.peeringDepth)))
    byOption.set(
      'peeringDepth',
      `The peering depth must be a whole number from 0 to ${MAX_PEERING_DEPTH}; got "${values.peeringDepth}".`,
    );
  return byOption;
}

const FIELDS: { option: Option; label: string; hint?: string; inputMode?: 'numeric' }[] = [
  { option: 'server', label: 'Server name' },
  { option: 'resourceGroup', label: 'Resource group' },
  { option: 'subscription', label: 'Subscription ID', hint: 'Empty: the subscription az is signed in to by default.' },
  {
    option: 'peeringDepth',
    label: 'Peering hops to follow',
    hint: `From the server's VNet, 0 to ${MAX_PEERING_DEPTH}; 2 reaches a spoke's hub and the hub's other spokes.`,
    inputMode: 'numeric',
  },
];

export function InventoryDownload({ plan }: { plan: Plan }) {
  const id = useId();
  const [values, setValues] = useState<Values>(() => initialValues(plan));
  const [shown, setShown] = useState<ReadonlySet<Option>>(new Set());
  const [status, setStatus] = useState('');
  const problems = problemsOf(values);

  const save = (shell: Shell) => {
    if (problems.size > 0) {
      setShown(new Set(FIELDS.map((f) => f.option)));
      setStatus('');
      const first = FIELDS.find((f) => problems.has(f.option));
      if (first !== undefined) document.getElementById(`${id}-${first.option}`)?.focus();
      return;
    }
    const script = inventoryScript({
      server: values.server.trim(),
      resourceGroup: values.resourceGroup.trim(),
      subscription: values.subscription.trim(),
      peeringDepth: depthOf(values.peeringDepth),
      shell,
    });
    const file = FILES[shell];
    saveBlob(new Blob([script], { type: 'text/plain;charset=utf-8' }), file.name);
    setStatus(`Saved ${file.name}. Where az is signed in, run: ${file.run}. Then open inventory.json here.`);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save('bash');
  };

  return (
    <form className="inventory-download" aria-labelledby={`${id}-title`} onSubmit={onSubmit} noValidate>
      <h4 id={`${id}-title`}>Collect what is deployed</h4>
      <p className="field__hint">
        A read-only Azure CLI script: it runs only <code>az … show</code> and <code>az … list</code> and writes the
        server, its VNet, the VNets its peerings reach, their NSGs, route tables, gateways and firewalls, and the
        private DNS zone into one JSON file. Open that file here to see the deployment as a plan, ask why an application
        can&apos;t connect, or compare it with this plan.
      </p>
      <div className="grid">
        {FIELDS.map((field) => {
          const inputId = `${id}-${field.option}`;
          const message = shown.has(field.option) ? problems.get(field.option) : undefined;
          const describedBy = [
            field.hint === undefined ? null : `${inputId}-hint`,
            message === undefined ? null : `${inputId}-msg`,
          ]
            .filter((x) => x !== null)
            .join(' ');
          return (
            <div className="field" key={field.option}>
              <label className="field__label" htmlFor={inputId}>
                {field.label}
              </label>
              <input
                id={inputId}
                value={values[field.option]}
                autoComplete="off"
                spellCheck={false}
                inputMode={field.inputMode}
                aria-invalid={message !== undefined}
                aria-describedby={describedBy === '' ? undefined : describedBy}
                onChange={(e) => {
                  // Checked as typed, not on leaving the field: a message appearing on blur would move the buttons
                  // under the pointer between press and release, and the click would be lost.
                  setValues({ ...values, [field.option]: e.target.value });
                  setShown(new Set([...shown, field.option]));
                }}
              />
              {field.hint === undefined ? null : (
                <p className="field__hint" id={`${inputId}-hint`}>
                  {field.hint}
                </p>
              )}
              <FieldMessages id={`${inputId}-msg`} formMessage={message} findings={[]} />
            </div>
          );
        })}
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          Download for bash
        </button>
        <button type="button" className="button" onClick={() => save('powershell')}>
          Download for PowerShell
        </button>
      </div>
      <p role="status" className={status === '' ? 'visually-hidden' : 'field__hint'}>
        {status}
      </p>
    </form>
  );
}
