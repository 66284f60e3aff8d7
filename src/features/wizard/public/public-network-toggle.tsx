/**
 * The server's public network access, in the portal's words ("Allow public access to this resource through the
 * internet using a public IP address", PE §1.1): off, only private endpoints reach the server and its firewall
 * rules are not enforced (PE §1.4, PGN-224), which the step says above the rules.
 */
import type { FieldError } from 'react-hook-form';
import { Field } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';

export function PublicNetworkToggle({ form }: { form: PlanForm }) {
  const open = form.watch(fieldPath('access.publicNetworkAccess')) !== false;
  return (
    <fieldset className="card fw-azure">
      <legend>Public network access</legend>
      <Field
        path="access.publicNetworkAccess"
        label="Allow public access to this resource through the internet using a public IP address"
        formError={
          (form.formState.errors.access as { publicNetworkAccess?: FieldError } | undefined)?.publicNetworkAccess
        }
        className="field--checkbox"
      >
        {(p) => <input type="checkbox" {...p} {...form.register(fieldPath('access.publicNetworkAccess'))} />}
      </Field>
      {open ? null : (
        <div className="notice notice--info" role="note">
          <strong>Private endpoints only.</strong> With public network access disabled, the server&apos;s public
          endpoint takes no connection: the firewall rules and &ldquo;Azure services&rdquo; below are not enforced, and
          only the plan&apos;s private endpoints carry traffic (PGN-224).
        </div>
      )}
    </fieldset>
  );
}
