import type { Finding } from '../../domain/finding';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;
const SEVERITY_ICON = { error: '✖', warning: '▲', info: 'ℹ' } as const;

/** One finding: icon and word for the severity (not colour alone), message, rule ID and a "why" link. */
export function FindingMessage({ finding, action }: { finding: Finding; action?: React.ReactNode }) {
  return (
    <li className={`finding finding--${finding.severity}`} data-rule={finding.ruleId}>
      <span className="finding__severity">
        <span aria-hidden="true">{SEVERITY_ICON[finding.severity]} </span>
        {SEVERITY_LABEL[finding.severity]}:
      </span>{' '}
      <span className="finding__message">{finding.message}</span>{' '}
      <span className="finding__meta">
        <code className="finding__rule">{finding.ruleId}</code>{' '}
        <a href={finding.docs} target="_blank" rel="noreferrer noopener">
          Why?
          <span className="visually-hidden"> (Microsoft's documentation this rule comes from, opens a new tab)</span>
        </a>
        {action}
      </span>
    </li>
  );
}
