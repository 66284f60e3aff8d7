/**
 * "Imported but not modelled": after an import of what is deployed, everything the plan has no place for, everything
 * that could not be read, and what the user should check, each with the deployed resource it concerns. Nothing the
 * import met is dropped without a line here.
 */
import type { ImportReport } from '../../store/store';
import './import.css';

/** The resource's name and type from its ID, for a short label (the ID itself follows). */
function resourceLabel(id: string): string {
  const parts = id.split('/');
  const name = parts.at(-1) ?? id;
  const type = parts.at(-2) ?? '';
  return type === '' ? name : `${name} (${type})`;
}

const countText = (n: number): string => (n === 1 ? '1 thing in it is' : `${n} things in it are`);

export function ImportReportPanel({ report, headingLevel = 3 }: { report: ImportReport; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const count = report.notModelled.length + report.skipped.length + report.warnings.length;
  return (
    <section className="card import-report" aria-labelledby="import-report-heading">
      <Heading id="import-report-heading">Imported but not modelled</Heading>
      <p>
        Imported from <strong>{report.fileName}</strong>.{' '}
        {count === 0 ? 'Everything in it is in the plan.' : `${countText(count)} not in the plan, or need a look:`}
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
                {n.what === 'resource' ? '' : `, ${n.what}`}: {n.why}
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
    </section>
  );
}
