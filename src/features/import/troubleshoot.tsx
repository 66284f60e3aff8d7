/**
 * "Where does the failing application run?": after an import, an address (in a subnet, an on-premises range or on
 * the internet) becomes a client of the plan, placed in the network that holds it (`clientFromAddress`), and the
 * checker's verdict follows at once: the hop that fails, its fix with "Go to the field", and the deployed resource to
 * change (from the import's resource IDs). The client's full path is in the checks below, with the others.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { HOP_KIND_LABEL, type ClientCheck, type Hop } from '../../checker';
import type { Client } from '../../domain/plan';
import { clientFromAddress } from '../../import/client-from-address';
import { liveResourceAt } from '../../import/live';
import { importReportFor } from '../../store/import-report';
import { usePlanner } from '../../store/store';
import { checksFor } from '../checker/checks-for';
import { stepForPath } from '../wizard/steps';
import '../checker/checker.css';
import './import.css';

const VERDICT = {
  reachable: 'Reachable',
  warning: 'Reachable, with warnings',
  unreachable: 'Not reachable',
} as const;

const STATUS = { fail: 'Fails', warn: 'Warning' } as const;

const navigate = (path: string) =>
  usePlanner.getState().focusField(stepForPath(path, usePlanner.getState().plan.access.mode), path);

/** A name for the client of `address` that no other client has (names compare without regard to case). */
function freeName(clients: readonly Client[], address: string): string {
  const taken = new Set(clients.map((c) => c.name.toLowerCase()));
  let name = `app at ${address}`;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `app at ${address} (${n})`;
  return name;
}

function FailingHop({ hop, live }: { hop: Hop; live: string | undefined }) {
  const status = hop.status === 'fail' ? STATUS.fail : STATUS.warn;
  return (
    <li className={`checker-hop checker-hop--${hop.status}`}>
      <p className="checker-hop__head">
        <span className="checker-hop__status">
          <span aria-hidden="true">{hop.status === 'fail' ? '✖' : '▲'} </span>
          {status}
        </span>
        <span className="checker-hop__stage">{HOP_KIND_LABEL[hop.kind]}</span>
        {hop.ruleId !== undefined && <span className="checker-hop__rule">{hop.ruleId}</span>}
        <strong className="checker-hop__title">{hop.title}</strong>
      </p>
      <p className="checker-hop__detail">{hop.detail}</p>
      {hop.fix !== undefined && (
        <p className="checker-hop__fix">
          <span className="checker-hop__fix-label">What would fix it: </span>
          {hop.fix}
          {hop.path !== undefined && (
            <>
              {' '}
              <button type="button" className="checker-hop__go" onClick={() => navigate(hop.path ?? '')}>
                Go to the field<span className="visually-hidden"> for: {hop.fix}</span>
              </button>
            </>
          )}
        </p>
      )}
      {live !== undefined && (
        <p className="troubleshoot__live">
          Deployed resource to change: <code>{live}</code>
        </p>
      )}
    </li>
  );
}

/** The verdict of the client just added: the failing hop (or the warnings), with the deployed resource to change. */
function Verdict({ check }: { check: ClientCheck }) {
  const report = usePlanner((s) => importReportFor(s.importReport, s.plan));
  const failing = check.hops.filter((h) => h.status === 'fail');
  const shown = failing.length > 0 ? failing : check.hops.filter((h) => h.status === 'warn');
  const live = (hop: Hop) =>
    report !== null && hop.path !== undefined ? liveResourceAt(report.resourceIds, hop.path) : undefined;
  return (
    <div className={`troubleshoot__verdict checker-client checker-client--${check.verdict}`}>
      <p className="checker-client__name">
        {check.client}
        <span className="checker-client__verdict">
          <span className="visually-hidden">: </span>
          {VERDICT[check.verdict]}
        </span>
      </p>
      <p className="checker-client__summary">{check.summary}</p>
      {shown.length > 0 ? (
        <ul className="troubleshoot__hops" aria-label={`Where ${check.client} fails`}>
          {shown.map((hop, i) => (
            <FailingHop key={`${hop.kind}-${i}`} hop={hop} live={live(hop)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

type Result = { ok: true; address: string; name: string; where: string } | { ok: false; message: string };

export default function Troubleshoot({ onAdd }: { onAdd: (client: Client) => void }) {
  const [address, setAddress] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const plan = usePlanner((s) => s.plan);
  const name = result?.ok === true ? result.name : null;
  // Live from the plan: fixing the failing field elsewhere changes the verdict here.
  const check = useMemo(
    () => (name === null ? undefined : checksFor(plan).find((c) => c.client === name)),
    [plan, name],
  );
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = address.trim();
    const current = usePlanner.getState().plan;
    const clientName = freeName(current.clients, text);
    const found = clientFromAddress(current, text, clientName);
    if (found.ok) onAdd(found.client);
    setResult(
      found.ok
        ? { ok: true, address: text, name: clientName, where: found.where }
        : { ok: false, message: found.message },
    );
  };
  const error = result?.ok === false;
  let status = '';
  if (result?.ok === false) status = result.message;
  else if (result?.ok === true) {
    status = `${result.address} is in ${result.where}: added as client “${result.name}”.`;
    if (check !== undefined) status += ` ${VERDICT[check.verdict]}: ${check.summary}.`;
  }
  return (
    <section className="card troubleshoot" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Where does the failing application run?</h3>
      <form onSubmit={submit}>
        <p className="field__hint" id={`${id}-hint`}>
          For the deployment you imported: the address of the application that can’t connect, in one of its subnets
          (10.30.1.10), on premises, or on the internet. It is added as a client in the network that holds it, and the
          check names the hop that fails, the fix and the deployed resource to change.
        </p>
        <div className="troubleshoot__row">
          <div className="field">
            <label htmlFor={`${id}-address`}>Application address</label>
            <input
              id={`${id}-address`}
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              placeholder="10.30.1.10"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={error}
              aria-describedby={`${id}-hint ${id}-result`}
            />
          </div>
          <button type="submit" className="button">
            Check this address
          </button>
        </div>
      </form>
      <p id={`${id}-result`} role="status" className={error ? 'troubleshoot__error' : undefined}>
        {status}
      </p>
      {check === undefined ? null : <Verdict check={check} />}
    </section>
  );
}
