/**
 * Paste a list of addresses, CIDR blocks or ranges and add them as firewall rules in one go. The
 * preview says, before anything is added, which entries become rules (with their generated names),
 * which are already allowed, and which are refused and why; refused entries stay in the box.
 */
import { useId, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { previewPastedRules, refusedText, type PastePreview } from '../../../domain/firewall-input';
import type { FirewallRule } from '../../../domain/plan';
import { fieldPath, type PlanForm } from '../use-plan-form';
import type { FirewallRulesArray } from './firewall-table';
import { startUndoStep } from './undo-step';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
            {preview.rules.map((r) => (
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
      {preview.skipped.length > 0 ? (
        <>
          <h4 className="paste__heading">Already allowed (not added again)</h4>
          <ul className="paste__list">
            {preview.skipped.map((s, i) => (
              <li key={`${s.text}-${i}`}>
                <code>{s.text}</code>: {s.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {preview.refused.length > 0 ? (
        <>
          <h4 className="paste__heading">Refused</h4>
          <ul className="paste__list paste__list--refused">
            {preview.refused.map((r, i) => (
              <li key={`${r.text}-${i}`}>
                <span className="paste__mark">
                  <span aria-hidden="true">✖ </span>Refused:
                </span>{' '}
                <code>{r.text}</code> — {r.reason}
              </li>
            ))}
          </ul>
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

  const add = () => {
    if (preview.rules.length === 0) return;
    startUndoStep();
    rules.append(
      preview.rules.map((r) => ({ name: r.name, startIp: r.startIp, endIp: r.endIp })),
      { shouldFocus: false },
    );
    const added = `Added ${plural(preview.rules.length, 'rule', 'rules')}: ${preview.rules.map((r) => r.name).join(', ')}.`;
    const skipped =
      preview.skipped.length > 0
        ? ` Skipped ${plural(preview.skipped.length, 'entry', 'entries')} already allowed.`
        : '';
    const refused =
      preview.refused.length > 0
        ? ` Refused ${plural(preview.refused.length, 'entry', 'entries')} (${preview.refused.map((r) => r.text).join(', ')}); ${preview.refused.length === 1 ? 'it stays' : 'they stay'} in the box to correct.`
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
          <code>192.0.2.1-192.0.2.20</code>. Text after <code>#</code> is a comment. CIDR blocks are stored as their
          start and end addresses; IPv6 is refused.
        </p>
      </div>
      {hasText ? (
        <>
          <p className="paste__summary" id={`${id}-summary`}>
            <strong>Preview:</strong> {previewSummary(preview)}.
          </p>
          <PreviewDetails preview={preview} />
        </>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={add} disabled={preview.rules.length === 0}>
          {preview.rules.length === 0 ? 'Add the rules' : `Add ${plural(preview.rules.length, 'rule', 'rules')}`}
        </button>
      </div>
      <p role="status" className={result ? 'notice notice--ok paste__result' : 'paste__result'}>
        {result}
      </p>
    </fieldset>
  );
}
