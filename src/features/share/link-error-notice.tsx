/** Why a share link or plan file could not be opened, in one clear message; the current plan is untouched. */
import type { PlanLoadError, PlanLoadErrorKind } from '../../share/errors';

export interface LinkErrorNoticeProps {
  error: PlanLoadError;
  /** Where the plan came from, for the wording. */
  source?: 'link' | 'file';
  onDismiss?: () => void;
}

const TITLES: Record<PlanLoadErrorKind, { link: string; file: string }> = {
  empty: { link: 'The link holds no plan.', file: 'The file is empty.' },
  'not-a-plan-link': { link: 'This is not a plan link.', file: 'This is not a plan file.' },
  truncated: { link: 'The link is cut off.', file: 'The file is cut off.' },
  corrupted: { link: 'The link is damaged.', file: 'The file is damaged.' },
  'newer-version': {
    link: 'This link comes from a newer version of the planner.',
    file: 'This file comes from a newer version of the planner.',
  },
  'invalid-json': { link: 'The link does not hold a plan.', file: 'This is not a plan file (it is not valid JSON).' },
  'invalid-plan': { link: 'The link holds an invalid plan.', file: 'The file is not a valid plan.' },
  'too-large': { link: 'The link is too large to open.', file: 'The file is too large to open.' },
};

export function linkErrorTitle(kind: PlanLoadErrorKind, source: 'link' | 'file' = 'link'): string {
  return TITLES[kind][source];
}

export function LinkErrorNotice({ error, source = 'link', onDismiss }: LinkErrorNoticeProps) {
  return (
    <div role="alert" className="notice notice--error">
      <p>
        <strong>{linkErrorTitle(error.kind, source)}</strong> {error.message}
      </p>
      <p>Your current plan was left untouched.</p>
      {onDismiss ? (
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          Dismiss
        </button>
      ) : null}
    </div>
  );
}
