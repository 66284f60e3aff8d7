/**
 * "Compare with deployed": the user opens what is deployed (an inventory bundle, an exported template, resource JSON)
 * and sees what it lacks or has differently from the plan (`diffPlans`): each difference with its plan path, the
 * planned and the deployed value, and a mark where Azure can't apply the change in place (with why). The plan being
 * edited is not touched; the list follows it as it changes.
 */
import { useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { Plan } from '../../domain/plan';
import { diffPlans, type PlanDifference } from '../../import/diff';
import { usePlanner } from '../../store/store';
import { stepForPath } from '../wizard/steps';
import { readOpenedFile } from './open-file';
import '../checker/checker.css';
import './import.css';

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'failed'; fileName: string; message: string }
  | { kind: 'compared'; fileName: string; deployed: Plan };

const navigate = (path: string) =>
  usePlanner.getState().focusField(stepForPath(path, usePlanner.getState().plan.access.mode), path);

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Reads the file as a deployment of the plan's server (by name, when it holds several). */
async function readDeployment(file: File, plan: Plan): Promise<State> {
  const fileName = file.name;
  const server = plan.servers[0]?.name ?? '';
  let opened = await readOpenedFile(file);
  if (opened.kind === 'deployment' && !opened.result.ok && opened.servers !== undefined) {
    const match = opened.servers.find((s) => sameName(s, server));
    if (match === undefined) {
      const message =
        `It holds the servers ${opened.servers.join(', ')}; none is this plan's server` +
        `${server === '' ? '' : ` (${server})`}.`;
      return { kind: 'failed', fileName, message };
    }
    opened = await readOpenedFile(file, match);
  }
  if (opened.kind === 'plan') {
    const message = opened.result.ok
      ? 'This is a plan file, not a deployment: compare with the inventory script’s bundle, a template from ' +
        '"Export template" or resource JSON from a "JSON view".'
      : opened.result.error.message;
    return { kind: 'failed', fileName, message };
  }
  if (!opened.result.ok) return { kind: 'failed', fileName, message: opened.result.message };
  return { kind: 'compared', fileName, deployed: opened.result.plan };
}

function DifferenceRow({ d }: { d: PlanDifference }) {
  return (
    <tr className={d.notInPlace === null ? undefined : 'compare__row--new'}>
      <th scope="row">
        {d.what}
        <br />
        <code className="compare__path">{d.path}</code>{' '}
        <button type="button" className="checker-hop__go" onClick={() => navigate(d.path)}>
          Go to the field<span className="visually-hidden"> for: {d.what}</span>
        </button>
      </th>
      <td>{d.planned}</td>
      <td>{d.deployed}</td>
      <td>
        {d.notInPlace === null ? (
          <>
            <span aria-hidden="true">✔ </span>In place
          </>
        ) : (
          <>
            <span aria-hidden="true">✖ </span>
            <strong>Not in place:</strong> {d.notInPlace}
          </>
        )}
      </td>
    </tr>
  );
}

function Differences({ plan, deployed, fileName }: { plan: Plan; deployed: Plan; fileName: string }) {
  const id = useId();
  const differences = useMemo(() => diffPlans(plan, deployed), [plan, deployed]);
  const notInPlace = differences.filter((d) => d.notInPlace !== null).length;
  if (differences.length === 0)
    return <p>No differences: “{fileName}” has what this plan has (clients aside: nothing deployed holds them).</p>;
  return (
    <>
      <p id={`${id}-summary`}>
        {differences.length === 1 ? '1 difference' : `${differences.length} differences`} between this plan and “
        {fileName}”
        {notInPlace === 0
          ? '; Azure can apply each in place.'
          : `; ${notInPlace === 1 ? '1 of them' : `${notInPlace} of them`} Azure can’t apply in place.`}
      </p>
      <div className="compare__scroll" role="region" aria-labelledby={`${id}-summary`} tabIndex={0}>
        <table className="compare">
          <thead>
            <tr>
              <th scope="col">What (plan path)</th>
              <th scope="col">Planned</th>
              <th scope="col">Deployed</th>
              <th scope="col">Applied in place?</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((d, i) => (
              <DifferenceRow key={`${d.path}-${d.what}-${i}`} d={d} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export default function CompareWithDeployed({ plan }: { plan: Plan }) {
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const target = e.currentTarget;
    const file = target.files?.[0];
    if (file === undefined) return;
    setState({ kind: 'reading', fileName: file.name });
    void readDeployment(file, plan)
      .then(setState)
      .finally(() => {
        // Picking the same file again must fire a change again.
        target.value = '';
      });
  };
  let status = '';
  if (state.kind === 'reading') status = `Reading “${state.fileName}”…`;
  else if (state.kind === 'failed') status = `“${state.fileName}” could not be compared.`;
  else if (state.kind === 'compared') status = `Compared with “${state.fileName}”.`;
  return (
    <div className="compare-view">
      <p id={hintId}>
        Open what is deployed (the inventory script’s bundle, a template from the portal’s “Export template”, or
        resource JSON from a “JSON view”) to list what it lacks or has differently from this plan: the drift, and the
        changes for the next window. Your plan is not changed.
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => input.current?.click()} aria-describedby={hintId}>
          Open a deployment to compare…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          tabIndex={-1}
          aria-hidden="true"
          onChange={onPick}
        />
      </div>
      {state.kind === 'reading' ? (
        <p className="open-file__reading" aria-hidden="true">
          Reading “{state.fileName}”…
        </p>
      ) : null}
      {state.kind === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>The deployment could not be compared.</strong> “{state.fileName}”: {state.message}
          </p>
        </div>
      ) : null}
      {state.kind === 'compared' ? (
        <Differences plan={plan} deployed={state.deployed} fileName={state.fileName} />
      ) : null}
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </div>
  );
}
