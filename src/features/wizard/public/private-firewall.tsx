/**
 * A private-access plan that carries firewall rules (from a file, a link or another tool): a
 * VNet-integrated server has no public endpoint, so the rules cannot apply (PGN-111). The step
 * shows what the plan holds and offers to remove it all.
 */
import type { Plan, PrivateAccess } from '../../../domain/plan';
import { usePlanner } from '../../../store/store';
import { PathFindings } from './path-findings';

/** The plan without firewall rules and without "allow Azure services" (private access only). */
function withoutPublicAccess(plan: Plan): Plan {
  if (plan.access.mode !== 'private') return plan;
  const { firewallRules: _rules, allowAzureServices: _azure, ...rest } = plan.access;
  const access: PrivateAccess = rest;
  return { ...plan, access };
}

export function PrivateFirewall() {
  const access = usePlanner((s) => s.plan.access);
  const rules = access.firewallRules ?? [];
  const allowAzure = access.allowAzureServices === true;

  const removeAll = () => {
    const state = usePlanner.getState();
    state.updatePlan(withoutPublicAccess, null);
    state.goTo('security');
  };

  return (
    <>
      <div className="notice notice--error" role="note">
        <strong>
          <span aria-hidden="true">✖ </span>Error:
        </strong>{' '}
        this plan uses private access (VNet integration). A server in a virtual network has no public endpoint, so it
        cannot have firewall rules or “Allow public access from Azure services”; Azure refuses firewall rule operations
        on such a server. Clients reach it through the virtual network, peering, VPN or ExpressRoute instead.
      </div>
      <PathFindings path="access.firewallRules" below />
      <PathFindings path="access.allowAzureServices" />
      {rules.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>
              {rules.length === 1
                ? 'The firewall rule in this plan'
                : `The ${rules.length} firewall rules in this plan`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Start IPv4</th>
                <th scope="col">End IPv4</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r, i) => (
                <tr key={`${r.name}-${i}`}>
                  <td>{r.name}</td>
                  <td>{r.startIp}</td>
                  <td>{r.endIp}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p>“Allow public access from Azure services”: {allowAzure ? 'on' : 'off'}.</p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={removeAll}>
          Remove all firewall rules
        </button>
        <button type="button" className="button" onClick={() => usePlanner.getState().goTo('connectivity')}>
          Use public access instead
        </button>
      </div>
      <p className="field__hint">
        Removing also turns off “Allow public access from Azure services”, and this step disappears from the wizard.
        Undo (Ctrl+Z) brings everything back.
      </p>
    </>
  );
}
