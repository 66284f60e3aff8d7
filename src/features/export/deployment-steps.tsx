/**
 * The Deployment steps of an export: what the files create, in which order and scope, and why that order, as the
 * dry run (`src/deploy`) read them from the files themselves; and the first step Azure would refuse, if any.
 * Architects review exactly this before a change window.
 */
import { useState } from 'react';
import type { DeployStep, DryRunReport } from '../../deploy/types';

/** Steps listed before "Show all": the largest plans deploy thousands of resources. */
const STEPS_SHOWN_FIRST = 40;

const ACTIONS: Record<DeployStep['action'], string> = { create: 'Create', update: 'Update', read: 'Read' };

/** `Microsoft.Network/virtualNetworks/subnets` → `subnet`: the last segment, singular, in words. */
function kind(type: string): string {
  const last = type.split('/').pop() ?? type;
  const words: Record<string, string> = {
    virtualNetworks: 'virtual network',
    subnets: 'subnet',
    virtualNetworkPeerings: 'peering',
    networkSecurityGroups: 'network security group',
    securityRules: 'security rule',
    routeTables: 'route table',
    privateDnsZones: 'private DNS zone',
    virtualNetworkLinks: 'private DNS zone link',
    flexibleServers: 'PostgreSQL flexible server',
    firewallRules: 'firewall rule',
    configurations: 'server parameter',
    privateEndpoints: 'private endpoint',
    privateDnsZoneGroups: 'private DNS zone group',
  };
  return words[last] ?? last;
}

function scopeText(step: DeployStep): string {
  const group = step.scope.resourceGroup === '' ? "the deployment's resource group" : step.scope.resourceGroup;
  const subscription = step.scope.subscription === '' ? '' : `, subscription ${step.scope.subscription}`;
  const region = step.location === undefined ? '' : `, ${step.location}`;
  return `${group}${subscription}${region}`;
}

export function DeploymentSteps({ report, formatLabel }: { report: DryRunReport; formatLabel: string }) {
  const [all, setAll] = useState(false);
  const position = new Map(report.steps.map((s, i) => [s.id, i + 1]));
  const refused = report.refusal;
  const shown = all ? report.steps : report.steps.slice(0, STEPS_SHOWN_FIRST);
  return (
    <section className="deploy-steps" aria-labelledby="deploy-steps-title">
      <h3 id="deploy-steps-title">Deployment steps</h3>
      <p>
        What the {formatLabel} files create, in the order they allow, and why that order. A dry run read them and
        replayed them against {report.constraints.length} checks Azure makes when it creates a resource.
      </p>
      {refused === null ? (
        <p className="notice notice--ok">Every step passes those checks.</p>
      ) : (
        <div className="export__errors" role="alert">
          <p>
            Azure would refuse step {position.get(refused.step.id)}, {kind(refused.step.type)} {refused.step.name}:{' '}
            {refused.reason}
          </p>
          <p>
            {refused.constraint.title} (source: {refused.constraint.source})
          </p>
        </div>
      )}
      <ol className="deploy-steps__list">
        {shown.map((step) => (
          <li
            key={step.id}
            className={refused?.step.id === step.id ? 'deploy-step deploy-step--refused' : 'deploy-step'}
          >
            <span className="deploy-step__what">
              {ACTIONS[step.action]} {kind(step.type)} <strong>{step.name}</strong>
            </span>{' '}
            <span className="deploy-step__scope">in {scopeText(step)}</span>
            {step.after.length > 0 && (
              <ul className="deploy-step__why">
                {step.after.map((edge) => (
                  <li key={edge.step}>
                    after step {position.get(edge.step) ?? '?'}: {edge.why}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {!all && report.steps.length > STEPS_SHOWN_FIRST && (
        <button type="button" className="button" onClick={() => setAll(true)}>
          Show all {report.steps.length} steps
        </button>
      )}
    </section>
  );
}
