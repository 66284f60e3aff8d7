/**
 * "Imported but not modelled": after an import of what is deployed, everything the plan has no place for, everything
 * that could not be read, and what the user should check, each with the deployed resource it concerns (name, type and
 * ID), what and why. Nothing the import met is dropped without a line here. Shown in the review of the imported plan
 * and, once it is taken for editing, on the Review step (the report is kept in the store, not in the plan).
 */
import { useId } from 'react';
import type { ImportSource } from '../../import/types';
import type { ImportReport } from '../../store/import-report';
import './import.css';

const SOURCE: Readonly<Record<ImportSource, string>> = {
  bundle: 'an inventory bundle',
  armTemplate: 'a template from "Export template"',
  resourceJson: 'resource JSON',
};

/** The resource's name and type from its ID, for a short label (the ID itself follows). */
function resourceLabel(id: string): string {
  const parts = id.split('/');
  const name = parts.at(-1) ?? id;
  const type = parts.at(-2) ?? '';
  return type === '' || parts.length < 3 ? name : `${name} (${type})`;
}

function countSentence(report: ImportReport): string {
  const n = report.notModelled.length + report.skipped.length + report.warnings.length;
  if (n === 0) return 'Everything it holds is in the plan.';
  return `${n === 1 ? '1 thing in it is' : `${n} things in it are`} not in the plan, or need a look:`;
}

export default function ImportReportPanel({ report }: { report: ImportReport }) {
  const id = useId();
  const from = SOURCE[report.source];
  const readOnly = Object.keys(report.readOnly).length;
  return (
    <section className="card import-report" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Imported but not modelled</h3>
      <p>
        Imported from <strong>{report.fileName}</strong> ({from}), server <code>{report.server}</code>.{' '}
        {countSentence(report)}
      </p>
      {report.warnings.length > 0 ? (
        <>
          <h4>To check</h4>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
      {report.notModelled.length > 0 ? (
        <>
          <h4>Not modelled</h4>
          <ul>
            {report.notModelled.map((n, i) => (
              <li key={i}>
                <strong>{resourceLabel(n.resourceId)}</strong>
                {n.what === 'resource' ? null : (
                  <>
                    , <code>{n.what}</code>
                  </>
                )}
                : {n.why}
                <br />
                <code className="import-report__id">{n.resourceId}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.skipped.length > 0 ? (
        <>
          <h4>Not read</h4>
          <ul>
            {report.skipped.map((s, i) => (
              <li key={i}>
                <strong>{resourceLabel(s.resourceId)}</strong>: {s.reason}
                <br />
                <code className="import-report__id">{s.resourceId}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {readOnly > 0 ? (
        <p className="field__hint">
          {readOnly === 1 ? '1 field' : `${readOnly} fields`} that Azure can’t change after creation{' '}
          {readOnly === 1 ? 'is' : 'are'} read-only in the wizard, each with the reason.
        </p>
      ) : null}
    </section>
  );
}
