/**
 * The connectivity verdict of each client, and its path hop by hop: status (icon and word, never
 * colour alone), stage, rule ID, what happens, and for a failing or warning hop the fix, with a
 * button that takes the user to the plan field to change. Presentational: it gets the checks.
 */
import { useId, useState } from 'react';
import { HOP_KIND_LABEL, type ClientCheck, type Hop, type HopStatus, type Verdict } from '../../checker';
import './checker.css';

export interface ClientChecksProps {
  checks: readonly ClientCheck[];
  onNavigate?: (path: string) => void;
  /** Level of each client's heading (default 3). */
  headingLevel?: 2 | 3 | 4;
}

const VERDICT: Readonly<Record<Verdict, { icon: string; text: string }>> = {
  reachable: { icon: '✔', text: 'Reachable' },
  warning: { icon: '▲', text: 'Reachable, with warnings' },
  unreachable: { icon: '✖', text: 'Not reachable' },
};

const STATUS: Readonly<Record<HopStatus, { icon: string; text: string }>> = {
  pass: { icon: '✔', text: 'Pass' },
  warn: { icon: '▲', text: 'Warning' },
  fail: { icon: '✖', text: 'Fails' },
  info: { icon: 'ℹ', text: 'Note' },
};

function HopItem({ hop, onNavigate }: { hop: Hop; onNavigate?: ((path: string) => void) | undefined }) {
  const status = STATUS[hop.status];
  const target = hop.path;
  return (
    <li className={`checker-hop checker-hop--${hop.status}`}>
      <p className="checker-hop__head">
        <span className="checker-hop__status">
          <span aria-hidden="true">{status.icon} </span>
          {status.text}
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
          {onNavigate !== undefined && target !== undefined && (
            <>
              {' '}
              <button type="button" className="checker-hop__go" onClick={() => onNavigate(target)}>
                Go to the field<span className="visually-hidden"> for: {hop.fix}</span>
              </button>
            </>
          )}
        </p>
      )}
    </li>
  );
}

function ClientCheckCard({
  check,
  onNavigate,
  headingLevel,
}: {
  check: ClientCheck;
  onNavigate?: ((path: string) => void) | undefined;
  headingLevel: 2 | 3 | 4;
}) {
  const id = useId();
  const verdict = VERDICT[check.verdict];
  const Heading = `h${headingLevel}` as const;
  return (
    <li className={`checker-client checker-client--${check.verdict}`}>
      <article aria-labelledby={`${id}-name`}>
        <Heading id={`${id}-name`} className="checker-client__name">
          {check.client}
          <span className="checker-client__verdict">
            <span aria-hidden="true"> {verdict.icon} </span>
            <span className="visually-hidden">: </span>
            {verdict.text}
          </span>
        </Heading>
        <p className="checker-client__summary">{check.summary}</p>
        <details className="checker-client__details" open={check.verdict !== 'reachable'}>
          <summary>Path, hop by hop ({check.hops.length} steps)</summary>
          <ol className="checker-client__hops" aria-label={`Hops of ${check.client}`}>
            {check.hops.map((hop, i) => (
              <HopItem key={`${hop.kind}-${i}`} hop={hop} onNavigate={onNavigate} />
            ))}
          </ol>
        </details>
      </article>
    </li>
  );
}

/** Clients shown before "Show all": a hundred clients with five hops each would be thousands of elements. */
const CLIENTS_SHOWN_FIRST = 20;

export default function ClientChecks({ checks, onNavigate, headingLevel = 3 }: ClientChecksProps) {
  const [showAll, setShowAll] = useState(false);
  if (checks.length === 0) return <p className="checker-empty">No clients to check.</p>;
  const count = (v: Verdict) => checks.filter((c) => c.verdict === v).length;
  const shown = showAll ? checks : checks.slice(0, CLIENTS_SHOWN_FIRST);
  return (
    <div className="checker">
      <p className="checker__tally" aria-live="polite">
        {count('reachable')} reachable, {count('warning')} reachable with warnings, {count('unreachable')} not
        reachable.
      </p>
      <ul className="checker__list">
        {shown.map((check) => (
          <ClientCheckCard key={check.clientPath} check={check} onNavigate={onNavigate} headingLevel={headingLevel} />
        ))}
      </ul>
      {shown.length < checks.length ? (
        <button type="button" className="button" onClick={() => setShowAll(true)}>
          Show all {checks.length} clients
        </button>
      ) : null}
    </div>
  );
}
