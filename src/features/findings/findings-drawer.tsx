/**
 * The findings drawer: live counts of the plan's findings, each a filter, and every finding grouped by step with
 * a way to its field. On a wide screen it sits in the sticky side column under the step list; on a narrow one a
 * button in the step strip opens it as a dialog (the browser's modal dialog: focus moves in, Escape closes it and
 * focus returns to the button, or goes to the field a finding leads to).
 */
import { useCallback, useDeferredValue, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Finding } from '../../domain/finding';
import { usePlanner } from '../../store/store';
import { FindingsByStep } from './findings-by-step';
import { SEVERITY_ICON } from './finding-message';
import { revealAll, shownSeverities, useReveal, type Shown } from './reveal';
import { useShownFindingsOrPending, useShownPlan } from './use-findings';

/** The layout switch of `app.css`: below it the side column becomes a strip above the step. */
const NARROW = '(max-width: 820px)';

const subscribeNarrow = (listener: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
};
const isNarrow = () => window.matchMedia(NARROW).matches;

/** True on a narrow screen; false in the prerender (the wide layout, which CSS adapts until the app takes over). */
function useNarrow(): boolean {
  return useSyncExternalStore(subscribeNarrow, isNarrow, () => false);
}

const ORDER: readonly Shown[] = ['error', 'pending', 'warning', 'info'];
const WORDS: Record<Shown, [string, string]> = {
  error: ['error', 'errors'],
  pending: ['to complete', 'to complete'],
  warning: ['warning', 'warnings'],
  info: ['note', 'notes'],
};
export const countText = (shown: Shown, n: number): string => `${n} ${WORDS[shown][n === 1 ? 0 : 1]}`;

type Counts = Record<Shown, number>;

const NO_FINDINGS: readonly Finding[] = [];

/** The findings as the fields show them, and how many of each kind. */
function useShownFindings(findings: readonly Finding[] | null) {
  const plan = useShownPlan();
  const reveal = useReveal();
  return useMemo(() => {
    const counts: Counts = { error: 0, pending: 0, warning: 0, info: 0 };
    const shown = shownSeverities(findings ?? NO_FINDINGS, plan, reveal);
    for (const s of shown.values()) counts[s] += 1;
    return { counts, shown };
  }, [findings, plan, reveal]);
}

/** Every count in words, or (`compact`, for the narrow strip) icons and numbers with the words for screen readers. */
function CountsLine({ counts, compact = false }: { counts: Counts; compact?: boolean }) {
  const kinds = ORDER.filter((s) => (compact ? s !== 'info' && counts[s] > 0 : s !== 'pending' || counts[s] > 0));
  return (
    <span className={compact ? 'drawer__open-counts' : 'drawer__counts'}>
      {compact && kinds.length === 0 ? 'no problems' : null}
      {kinds.map((s) => (
        <span key={s} className={`summary__item summary__item--${s}`}>
          {compact ? (
            <>
              <span aria-hidden="true">
                {SEVERITY_ICON[s]} {counts[s]}
              </span>
              <span className="visually-hidden">{countText(s, counts[s])}</span>
            </>
          ) : (
            <>
              <span aria-hidden="true">{SEVERITY_ICON[s]} </span>
              {countText(s, counts[s])}
            </>
          )}
        </span>
      ))}
    </span>
  );
}

function DrawerContent({ findings, onGo }: { findings: readonly Finding[]; onGo?: () => void }) {
  const mode = useShownPlan().access.mode;
  // The list follows the plan a moment behind the counts, so a keystroke never waits for it.
  const deferred = useDeferredValue(findings);
  const { counts, shown } = useShownFindings(deferred);
  const [hidden, setHidden] = useState<ReadonlySet<Shown>>(new Set());
  const toggle = (s: Shown) =>
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(s)) next.add(s);
      return next;
    });
  const listed = useMemo(
    () => deferred.filter((f) => !hidden.has(shown.get(f) ?? f.severity)),
    [deferred, hidden, shown],
  );
  const shownAs = useCallback((f: Finding) => shown.get(f) ?? f.severity, [shown]);
  return (
    <>
      <div className="drawer__filters" role="group" aria-label="Show findings by severity">
        {ORDER.filter((s) => s !== 'pending' || counts.pending > 0).map((s) => (
          <button
            key={s}
            type="button"
            className={`drawer__filter summary__item--${s}`}
            aria-pressed={!hidden.has(s)}
            onClick={() => toggle(s)}
          >
            <span aria-hidden="true">{SEVERITY_ICON[s]} </span>
            {countText(s, counts[s])}
          </button>
        ))}
      </div>
      {counts.pending > 0 ? (
        <p className="drawer__pending">
          Fields not filled in yet show their errors once you have been in them.{' '}
          <button type="button" className="link-button" onClick={revealAll}>
            Show all problems
          </button>
        </p>
      ) : null}
      <div className="drawer__list">
        {listed.length === 0 && deferred.length > 0 ? (
          <p className="drawer__empty">No findings of the kinds chosen above.</p>
        ) : (
          <FindingsByStep
            findings={listed}
            mode={mode}
            shownAs={shownAs}
            headingLevel={3}
            {...(onGo ? { onGo } : {})}
          />
        )}
      </div>
    </>
  );
}

/** The findings of the plan on screen: an opened plan's while it is reviewed (`useShownPlan`). */
export function FindingsDrawer() {
  const findings = useShownFindingsOrPending();
  const reviewing = usePlanner((s) => s.incoming !== null);
  const { counts } = useShownFindings(findings);
  const narrow = useNarrow();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const countsLine = findings === null ? 'Checking the plan…' : <CountsLine counts={counts} />;
  const close = () => dialog.current?.close();
  return (
    <>
      <section className="summary drawer" aria-labelledby="summary-title">
        <h2 id="summary-title" className="summary__title">
          {reviewing ? 'Checks of the opened plan' : 'Checks'}
        </h2>
        {/* Beside the list, the filter buttons show the counts; the line stays for screen readers. */}
        <p className={`summary__counts${!narrow && findings !== null ? ' visually-hidden' : ''}`} aria-live="polite">
          {countsLine}
        </p>
        {!narrow && findings !== null ? <DrawerContent findings={findings} /> : null}
      </section>
      <button
        type="button"
        className="button drawer__open"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Findings<span className="visually-hidden">:</span>{' '}
        {findings === null ? '…' : <CountsLine counts={counts} compact />}
      </button>
      <dialog ref={dialog} className="dialog drawer-dialog" aria-labelledby={titleId} onClose={() => setOpen(false)}>
        <div className="drawer-dialog__head">
          <h2 id={titleId}>Findings</h2>
          <button type="button" className="button" onClick={close}>
            Close
          </button>
        </div>
        {open && findings !== null ? <DrawerContent findings={findings} onGo={close} /> : null}
      </dialog>
    </>
  );
}
