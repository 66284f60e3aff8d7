import type { Finding } from '../../domain/finding';
import type { Shown } from './reveal';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note', pending: 'To complete' } as const;
export const SEVERITY_ICON = { error: '✖', warning: '▲', info: 'ℹ', pending: '○' } as const;

/**
 * One finding: icon and word for the severity (not colour alone), message, rule ID and a "why" link. `shown` is
 * `pending` for an error whose field the user has not filled in yet (see `reveal.ts`).
 */
export function FindingMessage({
  finding,
  action,
  shown = finding.severity,
}: {
  finding: Finding;
  action?: React.ReactNode;
  shown?: Shown;
}) {
  return (
    <li className={`finding finding--${shown}`} data-rule={finding.ruleId}>
      <span className="finding__severity">
        <span aria-hidden="true">{SEVERITY_ICON[shown]} </span>
        {SEVERITY_LABEL[shown]}:
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
