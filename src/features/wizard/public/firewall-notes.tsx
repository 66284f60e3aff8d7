/** The notes of the firewall step: how to find your own public IP, and the propagation delay. */
import { FIREWALL_PROPAGATION_MINUTES } from '../../../domain/azure';

export function FindYourIp() {
  return (
    <div className="notice notice--info fwnotes__ip" role="note">
      <h3 className="fwnotes__title">Allowing your own computer</h3>
      <p>
        This planner makes no network requests, so it cannot see your public IP address and has no “Add my current IP”
        button. To find the address the server will see:
      </p>
      <ul>
        <li>
          in a terminal, run <code>curl -4 https://ifconfig.me</code> (or{' '}
          <code>dig -4 +short myip.opendns.com @resolver1.opendns.com</code>);
        </li>
        <li>or search the web for “what is my IP address” in your browser;</li>
        <li>
          behind a company proxy or VPN, the address is the network&apos;s outbound address: ask your network team for
          the range;
        </li>
        <li>
          on a connection with a dynamic IP address, ask your internet provider for the range it assigns, or get a
          static address — a single-address rule breaks when the address changes.
        </li>
      </ul>
      <p>Then add the address as a rule (a single address: the same start and end).</p>
    </div>
  );
}

export function PropagationNote() {
  return (
    <p className="notice notice--info" role="note">
      <strong>Note:</strong> changes to firewall rules can take up to {FIREWALL_PROPAGATION_MINUTES} minutes to take
      effect after deployment. A client refused right after a change may simply need to try again a little later.
    </p>
  );
}
