/**
 * "Copy share link": the whole plan after "#" of `baseUrl`, copied to the clipboard. Without
 * clipboard access it shows the link selected in a read-only field. Past 8,000 characters it says
 * so and offers the plan file instead.
 */
import { useId, useMemo, useRef, useState } from 'react';
import type { Plan } from '../../domain/plan';
import { LINK_SHARE_LIMIT, isLinkTooLong, planLinkUrl } from '../../share/link';
import { downloadPlanFile } from './download';
import './share.css';

export interface ShareLinkButtonProps {
  plan: Plan;
  /** The planner's address without a fragment, e.g. `location.origin + location.pathname`. */
  baseUrl: string;
}

type CopyState = 'idle' | 'copied' | 'manual';

export function ShareLinkButton({ plan, baseUrl }: ShareLinkButtonProps) {
  const link = useMemo(() => planLinkUrl(baseUrl, plan), [baseUrl, plan]);
  const tooLong = isLinkTooLong(link);
  const [state, setState] = useState<{ copy: CopyState; link: string }>({ copy: 'idle', link: '' });
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const noteId = useId();
  // A status about an older plan's link would mislead: it applies only while the link is the same.
  const copy = state.link === link ? state.copy : 'idle';

  const showField = () => {
    setState({ copy: 'manual', link });
    requestAnimationFrame(() => fieldRef.current?.select());
  };

  const onCopy = async () => {
    if (typeof navigator === 'undefined' || navigator.clipboard === undefined) {
      showField();
      return;
    }
    try {
      await navigator.clipboard.writeText(link);
      setState({ copy: 'copied', link });
    } catch {
      showField();
    }
  };

  const status =
    copy === 'copied'
      ? `Share link copied (${link.length.toLocaleString('en-US')} characters). ` +
        `It holds the whole plan; nothing is sent to a server.`
      : copy === 'manual'
        ? 'The clipboard is not available here: the link is selected below; copy it with Ctrl+C (⌘C on a Mac).'
        : downloaded !== null
          ? `Plan file “${downloaded}” downloaded.`
          : '';

  return (
    <div className="share-link">
      <button
        type="button"
        className="button"
        onClick={() => void onCopy()}
        aria-describedby={tooLong ? noteId : undefined}
      >
        Copy share link
      </button>
      {tooLong ? (
        <div id={noteId} className="notice notice--warning">
          <p>
            This link is {link.length.toLocaleString('en-US')} characters long. Links over{' '}
            {LINK_SHARE_LIMIT.toLocaleString('en-US')} characters are often cut by chat tools, mail clients and proxies;
            share the plan file instead.
          </p>
          <button type="button" className="button" onClick={() => setDownloaded(downloadPlanFile(plan))}>
            Download plan file
          </button>
        </div>
      ) : null}
      {copy === 'manual' ? (
        <>
          <label htmlFor={fieldId} className="visually-hidden">
            Share link
          </label>
          <input
            id={fieldId}
            ref={fieldRef}
            className="share-link__field"
            type="text"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
        </>
      ) : null}
      <p role="status" className={status === '' ? 'visually-hidden' : 'notice notice--ok'}>
        {status}
      </p>
    </div>
  );
}
