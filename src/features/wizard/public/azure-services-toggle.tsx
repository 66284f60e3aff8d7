/**
 * "Allow public access from Azure services": the rule 0.0.0.0 – 0.0.0.0. Its warning is always
 * visible next to the checkbox, because it lets in every Azure tenant, not just yours (PGN-205):
 * before it is ticked as this notice, once ticked as the rule's finding under the checkbox (not both).
 */
import { useId } from 'react';
import { AZURE_SERVICES_RULE_IP } from '../../../domain/azure';
import { Field } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';

export function AzureServicesToggle({ form }: { form: PlanForm }) {
  const warningId = useId();
  const error = form.formState.errors.access?.allowAzureServices;
  const allowed = form.watch(fieldPath('access.allowAzureServices')) === true;
  return (
    <fieldset className="card fw-azure">
      <legend>Azure services</legend>
      <Field
        path="access.allowAzureServices"
        label="Allow public access from Azure services and resources within Azure to this server"
        formError={error}
        className="field--checkbox"
      >
        {(p) => (
          <input
            type="checkbox"
            {...p}
            aria-describedby={
              [p['aria-describedby'], allowed ? null : warningId].filter(Boolean).join(' ') || undefined
            }
            {...form.register(fieldPath('access.allowAzureServices'))}
          />
        )}
      </Field>
      {allowed ? null : (
        <div className="notice notice--warning" id={warningId}>
          <strong>
            <span aria-hidden="true">▲ </span>Warning (PGN-205):
          </strong>{' '}
          this adds the rule {AZURE_SERVICES_RULE_IP} – {AZURE_SERVICES_RULE_IP}, which allows connections from{' '}
          <strong>all of Azure, including other customers&apos; subscriptions</strong>, not only yours. Use it only when
          your Azure service has no fixed outbound IP address (otherwise add a firewall rule for that address), and make
          sure sign-in and user permissions limit access to authorized users.
        </div>
      )}
    </fieldset>
  );
}
