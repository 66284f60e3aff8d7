/**
 * Paste a list of addresses, CIDR blocks or ranges (or columns from a spreadsheet) and add them as
 * firewall rules in one go. The preview says, before anything is added, which entries become rules
 * (with their names), which are already allowed, and which are refused, why and on which line;
 * refused entries stay in the box. Long lists show their first entries and how many there are; the
 * preview of 10,000 lines stays within the budget of spec/budgets.md.
 */
import { useId, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { previewPastedRules, refusedText, type PastePreview } from '../../../domain/firewall-input';
import type { FirewallRule } from '../../../domain/plan';
import { fieldPath, type PlanForm } from '../use-plan-form';
import type { FirewallRulesArray } from './firewall-table';
import { startUndoStep } from './undo-step';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Entries of each list the preview shows; the rest are counted (10,000 rows would slow every keystroke). */
const SHOWN = 100;

/** "and 9,900 more rules" after a list cut at SHOWN entries, or nothing. */
function More({ total, one, many }: { total: number; one: string; many: string }) {
  return total > SHOWN ? (
    <p className="paste__more">and {plural(total - SHOWN, `more ${one}`, `more ${many}`)}</p>
  ) : null;
}

function previewSummary(p: PastePreview): string {
  const parts = [plural(p.rules.length, 'rule to add', 'rules to add')];
  if (p.skipped.length > 0) parts.push(plural(p.skipped.length, 'entry already allowed', 'entries already allowed'));
  if (p.refused.length > 0) parts.push(plural(p.refused.length, 'entry refused', 'entries refused'));
  return parts.join(', ');
}

function PreviewDetails({ preview }: { preview: PastePreview }) {
  return (
    <div className="paste__preview">
      {preview.rules.length > 0 ? (
        <table className="table paste__table">
          <caption>Rules to add</caption>
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">Rule name</th>
              <th scope="col">Start</th>
              <th scope="col">End</th>
            </tr>
          </thead>
          <tbody>
            {preview.rules.slice(0, SHOWN).map((r) => (
              <tr key={r.name}>
                <td>
                  <code>{r.text}</code>
                </td>
                <td>
                  <code>{r.name}</code>
                </td>
                <td>{r.startIp}</td>
                <td>{r.endIp}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <More total={preview.rules.length} one="rule" many="rules" />
      {preview.skipped.length > 0 ? (
        <>
          <h4 className="paste__heading">Already allowed (not added again)</h4>
          <ul className="paste__list">
            {preview.skipped.slice(0, SHOWN).map((s, i) => (
              <li key={`${s.line}-${i}`}>
                Line {s.line}: <code>{s.text}</code>: {s.reason}
              </li>
            ))}
          </ul>
          <More total={preview.skipped.length} one="entry" many="entries" />
        </>
      ) : null}
      {preview.refused.length > 0 ? (
        <>
          <h4 className="paste__heading">Refused</h4>
          <ul className="paste__list paste__list--refused">
            {preview.refused.slice(0, SHOWN).map((r, i) => (
              <li key={`${r.line}-${i}`}>
                <span className="paste__mark">
                  <span aria-hidden="true">✖ </span>Refused, line {r.line}:
                </span>{' '}
                <code>{r.text}</code> — {r.reason}
              </li>
            ))}
          </ul>
          <More total={preview.refused.length} one="refused entry" many="refused entries" />
        </>
      ) : null}
    </div>
  );
}

export function PasteRules({ form, rules }: { form: PlanForm; rules: FirewallRulesArray }) {
  const id = useId();
  const [text, setText] = useState('');
  const [result, setResult] = useState('');
  const current = useWatch({ control: form.control, name: fieldPath('access.firewallRules') }) as
    FirewallRule[] | undefined;
  const preview = useMemo(() => previewPastedRules(text, current ?? []), [text, current]);
  const hasText = text.trim() !== '';

  const canAdd = preview.rules.length > 0 && preview.overLimit === null;

  const add = () => {
    if (!canAdd) return;
    startUndoStep();
    rules.append(
      preview.rules.map((r) => ({ name: r.name, startIp: r.startIp, endIp: r.endIp })),
      { shouldFocus: false },
    );
    const names = preview.rules.slice(0, SHOWN).map((r) => r.name);
    const others = preview.rules.length - names.length;
    const more = others > 0 ? ` and ${plural(others, 'other', 'others')}` : '';
    const added = `Added ${plural(preview.rules.length, 'rule', 'rules')}: ${names.join(', ')}${more}.`;
    const skipped =
      preview.skipped.length > 0
        ? ` Skipped ${plural(preview.skipped.length, 'entry', 'entries')} already allowed.`
        : '';
    const refusedList =
      preview.refused
        .slice(0, SHOWN)
        .map((r) => r.text)
        .join(', ') + (preview.refused.length > SHOWN ? ', …' : '');
    const stay = preview.refused.length === 1 ? 'it stays' : 'they stay';
    const refused =
      preview.refused.length > 0
        ? ` Refused ${plural(preview.refused.length, 'entry', 'entries')} (${refusedList}); ` +
          `${stay} in the box to correct.`
        : '';
    setResult(added + skipped + refused);
    setText(refusedText(preview));
  };

  return (
    <fieldset className="card paste">
      <legend>Add many rules at once</legend>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-text`}>
          IP addresses, CIDR blocks or ranges to allow
        </label>
        <textarea
          id={`${id}-text`}
          aria-describedby={`${id}-hint${hasText ? ` ${id}-summary` : ''}`}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setResult('');
          }}
          rows={5}
          spellCheck={false}
          autoComplete="off"
        />
        <p className="field__hint" id={`${id}-hint`}>
          One per line, or separated by commas or spaces: <code>198.51.100.7</code>, <code>203.0.113.0/28</code>,{' '}
          <code>192.0.2.1-192.0.2.20</code>, <code>192.0.2.1 to 192.0.2.20</code>,{' '}
          <code>203.0.113.0 255.255.255.240</code>; a line break ends an entry. Start and end columns copied from a
          spreadsheet, or a CSV file with a header row, become ranges. Text after <code>#</code> is a comment and names
          the rules of its line (or, alone on a line, of the next one). CIDR blocks are stored as their start and end
          addresses; IPv6 is refused.
        </p>
      </div>
      {hasText ? (
        <>
          <p className="paste__summary" id={`${id}-summary`}>
            <strong>Preview:</strong> {previewSummary(preview)}.
          </p>
          {preview.overLimit !== null ? (
            <p className="notice notice--error" role="alert">
              These rules would make {plural(preview.overLimit.total, 'firewall rule', 'firewall rules')}; the planner
              takes at most {preview.overLimit.limit.toLocaleString('en-US')} per server (Azure documents no limit).
              Merge addresses into ranges or CIDR blocks, or split the list.
            </p>
          ) : null}
          <PreviewDetails preview={preview} />
        </>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={add} disabled={!canAdd}>
          {preview.rules.length === 0 ? 'Add the rules' : `Add ${plural(preview.rules.length, 'rule', 'rules')}`}
        </button>
      </div>
      <p role="status" className={result ? 'notice notice--ok paste__result' : 'paste__result'}>
        {result}
      </p>
    </fieldset>
  );
}
