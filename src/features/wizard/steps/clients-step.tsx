import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import type { Client, ClientKind } from '../../../domain/plan';
import { importReportFor } from '../../../store/import-report';
import { usePlanner } from '../../../store/store';
import { AddClient } from '../clients/add-client';
import { ClientCard } from '../clients/client-card';
import { ClientChecksPanel } from '../clients/client-checks-panel';
import '../clients/clients.css';
import { clientTargets, newClient } from '../clients/new-client';
import { PathFindings } from '../public/path-findings';
import { startUndoStep } from '../public/undo-step';
import { StepFrame } from '../step-frame';
import { fieldPath, usePlanForm } from '../use-plan-form';

// After an import: "where does the failing application run?" (loaded only then).
const Troubleshoot = lazy(() => import('../../import/troubleshoot'));

export default function ClientsStep() {
  const form = usePlanForm();
  const clients = useFieldArray({ control: form.control, name: 'clients' });
  const access = usePlanner((s) => s.plan.access);
  const serverName = usePlanner((s) => s.plan.servers[0]?.name ?? '');
  const imported = usePlanner((s) => importReportFor(s.importReport, s.plan) !== null);
  const targets = useMemo(() => clientTargets(access), [access]);
  const firstAdd = useRef<HTMLButtonElement>(null);
  const [announcement, setAnnouncement] = useState('');

  const add = (kind: ClientKind) => {
    const current = (form.getValues(fieldPath('clients')) as Client[] | undefined) ?? [];
    startUndoStep();
    clients.append(newClient(kind, current, targets), { focusName: `clients.${current.length}.name` });
  };

  const remove = (index: number) => {
    const client = form.getValues(fieldPath(`clients.${index}`)) as Client | undefined;
    startUndoStep();
    clients.remove(index);
    setAnnouncement(`Client ${client?.name || index + 1} removed. Undo with Ctrl+Z.`);
    firstAdd.current?.focus();
  };

  return (
    <StepFrame
      intro={
        <p>
          Who must reach the server? Add each application subnet, other VNet, office, computer on the internet or Azure
          service. Each client is checked hop by hop: name resolution, network path, filtering, TLS and sign-in.
        </p>
      }
    >
      <PathFindings path="clients" />
      {imported ? (
        <Suspense fallback={<p className="loading">Loading…</p>}>
          <Troubleshoot
            onAdd={(client) => {
              startUndoStep();
              clients.append(client, { shouldFocus: false });
            }}
          />
        </Suspense>
      ) : null}
      {clients.fields.length === 0 ? <p className="clients__empty">No clients yet.</p> : null}
      {clients.fields.map((f, i) => (
        <ClientCard
          key={f.id}
          form={form}
          index={i}
          kind={f.kind}
          targets={targets}
          serverName={serverName}
          onRemove={() => remove(i)}
        />
      ))}
      <AddClient mode={access.mode} onAdd={add} firstButton={firstAdd} />
      <ClientChecksPanel />
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </StepFrame>
  );
}
