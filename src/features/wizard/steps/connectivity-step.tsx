import { useId } from 'react';
import { usePlanner } from '../../../store/store';
import { useReadOnlyReason } from '../field';
import { StepFrame } from '../step-frame';
import { useFieldFindings } from '../../findings/use-findings';
import { FindingMessage } from '../../findings/finding-message';

const OPTIONS = [
  {
    mode: 'private' as const,
    title: 'Private access (VNet integration)',
    lines: [
      'Connect from Azure resources in the same or a peered virtual network ' +
        'over private IP addresses, and from on-premises through VPN or ExpressRoute.',
      'The server has no public endpoint reachable from the internet.',
    ],
  },
  {
    mode: 'public' as const,
    title: 'Public access (allowed IP addresses)',
    lines: [
      'Connect from Azure resources that do not support virtual networks, and ' +
        'from outside Azure without VPN or ExpressRoute.',
      'The server has a public endpoint; only the IP ranges you allow in firewall rules can connect.',
    ],
  },
];

export default function ConnectivityStep() {
  const mode = usePlanner((s) => s.plan.access.mode);
  const setMode = usePlanner((s) => s.setMode);
  const modeFindings = useFieldFindings('access.mode');
  // An imported server's networking option is what Azure has: the choice is shown, not offered.
  const readOnly = useReadOnlyReason('access.mode');
  const readOnlyId = useId();
  return (
    <StepFrame>
      <fieldset
        className="choice"
        disabled={readOnly !== undefined}
        {...(readOnly === undefined ? {} : { 'aria-describedby': readOnlyId })}
      >
        <legend>How will clients connect?</legend>
        {OPTIONS.map((o) => (
          <label key={o.mode} className={`choice__option${mode === o.mode ? ' choice__option--selected' : ''}`}>
            <input
              type="radio"
              name="access-mode"
              value={o.mode}
              checked={mode === o.mode}
              onChange={() => setMode(o.mode)}
            />
            <span className="choice__title">{o.title}</span>
            {o.lines.map((l) => (
              <span key={l} className="choice__line">
                {l}
              </span>
            ))}
          </label>
        ))}
      </fieldset>
      {readOnly === undefined ? null : (
        <p className="field__hint field__read-only" id={readOnlyId}>
          <strong>Read-only (deployed):</strong> {readOnly}
        </p>
      )}
      <div className="notice notice--info" role="note">
        <strong>This choice is final.</strong> You can't change the networking option after the server is created. The
        settings of the other option are kept in this plan while you compare.
      </div>
      {modeFindings.length > 0 ? (
        <ul className="field__messages">
          {modeFindings.map((f) => (
            <FindingMessage key={f.ruleId + f.message} finding={f} />
          ))}
        </ul>
      ) : null}
    </StepFrame>
  );
}
