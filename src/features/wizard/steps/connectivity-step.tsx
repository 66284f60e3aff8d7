import { useId } from 'react';
import { usePlanner } from '../../../store/store';
import { useReadOnlyReason } from '../field';
import { StepFrame } from '../step-frame';
import { hasPrivateEndpoints } from '../steps';
import { useFieldFindings } from '../../findings/use-findings';
import { FindingMessage } from '../../findings/finding-message';

type Choice = 'private' | 'public' | 'endpoints';

const OPTIONS: readonly { choice: Choice; title: string; lines: string[] }[] = [
  {
    choice: 'private',
    title: 'Private access (VNet integration)',
    lines: [
      'Connect from Azure resources in the same or a peered virtual network ' +
        'over private IP addresses, and from on-premises through VPN or ExpressRoute.',
      'The server has no public endpoint reachable from the internet.',
    ],
  },
  {
    choice: 'public',
    title: 'Public access (allowed IP addresses)',
    lines: [
      'Connect from Azure resources that do not support virtual networks, and ' +
        'from outside Azure without VPN or ExpressRoute.',
      'The server has a public endpoint; only the IP ranges you allow in firewall rules can connect.',
    ],
  },
  {
    choice: 'endpoints',
    title: 'Public access (allowed IP addresses) and Private endpoint',
    lines: [
      'Connect from VNets and on-premises through private endpoints (Private Link): private IP addresses in subnets ' +
        'of your VNets, in any number.',
      'The public endpoint stays for the IP ranges you allow, or is disabled so that only private endpoints connect.',
    ],
  },
];

export default function ConnectivityStep() {
  const choice = usePlanner((s): Choice => (hasPrivateEndpoints(s.plan.access) ? 'endpoints' : s.plan.access.mode));
  const setMode = usePlanner((s) => s.setMode);
  const choose = (c: Choice) => (c === 'private' ? setMode('private') : setMode('public', c === 'endpoints'));
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
          <label key={o.choice} className={`choice__option${choice === o.choice ? ' choice__option--selected' : ''}`}>
            <input
              type="radio"
              name="access-mode"
              value={o.choice}
              checked={choice === o.choice}
              onChange={() => choose(o.choice)}
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
        <strong>Private or public is final.</strong> You can't change between private access and public access after the
        server is created (private endpoints can be added to a public-access server later). The settings of the other
        option are kept in this plan while you compare; choosing public access without private endpoints removes the
        endpoints and their zone (Undo brings them back).
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
